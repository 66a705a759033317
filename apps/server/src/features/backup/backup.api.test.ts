import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BackupStatus, Person } from '@spotter/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbedded } from '../../db/client.ts';
import { contacts } from '../contacts/index.ts';
import { createOrg, createStaff, ok, useTestApp, type TestOrg } from '../../../test/test-app.ts';
import { testDbKind } from '../../../test/test-db.ts';
import { restoreFromFile } from './backup-files.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'spotter-backup-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe.runIf(testDbKind === 'embedded')('backup download on the embedded database', () => {
  const t = useTestApp();
  let org: TestOrg;
  beforeAll(async () => {
    org = await createOrg(t.app);
  });

  it('is for owners and admins only, never for an API token', async () => {
    const admin = await createStaff(t.app, org, 'admin');
    const manager = await createStaff(t.app, org, 'manager');
    expect(await ok<BackupStatus>(admin.client, 'GET', '/api/backup/status')).toEqual({
      database: 'embedded',
      available: true,
      reason: null,
    });
    for (const url of ['/api/backup', '/api/backup/status']) {
      const refused = await manager.client.request('GET', url);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'forbidden' });
    }
    // An integration's API token can never copy the database.
    const { secret } = await ok<{ secret: string }>(org.owner, 'POST', '/api/api-tokens', {
      name: 'Booking system',
    });
    const byToken = await t.app.inject({
      method: 'GET',
      url: '/api/backup',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(byToken.statusCode).toBe(403);
    const res = await admin.client.request('GET', '/api/backup');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="spotter-backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.tar\.gz"$/,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    // gzip's magic number
    expect([...res.rawPayload.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
  });

  it('taken while 4 writers run, restores every write acknowledged before it began', async () => {
    const acked: Array<{ id: string; at: number }> = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const res = await org.owner.request('POST', '/api/persons', {
          firstName: `Writer${w}`,
          lastName: `Number${i}`,
        });
        if (res.statusCode !== 201) throw new Error(`write failed: ${res.body}`);
        acked.push({ id: res.json<{ person: Person }>().person.id, at: performance.now() });
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acked.length < 40) await sleep(5);
    const began = performance.now();
    const backup = await org.owner.request('GET', '/api/backup');
    const ended = performance.now();
    // The writers go on after the backup, then stop.
    const count = acked.length;
    while (acked.length < count + 20) await sleep(5);
    stop = true;
    await Promise.all(writers);
    expect(backup.statusCode).toBe(200);

    const before = acked.filter((a) => a.at < began).map((a) => a.id);
    const after = acked.filter((a) => a.at > ended).map((a) => a.id);
    expect(before.length).toBeGreaterThanOrEqual(40);
    expect(after.length).toBeGreaterThanOrEqual(20);

    const file = path.join(tempDir(), 'backup.tar.gz');
    writeFileSync(file, backup.rawPayload);
    const dataDir = path.join(tempDir(), 'restored');
    expect(await restoreFromFile({ databaseUrl: undefined, dataDir }, file)).toEqual({
      organizations: 1,
    });
    const restored = await openEmbedded(dataDir);
    try {
      const ids = async (list: string[]) => {
        const rows = await restored.db
          .select({ id: contacts.id })
          .from(contacts)
          .where(and(eq(contacts.orgId, org.orgId), inArray(contacts.id, list)));
        return new Set(rows.map((r) => r.id));
      };
      const present = await ids(before);
      expect(before.filter((id) => !present.has(id))).toEqual([]);
    } finally {
      await restored.close();
    }
  }, 120_000);
});

describe.runIf(testDbKind === 'embedded')('a database shared by several organizations', () => {
  const t = useTestApp();

  it('is not offered to any one of them', async () => {
    const org = await createOrg(t.app);
    await createOrg(t.app);
    expect(await ok<BackupStatus>(org.owner, 'GET', '/api/backup/status')).toEqual({
      database: 'embedded',
      available: false,
      reason: 'shared_database',
    });
    const res = await org.owner.request('GET', '/api/backup');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'backup_shared_database' });
    expect(res.json().message).toContain('npm run backup');
  });
});

describe.runIf(testDbKind === 'postgres')('backup download on PostgreSQL', () => {
  const t = useTestApp();

  it('answers 501 naming pg_dump, never a file', async () => {
    const org = await createOrg(t.app);
    expect(await ok<BackupStatus>(org.owner, 'GET', '/api/backup/status')).toEqual({
      database: 'postgres',
      available: false,
      reason: 'postgres',
    });
    const res = await org.owner.request('GET', '/api/backup');
    expect(res.statusCode).toBe(501);
    expect(res.json()).toMatchObject({ code: 'backup_not_embedded' });
    expect(res.json().message).toContain('pg_dump');
    const manager = await createStaff(t.app, org, 'manager');
    expect((await manager.client.request('GET', '/api/backup')).statusCode).toBe(403);
  });
});
