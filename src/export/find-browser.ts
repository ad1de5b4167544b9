/**
 * Where the browser is, without loading puppeteer: the build's up-to-date check
 * needs the browser's identity and must stay cheap.
 */
import { existsSync } from 'node:fs';

/**
 * Chromium's headless shell comes first: made for automation, it starts without
 * the full browser's UI (whose preloaded omnibox page alone costs half a CPU
 * second) and prints the same PDFs in a third of the CPU time.
 */
const CANDIDATES = [
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export const INSTALL_HINT =
  'Install Chromium (Debian/Ubuntu: `sudo apt-get install chromium-headless-shell`, or run `bash scripts/setup.sh`) or set CHROME_PATH to a Chrome or Chromium executable.';

/** The browser executable: `CHROME_PATH` when set, else the first one installed. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROME_PATH) return existsSync(env.CHROME_PATH) ? env.CHROME_PATH : undefined;
  return CANDIDATES.find((candidate) => existsSync(candidate));
}
