/**
 * Who made a lock or a staging folder in an output folder, and whether it may
 * still be in use. A pid names a process only on one machine and in one pid
 * namespace: a container writing into a mounted folder sees other pids, and
 * its first process is always pid 1, as was the one before it. So an owner is
 * `pid@host`, the host naming the machine and its pid namespace; what another
 * host made is judged by its age. The paths this process holds are kept here,
 * so that a signal can give them all back.
 */
import { readlinkSync, rmSync } from 'node:fs';
import os from 'node:os';

function pidNamespace(): string {
  try {
    return `/${readlinkSync('/proc/self/ns/pid')}`;
  } catch {
    return ''; // No /proc (macOS, Windows): one namespace per machine.
  }
}

/** This machine and pid namespace. */
const HOST = `${os.hostname()}${pidNamespace()}`;

/** What a lock file and a staging folder's marker hold: this process, as other builds can tell it apart. */
export const OWNER = `${process.pid}@${HOST}`;

/** Paths this process holds (its staging folders, the locks it took), to give back on a signal. */
const held = new Set<string>();

export function hold(file: string): void {
  held.add(file);
}

export function release(file: string): void {
  held.delete(file);
}

/**
 * Whether what `owner` made (`pid@host`, or a pid alone as versus wrote it before: this host's)
 * may still be in use: its process is alive, or, made on another host whose processes this one
 * cannot see, it was touched less than `foreignFor` ms ago. One that names this process but that
 * this process does not hold (`path`) is a process's before it with the same pid.
 */
export function inUse(
  owner: string,
  { path, touchedMs, foreignFor }: { path: string; touchedMs: number; foreignFor: number },
): boolean {
  const at = owner.indexOf('@');
  const pid = Number(at < 0 ? owner : owner.slice(0, at));
  if (at >= 0 && owner.slice(at + 1) !== HOST) return Date.now() - touchedMs < foreignFor;
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return held.has(path);
  return isAlive(pid);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * For signal handlers: removes every staging folder and lock this process holds, synchronously,
 * so that no pending write can make one again before the process exits. A lock is only ever held
 * across awaits before its commit's first move (the moves are synchronous): taking it away
 * leaves no commit half done.
 */
export function releaseAllSync(): void {
  for (const file of held) {
    try {
      rmSync(file, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
    } catch {
      // Exit with the signal's status all the same: the next build removes what a gone build left.
    }
  }
  held.clear();
}
