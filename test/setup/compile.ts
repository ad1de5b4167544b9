/** CLI tests run the built `lib/cli.js` (compiled, then bundled): build it once so it matches `src/`. */
import { execFileSync } from 'node:child_process';

export default function compile(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
  execFileSync(process.execPath, ['scripts/bundle.js'], { stdio: 'inherit' });
}
