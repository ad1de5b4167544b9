/** CLI tests run the built `lib/cli.js` (compiled, then bundled): build it once so it matches `src/`. */
import { execSync } from 'node:child_process';

export default function compile(): void {
  execSync('npm run --silent build', { stdio: 'inherit' });
}
