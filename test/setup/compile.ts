/** CLI tests run the compiled `lib/cli.js`: compile it once so it matches `src/`. */
import { execFileSync } from 'node:child_process';

export default function compile(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
}
