/**
 * `npm start` runs the built server (apps/server/dist) with plain Node, no TypeScript loader:
 * it finds its migrations and the database thread's file, keeps data across a restart and
 * stops cleanly (decision 0022).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../build.ts';
import { orgBody } from '../test/test-app.ts';
import { createPostgresTestUrl, testDbKind } from '../test/test-db.ts';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'spotter-built-'));
// Inside the server's node_modules: the packages left outside the bundle resolve from there as
// they do from dist/, and the API suites of both databases can build at the same time.
const builtDir = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  `../node_modules/.spotter-build-test-${process.pid}`,
);
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(builtDir, { recursive: true, force: true });
});

function startBuilt(env: Record<string, string>) {
  const port = 12000 + Math.floor(Math.random() * 15000);
  const child = spawn(process.execPath, [path.join(builtDir, 'server.js')], {
    // Plain Node: no NODE_OPTIONS from the test runner that could load a TypeScript compiler.
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const ready = (async () => {
    for (let i = 0; i < 240; i++) {
      if (child.exitCode !== null) throw new Error(`the built server exited: ${output}`);
      try {
        const res = await fetch(`${url}/api/health`);
        if (res.ok) return (await res.json()) as { database: string };
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`the built server did not answer: ${output}`);
  })();
  return { child, exited, url, ready };
}

describe('the built server', () => {
  let env: Record<string, string>;
  beforeAll(async () => {
    await buildServer(builtDir);
    env =
      testDbKind === 'postgres'
        ? { DATABASE_URL: await createPostgresTestUrl(), DATA_DIR: dataDir }
        : { DATA_DIR: dataDir };
  }, 120_000);

  it('starts with plain Node, migrates, keeps its data over a restart and stops on SIGTERM', async () => {
    const first = startBuilt(env);
    try {
      expect((await first.ready).database).toBe(testDbKind);
      const setup = await fetch(`${first.url}/api/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(orgBody()),
      });
      expect(setup.status).toBe(201);
    } finally {
      first.child.kill('SIGTERM');
    }
    expect(await first.exited).toBe(0);

    const second = startBuilt(env);
    try {
      await second.ready;
      // The organization made before the restart is there: the first-run setup is closed.
      const again = await fetch(`${second.url}/api/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(orgBody()),
      });
      expect(again.status).not.toBe(201);
    } finally {
      second.child.kill('SIGTERM');
    }
    expect(await second.exited).toBe(0);
  }, 120_000);
});
