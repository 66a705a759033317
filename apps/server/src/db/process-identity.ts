import { readFileSync, readlinkSync } from 'node:fs';
import os from 'node:os';

/**
 * What tells one process apart from another that later gets the same pid: a container's
 * server is PID 1 after every restart, and a pid is handed out again once its process is gone.
 * Linux answers from /proc; elsewhere (macOS, Windows) the Linux-only parts are null.
 */
export interface ProcessIdentity {
  pid: number;
  /** When it started, in clock ticks since boot (field 22 of /proc/<pid>/stat). */
  start: string | null;
  /** The kernel's boot id: ticks since boot mean nothing across a reboot. */
  boot: string | null;
  /** Its pid namespace ("pid:[4026531836]"): each container has its own. */
  pidNs: string | null;
  host: string;
}

const readOrNull = (read: () => string): string | null => {
  try {
    return read().trim() || null;
  } catch {
    return null;
  }
};

/** Field 22 of /proc/<pid>/stat; null where there is no /proc or no such process. */
export function processStartTicks(pid: number): string | null {
  const stat = readOrNull(() => readFileSync(`/proc/${pid}/stat`, 'utf8'));
  if (!stat) return null;
  // The command name (field 2) is in parentheses and may itself hold spaces or ")".
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? null;
}

/**
 * When the process started, as a wall-clock time in ms (±1 s: the boot time has whole
 * seconds). Linux's clock ticks are 100 a second on every architecture Node runs on.
 */
export function processStartedAt(pid: number): number | null {
  const ticks = processStartTicks(pid);
  const btime = /^btime (\d+)$/m.exec(readOrNull(() => readFileSync('/proc/stat', 'utf8')) ?? '');
  if (ticks === null || !btime) return null;
  return Number(btime[1]) * 1000 + Number(ticks) * 10;
}

/** Whether some process has this pid (it may belong to another user). */
export function pidExists(pid: number): boolean {
  // kill(0) and negative pids address process groups, not a process.
  if (!Number.isInteger(pid) || pid < 1) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function ownIdentity(): ProcessIdentity {
  return {
    pid: process.pid,
    start: processStartTicks(process.pid),
    boot: readOrNull(() => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8')),
    pidNs: readOrNull(() => readlinkSync('/proc/self/ns/pid')),
    host: os.hostname(),
  };
}
