import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

export interface RunningServer {
  url: string;
  dataDir: string;
  stop(opts?: { keepData?: boolean }): Promise<void>;
}

/**
 * A real Spotter process on a free port with an empty embedded database of its own: a copy of
 * the run's migrated template (e2e/support/global-setup.ts).
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'spotter-e2e-'));
  const template = templateDir();
  if (template) cpSync(template, dataDir, { recursive: true });
  return launchServer(dataDir, env);
}

/** The test run's template; none outside a test run (a benchmark starts on a new database). */
function templateDir(): string | undefined {
  try {
    return inject('e2eTemplateDir');
  } catch {
    return undefined;
  }
}

/** Spotter on `dataDir` (created and migrated at start when empty). */
export async function launchServer(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const port = 21000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/server.ts'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    // Opening a new embedded database takes seconds alone, and minutes on a loaded machine.
    if (i > 720) throw new Error('server did not start within 180 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    async stop(opts = {}) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      if (!opts.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
