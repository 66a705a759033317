import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDirLock, DataDirLockedError } from './dir-lock.ts';
import { ownIdentity, processStartTicks } from './process-identity.ts';

const holderScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'test-lock-holder.ts');
const isLinux = process.platform === 'linux';

/** A lock file as another process would have written it. */
function writeLock(dir: string, fields: Record<string, unknown>) {
  const record = { ...ownIdentity(), token: 'someone-else', ...fields };
  writeFileSync(path.join(dir, 'spotter.lock'), JSON.stringify(record));
}

const lockOf = (dir: string) =>
  JSON.parse(readFileSync(path.join(dir, 'spotter.lock'), 'utf8')) as { pid: number };

async function startedChild(cmd: string, args: string[], ready?: string): Promise<ChildProcess> {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  if (ready) {
    let out = '';
    for await (const chunk of child.stdout!) {
      out += String(chunk);
      if (out.includes(ready)) break;
    }
  }
  return child;
}

const children: ChildProcess[] = [];

describe('data folder lock', () => {
  let dir: string;
  const fresh = () => (dir = mkdtempSync(path.join(os.tmpdir(), 'lock-')));
  afterEach(() => {
    for (const c of children.splice(0)) c.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second holder while the first holds it, and frees it on release', async () => {
    fresh();
    const first = await acquireDirLock(dir);
    await expect(acquireDirLock(dir)).rejects.toThrow(DataDirLockedError);
    first.release();
    (await acquireDirLock(dir)).release();
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    fresh();
    // Pids are capped well below this on Linux, so no process can have it.
    writeFileSync(path.join(dir, 'spotter.lock'), '99999999');
    (await acquireDirLock(dir)).release();
    writeLock(dir, { pid: 99999999 });
    (await acquireDirLock(dir)).release();
  });

  it('takes over a lock naming its own pid: a container restarted as PID 1 again', async () => {
    fresh();
    // The old format (a bare pid) and the new one with the previous life's start time.
    writeFileSync(path.join(dir, 'spotter.lock'), String(process.pid));
    (await acquireDirLock(dir)).release();
    writeLock(dir, { start: '1' });
    const lock = await acquireDirLock(dir);
    expect(lockOf(dir).pid).toBe(process.pid);
    lock.release();
  });

  it.runIf(isLinux)('takes over a lock naming PID 1 that started at another moment', async () => {
    fresh();
    const start = processStartTicks(1);
    expect(start).not.toBeNull();
    writeLock(dir, { pid: 1, start: '999999999999' });
    (await acquireDirLock(dir)).release();
    // The same pid with the start time it really has is the holder itself: refused.
    writeLock(dir, { pid: 1, start });
    await expect(acquireDirLock(dir)).rejects.toThrow(DataDirLockedError);
  });

  it.runIf(isLinux)('takes over a lock whose pid now belongs to an unrelated process', async () => {
    fresh();
    const sleeper = await startedChild('sleep', ['30']);
    const pid = sleeper.pid!;
    const start = processStartTicks(pid)!;
    writeLock(dir, { pid, start: String(Number(start) - 500) });
    (await acquireDirLock(dir)).release();
    // The old format: the sleeper started after the lock file was written, so it did not write it.
    writeFileSync(path.join(dir, 'spotter.lock'), String(pid));
    const past = new Date(Date.now() - 60_000);
    utimesSync(path.join(dir, 'spotter.lock'), past, past);
    (await acquireDirLock(dir)).release();
  });

  it('refuses a live Spotter process, and takes over once it is killed with -9', async () => {
    fresh();
    const holder = await startedChild(
      process.execPath,
      ['--import', 'tsx', holderScript, dir],
      'locked',
    );
    const started = Date.now();
    const err = await acquireDirLock(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataDirLockedError);
    expect((err as DataDirLockedError).pid).toBe(holder.pid);
    // Refused at once: in our own pid namespace the pid and its start time say it is alive.
    expect(Date.now() - started).toBeLessThan(1_000);

    holder.kill('SIGKILL');
    await once(holder, 'exit');
    const lock = await acquireDirLock(dir);
    expect(lockOf(dir).pid).toBe(process.pid);
    lock.release();
  });

  it('waits for a holder in another pid namespace to go quiet, then takes over', async () => {
    fresh();
    writeLock(dir, { pid: 1, pidNs: 'pid:[1]', start: '5' });
    const waited: number[] = [];
    const started = Date.now();
    const lock = await acquireDirLock(dir, {
      staleMs: 400,
      heartbeatMs: 100,
      onWait: (_holder, ms) => waited.push(ms),
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(waited).toHaveLength(1);
    lock.release();
  });

  it('refuses a holder in another pid namespace that keeps its heartbeat', async () => {
    fresh();
    writeLock(dir, { pid: 1, pidNs: 'pid:[1]', host: 'other-container' });
    const file = path.join(dir, 'spotter.lock');
    const beat = setInterval(() => {
      const now = new Date();
      utimesSync(file, now, now);
    }, 50);
    try {
      await expect(acquireDirLock(dir, { staleMs: 400, heartbeatMs: 100 })).rejects.toThrow(
        /process 1 on other-container/,
      );
    } finally {
      clearInterval(beat);
    }
  });

  it('keeps its lock file fresh, and stops when another process has taken it', async () => {
    fresh();
    const lost: string[] = [];
    const lock = await acquireDirLock(dir, { heartbeatMs: 50, onLost: (m) => lost.push(m) });
    const file = path.join(dir, 'spotter.lock');
    const past = new Date(Date.now() - 60_000);
    utimesSync(file, past, past);
    await new Promise((r) => setTimeout(r, 150));
    expect(Date.now() - statSync(file).mtimeMs).toBeLessThan(1_000);
    expect(lost).toEqual([]);

    writeLock(dir, { token: 'the-other-one' });
    await new Promise((r) => setTimeout(r, 150));
    expect(lost).toHaveLength(1);
    // Its release leaves the other holder's lock alone.
    lock.release();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ token: 'the-other-one' });
  });
});
