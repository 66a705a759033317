import { randomBytes } from 'node:crypto';
import {
  closeSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ownIdentity,
  pidExists,
  processStartedAt,
  processStartTicks,
  type ProcessIdentity,
} from './process-identity.ts';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    host?: string,
  ) {
    super(
      `Another Spotter (process ${pid}${host ? ` on ${host}` : ''}) is already using the data ` +
        `folder ${dataDir}. Stop it first, or point DATA_DIR at another folder.`,
    );
  }
}

export interface DirLock {
  release(): void;
}

export interface DirLockOptions {
  /** How often the holder touches the lock file, to show it is still running. */
  heartbeatMs?: number;
  /**
   * A holder that cannot be checked by pid (another container's pid namespace, a system
   * without /proc) counts as gone once its lock file has gone this long without a touch.
   */
  staleMs?: number;
  /** Told once when start-up waits for such a holder to go quiet. */
  onWait?: (holder: { pid: number; host: string | null }, ms: number) => void;
  /** The lock was taken by another process (it judged us dead): by default, exit at once. */
  onLost?: (message: string) => void;
}

/** The lock file's content; version 1 held only the pid. */
interface LockRecord extends ProcessIdentity {
  token: string;
}

type Holder =
  { kind: 'record'; record: LockRecord } | { kind: 'legacy'; pid: number } | { kind: 'unreadable' };

interface Found {
  holder: Holder;
  raw: string;
  mtimeMs: number;
}

type Verdict = 'alive' | 'stale' | 'quiet-check';

/** A half-written or garbled lock file older than this was left by a crash while writing it. */
const UNREADABLE_STALE_MS = 5_000;
/** Process start times are known to ±1 s (see processStartedAt). */
const CLOCK_SLACK_MS = 2_000;

/** Lock files this process holds: a second acquire in the same process is refused. */
const held = new Set<string>();

const lockFileOf = (dataDir: string) => path.join(dataDir, 'spotter.lock');

function parse(raw: string): Holder {
  const text = raw.trim();
  if (/^\d+$/.test(text)) return { kind: 'legacy', pid: Number(text) };
  try {
    const r = JSON.parse(text) as Partial<LockRecord>;
    if (Number.isInteger(r.pid) && typeof r.token === 'string' && typeof r.host === 'string') {
      return { kind: 'record', record: r as LockRecord };
    }
  } catch {
    // fall through: a file cut short by a crash while it was written
  }
  return { kind: 'unreadable' };
}

