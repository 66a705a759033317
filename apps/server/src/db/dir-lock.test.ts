import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDirLock, DataDirLockedError } from './dir-lock.ts';

describe('data folder lock', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second holder while the first holds it, and frees it on release', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'lock-'));
    const first = acquireDirLock(dir);
    expect(() => acquireDirLock(dir)).toThrow(DataDirLockedError);
    first.release();
    acquireDirLock(dir).release();
  });

  it('takes over a lock left by a process that no longer exists', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'lock-'));
    // Pids are capped well below this on Linux, so no process can have it.
    writeFileSync(path.join(dir, 'spotter.lock'), '99999999');
    acquireDirLock(dir).release();
  });
});
