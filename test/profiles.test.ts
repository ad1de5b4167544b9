/**
 * Browser profiles a build killed outright (kill -9) left in the temporary folder: a later build
 * removes them, as it removes such a build's staging folder, and nothing versus did not make.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  holdBrowserProfile,
  OWNER,
  PROFILE_OWNER,
  PROFILE_PREFIX,
  removeAbandonedProfiles,
} from '../src/export/owner.js';

/** This machine and pid namespace, as an owner names them. */
const HOST = OWNER.slice(OWNER.indexOf('@') + 1);

describe('browser profiles of builds that are gone', () => {
  it('are removed; those of live builds, and folders versus did not make, stay', () => {
    const temp = mkdtempSync(path.join(tmpdir(), 'versus-profiles-'));
    // The pid of a process that has exited.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    const profile = (name: string, owner?: string) => {
      mkdirSync(path.join(temp, name));
      writeFileSync(path.join(temp, name, 'Local State'), '{}');
      if (owner !== undefined) writeFileSync(path.join(temp, name, PROFILE_OWNER), owner);
    };
    profile(`${PROFILE_PREFIX}${gone}-killed`, `${gone}@${HOST}`);
    // vitest's own process started before this profile was made: its build is still running.
    profile(`${PROFILE_PREFIX}${process.ppid}-running`, `${process.ppid}@${HOST}`);
    // A profile of this very process, held by the browser it started.
    const held = `${PROFILE_PREFIX}${process.pid}-held`;
    profile(held, OWNER);
    const letGo = holdBrowserProfile(path.join(temp, held));
    // Without the owner's mark, and under puppeteer's own name: not versus's to take away.
    profile(`${PROFILE_PREFIX}${gone}-unmarked`);
    // Empty and unmarked: a build killed between making it and marking it, a minute ago or just now.
    mkdirSync(path.join(temp, `${PROFILE_PREFIX}${gone}-never-marked`));
    const minutesAgo = new Date(Date.now() - 2 * 60_000);
    utimesSync(path.join(temp, `${PROFILE_PREFIX}${gone}-never-marked`), minutesAgo, minutesAgo);
    mkdirSync(path.join(temp, `${PROFILE_PREFIX}${process.ppid}-being-marked`));
    profile(`puppeteer_dev_chrome_profile-${gone}`, `${gone}@${HOST}`);
    // Made by a build in another container sharing the folder, whose processes this one cannot see.
    profile(`${PROFILE_PREFIX}1-container`, '1@elsewhere/pid:[1]');

    removeAbandonedProfiles(temp);
    letGo();

    expect(readdirSync(temp).sort()).toEqual(
      [
        `${PROFILE_PREFIX}${process.ppid}-running`,
        held,
        `${PROFILE_PREFIX}${gone}-unmarked`,
        `${PROFILE_PREFIX}${process.ppid}-being-marked`,
        `puppeteer_dev_chrome_profile-${gone}`,
        `${PROFILE_PREFIX}1-container`,
      ].sort(),
    );
  });
});