function readLock(file: string): Found | null {
  try {
    const raw = readFileSync(file, 'utf8');
    return { holder: parse(raw), raw, mtimeMs: statSync(file).mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Is the process named by the lock still the one that wrote it? In our own pid namespace the
 * pid and its start time answer exactly: a lock naming our own pid, or a pid now used by a
 * process that started at another moment, is stale. Past our namespace (another container
 * sharing the folder) only the holder's heartbeat can tell.
 */
function judge(found: Found, self: ProcessIdentity, staleMs: number, now: number): Verdict {
  const { holder } = found;
  const quiet = now - found.mtimeMs > staleMs;
  if (holder.kind === 'unreadable') {
    return now - found.mtimeMs > UNREADABLE_STALE_MS ? 'stale' : 'quiet-check';
  }
  if (holder.kind === 'legacy') {
    const { pid } = holder;
    if (pid === self.pid || !pidExists(pid)) return 'stale';
    // That pid's process started after the lock was written, so it did not write it.
    const started = processStartedAt(pid);
    if (started !== null && started > found.mtimeMs + CLOCK_SLACK_MS) return 'stale';
    return 'alive';
  }
  const r = holder.record;
  if (r.host === self.host && r.boot && self.boot && r.boot !== self.boot) return 'stale';
  const sameNamespace = r.host === self.host && r.pidNs === self.pidNs && r.boot === self.boot;
  if (sameNamespace) {
    // Held by this process is refused before we get here: this is a previous life of our pid.
    if (r.pid === self.pid) return 'stale';
    if (!pidExists(r.pid)) return 'stale';
    const start = processStartTicks(r.pid);
    if (r.start !== null && start !== null) return start === r.start ? 'alive' : 'stale';
    // No /proc: the pid lives, and the holder's heartbeat says whether it is ours.
    return quiet ? 'stale' : 'alive';
  }
  return quiet ? 'stale' : 'quiet-check';
}

/** Removes a stale lock, unless someone else replaced it meanwhile (two starting at once). */
function removeStale(file: string, found: Found): void {
  const guard = `${file}.takeover`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    // A takeover takes milliseconds; an old guard was left by a crash in the middle of one.
    const age = Date.now() - (statSync(guard, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > UNREADABLE_STALE_MS) rmSync(guard, { force: true });
    return;
  }
  try {
    if (readLock(file)?.raw === found.raw) rmSync(file, { force: true });
  } finally {
    closeSync(fd);
    rmSync(guard, { force: true });
  }
}

function tryCreate(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

function exitOnLost(message: string): never {
  console.error(`\nSpotter stops: ${message}\n`);
  process.exit(1);
}

function hold(file: string, content: string, token: string, opts: Required<DirLockOptions>) {
  held.add(file);
  let released = false;
  const beat = () => {
    const found = readLock(file);
    if (!found) {
      // Someone deleted it by hand: put it back, unless another process has taken it.
      if (!tryCreate(file, content)) beat();
      return;
    }
    if (found.holder.kind !== 'record' || found.holder.record.token !== token) {
      stop();
      opts.onLost(`another process has taken over the lock on ${path.dirname(file)}`);
      return;
    }
    const now = new Date();
    utimesSync(file, now, now);
  };
  const timer = setInterval(() => {
    try {
      beat();
    } catch {
      // A passing file-system error; the next beat tries again.
    }
  }, opts.heartbeatMs);
  timer.unref();
  const stop = () => {
    clearInterval(timer);
    held.delete(file);
    released = true;
  };
  return {
    release() {
      if (released) return;
      stop();
      const found = readLock(file);
      if (found?.holder.kind === 'record' && found.holder.record.token === token) {
        rmSync(file, { force: true });
      }
    },
  };
}

/**
 * An exclusive lock on a data folder (PGlite has none: two processes on one folder lose
 * commits). The lock file names its holder by pid, start time, boot, pid namespace and host,
 * and the holder touches it every few seconds. A lock whose holder is gone (kill -9, power
 * loss, a container restarted as PID 1 again) is taken over; a running holder is refused.
 */
export async function acquireDirLock(
  dataDir: string,
  options: DirLockOptions = {},
): Promise<DirLock> {
  const opts: Required<DirLockOptions> = {
    heartbeatMs: 5_000,
    staleMs: 30_000,
    onWait: () => {},
    onLost: exitOnLost,
    ...options,
  };
  const file = lockFileOf(dataDir);
  if (held.has(file)) throw new DataDirLockedError(dataDir, process.pid);
  const self = ownIdentity();
  const token = randomBytes(16).toString('hex');
  const content = JSON.stringify({ ...self, token } satisfies LockRecord);
  const deadline = Date.now() + opts.staleMs + opts.heartbeatMs;
  let told = false;
  for (;;) {
    if (tryCreate(file, content)) return hold(file, content, token, opts);
    const found = readLock(file);
    if (!found) continue;
    const verdict = judge(found, self, opts.staleMs, Date.now());
    const holder =
      found.holder.kind === 'record'
        ? { pid: found.holder.record.pid, host: found.holder.record.host }
        : { pid: found.holder.kind === 'legacy' ? found.holder.pid : 0, host: null };
    if (verdict === 'stale') {
      removeStale(file, found);
      continue;
    }
    if (verdict === 'alive' || Date.now() >= deadline) {
      throw new DataDirLockedError(dataDir, holder.pid, holder.host ?? undefined);
    }
    if (!told && found.holder.kind === 'record') {
      told = true;
      opts.onWait(holder, deadline - Date.now());
    }
    await sleep(Math.min(1_000, opts.heartbeatMs));
  }
}
