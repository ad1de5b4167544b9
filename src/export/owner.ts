/**
 * Who made a lock or a staging folder in an output folder, and whether it may
 * still be in use. A pid names a process only on one machine and in one pid
 * namespace: a container writing into a mounted folder sees other pids, and
 * its first process is always pid 1, as was the one before it. So an owner is
 * `pid@host`, the host naming the machine and its pid namespace; what another
 * host made is judged by its age. The paths this process holds are kept here,
 * so that a signal can give them all back.
 */
import { existsSync, readdirSync, readFileSync, readlinkSync, rmdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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
 * may still be in use: its process is alive and started before `path` was last touched, or, made
 * on another host whose processes this one cannot see, it was touched less than `foreignFor` ms
 * ago. One that names this process but that this process does not hold (`path`) is a process's
 * before it with the same pid; so is a live process that started after it was touched.
 */
export function inUse(
  owner: string,
  { path, touchedMs, foreignFor }: { path: string; touchedMs: number; foreignFor: number },
): boolean {
  const at = owner.indexOf('@');
  const pid = Number(at < 0 ? owner : owner.slice(0, at));
  if (at >= 0 && owner.slice(at + 1) !== HOST) return Date.now() - touchedMs < foreignFor;
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return held.has(path) || browsers.profiles.has(path);
  return isAlive(pid) && !startedAfter(pid, touchedMs);
}

/** Linux's clock ticks a second (USER_HZ), in which /proc gives a process's start: 100 on every architecture Node runs on. */
const CLOCK_TICKS = 100;
/**
 * How much later than `touchedMs` a process must have started to be another one: the boot time
 * /proc gives is in whole seconds, and moves when the clock is set.
 */
const START_SLACK_MS = 5_000;

/**
 * Whether process `pid` started after `touchedMs` (ms since the epoch), so that it cannot have
 * made what was touched then: the pid of a build that is gone, taken by another program (a lock
 * left by a killed build blocked every build after it). False where there is no /proc (macOS,
 * Windows) and when it cannot be read.
 */
function startedAfter(pid: number, touchedMs: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22, starttime, counted after the command's name, which is in parentheses and may hold spaces.
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    if (!Number.isFinite(ticks) || !boot) return false;
    return boot * 1000 + (ticks * 1000) / CLOCK_TICKS > touchedMs + START_SLACK_MS;
  } catch {
    return false;
  }
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

/** The start of a browser profile's name in the temporary folder, which goes on with its build's pid. */
export const PROFILE_PREFIX = 'versus-chromium-';
/** The file in a browser profile that names its build (`pid@host`): only a folder holding it is versus's to remove. */
export const PROFILE_OWNER = '.versus-owner';
/** A profile made on another host (a container sharing the temporary folder) is taken for abandoned once untouched for this long. */
const FOREIGN_PROFILE_MS = 60 * 60_000;
/** An empty profile folder without its mark is taken for one a killed build never marked once this old. */
const UNMARKED_PROFILE_MS = 60_000;

/**
 * Removes from `tmp` the browser profiles of builds that are gone (killed outright: `kill -9`, a
 * machine's out-of-memory killer), as a build removes a gone build's staging folder. Only folders
 * versus made, named with `PROFILE_PREFIX` and marked with `PROFILE_OWNER`; never one a live build
 * uses, nor one this user cannot remove.
 */
export function removeAbandonedProfiles(tmp: string): void {
  let entries: string[];
  try {
    entries = readdirSync(tmp).filter((entry) => entry.startsWith(PROFILE_PREFIX));
  } catch {
    return;
  }
  for (const entry of entries) {
    const dir = path.join(tmp, entry);
    try {
      const touchedMs = statSync(dir).mtimeMs;
      if (!existsSync(path.join(dir, PROFILE_OWNER))) {
        // A build killed between making its profile and marking it left it empty: rmdir takes
        // nothing else. A live build marks its profile at once, long before this.
        if (Date.now() - touchedMs > UNMARKED_PROFILE_MS) rmdirSync(dir);
        continue;
      }
      const owner = readFileSync(path.join(dir, PROFILE_OWNER), 'utf8').trim();
      if (!owner || inUse(owner, { path: dir, touchedMs, foreignFor: FOREIGN_PROFILE_MS })) continue;
      rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 20 });
    } catch {
      // Not versus's (no marker, not empty), another user's, or gone meanwhile.
    }
  }
}

/** The profiles of the browsers this process started, and their process groups while they run. */
const browsers = { profiles: new Set<string>(), groups: new Set<number>() };

/**
 * Holds the profile folder a browser is launched with, from before it starts, for
 * `endBrowsersSync`; returns how to let go of it once it is removed.
 */
export function holdBrowserProfile(profile: string): () => void {
  browsers.profiles.add(profile);
  return () => browsers.profiles.delete(profile);
}

/** Holds a launched browser's process group (puppeteer starts it detached) while it runs; returns how to let go. */
export function holdBrowserGroup(pid: number): () => void {
  browsers.groups.add(pid);
  return () => browsers.groups.delete(pid);
}

/**
 * For a signal's handler: kills the browsers this process started, also one still starting
 * (found on Linux as a child of this process that names a held profile), then takes their
 * profiles away: killed first, Chromium writes no more into them.
 */
export function endBrowsersSync(): void {
  for (const pid of [...browsers.groups, ...childrenNaming([...browsers.profiles])]) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Gone already, or not a group of its own.
    }
  }
  browsers.groups.clear();
  for (const profile of browsers.profiles) {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
    } catch {
      // Exit with the signal's status all the same.
    }
  }
  browsers.profiles.clear();
}

/** This process's children whose command line names one of `profiles`, read from /proc (none elsewhere). */
function childrenNaming(profiles: string[]): number[] {
  if (profiles.length === 0) return [];
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  return pids.flatMap((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The parent's pid is the second field after the command, which is in parentheses.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid) return [];
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return profiles.some((profile) => args.includes(`--user-data-dir=${profile}`)) ? [Number(pid)] : [];
    } catch {
      return [];
    }
  });
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
