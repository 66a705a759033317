import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { openEmbedded } from '../../db/client.ts';
import { createOrg, testConfig } from '../../../test/test-app.ts';
import { testDbKind } from '../../../test/test-db.ts';
import { backupToFile, BackupRefusedError, restoreFromFile } from './backup-files.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'spotter-bk-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs one of the command-line entry points as cron would, with DATA_DIR in its environment. */
function runCli(script: string, args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(src, script), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, output })),
  );
}

/** A server on an on-disk data folder, as `npm start` runs it (without listening on a port). */
async function startServer(dataDir: string): Promise<FastifyInstance> {
  const database = await openEmbedded(dataDir);
  const app = await buildApp(testConfig({ dataDir }), { database, logger: false });
  await app.ready();
  return app;
}

describe.runIf(testDbKind === 'embedded')('npm run backup and npm run restore', () => {
  it('copies a running server through its socket and a stopped one from its folder; restores either into an empty folder only', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const out = tempDir();
    const server = await startServer(dataDir);
    let running = true;
    try {
      await createOrg(server);
      // While the server runs it holds the folder's lock: the copy comes from the server.
      const hot = await runCli('backup.cli.ts', ['--out', path.join(out, 'hot.tar.gz')], {
        DATA_DIR: dataDir,
      });
      expect(hot.output).toContain('from the running server');
      expect(hot.code).toBe(0);
      await createOrg(server);
      await server.close();
      running = false;
    } finally {
      if (running) await server.close();
    }
    // Stopped: the folder is opened and copied under its lock.
    expect(
      await backupToFile({ databaseUrl: undefined, dataDir }, path.join(out, 'cold.tar.gz')),
    ).toMatchObject({ via: 'folder' });
    expect(readdirSync(out).sort()).toEqual(['cold.tar.gz', 'hot.tar.gz']);

    const into = path.join(tempDir(), 'restored');
    const restored = await runCli('restore.cli.ts', [path.join(out, 'hot.tar.gz')], {
      DATA_DIR: into,
    });
    expect(restored.output).toContain('(1 organization)');
    expect(restored.code).toBe(0);
    // The restored folder is a working Spotter with what the backup held.
    const again = await startServer(into);
    try {
      const status = await again.inject({ method: 'GET', url: '/api/health' });
      expect(status.json()).toEqual({ status: 'ok', database: 'embedded' });
    } finally {
      await again.close();
    }
    // A folder that holds anything is refused, and left as it was.
    const before = readdirSync(into).sort();
    const refused = await runCli('restore.cli.ts', [path.join(out, 'cold.tar.gz')], {
      DATA_DIR: into,
    });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('is not empty');
    expect(readdirSync(into).sort()).toEqual(before);

    const fresh = path.join(tempDir(), 'cold');
    expect(
      await restoreFromFile(
        { databaseUrl: undefined, dataDir: fresh },
        path.join(out, 'cold.tar.gz'),
      ),
    ).toEqual({ organizations: 2 });
  }, 180_000);

  it('refuses a file that is not a backup, and leaves the folder empty', async () => {
    const dir = tempDir();
    const garbage = path.join(dir, 'notes.tar.gz');
    writeFileSync(garbage, 'these are not the droids');
    // A real gzipped tar, but of something else.
    mkdirSync(path.join(dir, 'photos'));
    writeFileSync(path.join(dir, 'photos', 'cat.txt'), 'meow');
    const otherTar = path.join(dir, 'photos.tar.gz');
    expect(spawnSync('tar', ['-czf', otherTar, '-C', path.join(dir, 'photos'), '.']).status).toBe(
      0,
    );
    for (const file of [garbage, otherTar, path.join(dir, 'missing.tar.gz')]) {
      const dataDir = path.join(tempDir(), 'data');
      await expect(restoreFromFile({ databaseUrl: undefined, dataDir }, file)).rejects.toThrow(
        BackupRefusedError,
      );
      expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
    }
  });

  it('takes no backup of a folder without a database', async () => {
    const dataDir = tempDir();
    mkdirSync(path.join(dataDir, 'pglite'));
    const out = path.join(tempDir(), 'x.tar.gz');
    await expect(backupToFile({ databaseUrl: undefined, dataDir }, out)).rejects.toThrow(
      /no Spotter database/,
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe('on PostgreSQL', () => {
  const where = { databaseUrl: 'postgres://localhost/spotter', dataDir: '/nonexistent' };
  it('backup and restore name pg_dump and pg_restore instead', async () => {
    await expect(backupToFile(where, '/tmp/never.tar.gz')).rejects.toThrow(/pg_dump/);
    await expect(restoreFromFile(where, '/tmp/never.tar.gz')).rejects.toThrow(/pg_restore/);
  });
});
