import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { openDatabase } from './db/client.ts';
import { loadConfig } from './plugins/env.ts';
import { clientFor, orgBody, sessionCookieOf } from '../test/test-app.ts';
import { createPostgresTestUrl, testDbKind } from '../test/test-db.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'spotter-srv-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('restarting the server', () => {
  it('keeps the organization and the login session (U-1)', async () => {
    const env = {
      DATA_DIR: tempDir(),
      LOG_LEVEL: 'silent',
      ...(testDbKind === 'postgres' && { DATABASE_URL: await createPostgresTestUrl() }),
    };
    const start = async () => {
      const config = loadConfig(env);
      return buildApp(config, { database: await openDatabase(config), logger: false });
    };
    const first = await start();
    const setup = await first.inject({ method: 'POST', url: '/api/setup', payload: orgBody() });
    expect(setup.statusCode).toBe(201);
    const cookie = sessionCookieOf(setup);
    await first.close();

    const second = await start();
    try {
      const me = await clientFor(second, cookie).request('GET', '/api/me');
      expect(me.statusCode).toBe(200);
      expect(me.json().user.role).toBe('owner');
      const health = await second.inject({ method: 'GET', url: '/api/health' });
      expect(health.json()).toEqual({
        status: 'ok',
        database: testDbKind === 'postgres' ? 'postgres' : 'embedded',
      });
    } finally {
      await second.close();
    }
  });
});

const serverEntry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'server.ts');

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', serverEntry], {
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** A new embedded database takes seconds to create alone, and over a minute on a busy machine. */
async function waitForHealth(port: number, child: ChildProcess) {
  for (let i = 0; i < 4 * 150; i++) {
    if (child.exitCode !== null) throw new Error('server exited early');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start');
}

describe.runIf(testDbKind === 'embedded')('the embedded database lock', () => {
  it('a second server on the same DATA_DIR exits with a clear message; the first keeps running, then shuts down cleanly on SIGTERM', async () => {
    const dataDir = tempDir();
    const port = 20000 + Math.floor(Math.random() * 20000);
    const first = startServer({ DATA_DIR: dataDir, PORT: String(port) });
    try {
      await waitForHealth(port, first.child);
      const second = startServer({ DATA_DIR: dataDir, PORT: String(port + 1) });
      const code = await second.exited;
      expect(code).not.toBe(0);
      expect(second.output()).toMatch(/already using the data folder/);
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(health.status).toBe(200);
    } finally {
      first.child.kill('SIGTERM');
    }
    expect(await first.exited).toBe(0);
    // The lock is released on a clean shutdown: the next start succeeds.
    const third = startServer({ DATA_DIR: dataDir, PORT: String(port + 2) });
    try {
      await waitForHealth(port + 2, third.child);
    } finally {
      third.child.kill('SIGTERM');
      await third.exited;
    }
  }, 360_000);
});

describe.runIf(testDbKind === 'embedded')('restarting after kill -9', () => {
  it('starts again on the same DATA_DIR when the stale lock names a pid now used by another process', async () => {
    const dataDir = tempDir();
    const port = 20000 + Math.floor(Math.random() * 20000);
    const first = startServer({ DATA_DIR: dataDir, PORT: String(port) });
    const sleeper = spawn('sleep', ['60']);
    try {
      await waitForHealth(port, first.child);
      first.child.kill('SIGKILL');
      await first.exited;
      // As in a container: the next start finds its old pid (PID 1) running something else.
      const file = path.join(dataDir, 'spotter.lock');
      const lock = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      writeFileSync(file, JSON.stringify({ ...lock, pid: sleeper.pid }));

      const second = startServer({ DATA_DIR: dataDir, PORT: String(port + 1) });
      try {
        await waitForHealth(port + 1, second.child);
      } finally {
        second.child.kill('SIGTERM');
      }
      expect(await second.exited).toBe(0);
    } finally {
      sleeper.kill('SIGKILL');
      first.child.kill('SIGKILL');
    }
  }, 360_000);
});
