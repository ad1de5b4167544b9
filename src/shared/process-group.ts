/**
 * A program run in a process group of its own, so that what it starts (a
 * wrapper script's child, a build tool's workers) is stopped with it.
 */
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';

export interface GroupProcess {
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** Kills the whole group at once (SIGKILL); nothing when it is gone. */
  kill(): void;
}

/** Starts `program` with its output piped, as the leader of a new process group. */
export function spawnGroup(
  program: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): GroupProcess {
  const child = spawn(program, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const kill = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  // What it left running in the background would keep its output open: it ends with the leader.
  child.on('exit', kill);
  return { child, kill };
}
