/**
 * The embedded database on its own thread, as the server runs it (decision 0022): errors keep
 * PostgreSQL's fields, a transaction's statements run together while others wait, and
 * notifications, copies and closing reach through to PGlite.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { integer, jsonb, numeric, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isUniqueViolation, pgErrorCode } from '../lib/errors.ts';
import { clientFor, createTestApp, orgBody, sessionCookieOf } from '../../test/test-app.ts';
import { testDbKind } from '../../test/test-db.ts';
import { onThread, openEmbedded, pgliteExtensions, usePglite, type Database } from './client.ts';

const things = pgTable('thread_things', {
  id: integer().primaryKey(),
  label: text().notNull(),
  at: timestamp({ withTimezone: true }).notNull(),
  data: jsonb().$type<{ tags: string[] }>(),
  amount: numeric(),
  names: text().array(),
});

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'spotter-thread-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const template = () => readFileSync(inject('pgliteTemplate'));
const count = async (database: Database) =>
  Number(
    (
      (await database.db.execute(sql`select count(*) as n from thread_things`)) as unknown as {
        rows: { n: string | number }[];
      }
    ).rows[0]!.n,
  );

describe.runIf(testDbKind === 'embedded')('PGlite on its own thread', () => {
  let database: Database;
  beforeAll(async () => {
    database = onThread({ loadDataDir: template() });
    await database.ready;
    await database.db.execute(sql`
      create table thread_things (id integer primary key, label text not null,
        at timestamptz not null, data jsonb, amount numeric, names text[])`);
  });
  afterAll(() => database.close());

  it('answers as PGlite in this thread does: dates, JSON, numbers, arrays', async () => {
    const row = {
      id: 1,
      label: 'one',
      at: new Date('2026-03-01T10:00:00.123Z'),
      data: { tags: ['a', 'b'] },
      amount: '12.50',
      names: ['x', 'y'],
    };
    await database.db.insert(things).values(row);
    const local = await usePglite(
      await PGlite.create({ loadDataDir: new Blob([template()]), extensions: pgliteExtensions }),
    );
    try {
      await local.db.execute(sql`
        create table thread_things (id integer primary key, label text not null,
          at timestamptz not null, data jsonb, amount numeric, names text[])`);
      await local.db.insert(things).values(row);
      const [there] = await database.db.select().from(things);
      const [here] = await local.db.select().from(things);
      expect(there).toEqual(here);
      expect(there!.at).toBeInstanceOf(Date);
      expect(there!.at.toISOString()).toBe('2026-03-01T10:00:00.123Z');
    } finally {
      await local.close();
      await database.db.execute(sql`delete from thread_things`);
    }
  });

  it('runs PostgreSQL with a 32 MB buffer cache, not the 128 MB that stays resident', async () => {
    const res = (await database.db.execute(sql`show shared_buffers`)) as unknown as {
      rows: { shared_buffers: string }[];
    };
    expect(res.rows).toEqual([{ shared_buffers: '32MB' }]);
  });

  it('keeps the SQLSTATE and constraint of an error, which the app turns into a conflict', async () => {
    await database.db.insert(things).values({ id: 2, label: 'two', at: new Date() });
    const err = await database.db
      .insert(things)
      .values({ id: 2, label: 'again', at: new Date() })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(pgErrorCode(err)).toBe('23505');
    expect(isUniqueViolation(err, 'thread_things_pkey')).toBe(true);
    await database.db.execute(sql`delete from thread_things`);
  });

  it('runs a transaction’s statements together: others wait for its commit, then see it', async () => {
    const order: string[] = [];
    let inside!: () => void;
    const started = new Promise<void>((r) => (inside = r));
    const tx = database.db.transaction(async (t) => {
      await t.insert(things).values({ id: 3, label: 'three', at: new Date() });
      inside();
      await new Promise((r) => setTimeout(r, 200));
      await t.insert(things).values({ id: 4, label: 'four', at: new Date() });
      order.push('commit');
    });
    await started;
    const seen = count(database).then((n) => {
      order.push('read');
      return n;
    });
    await tx;
    expect(await seen).toBe(2);
    expect(order).toEqual(['commit', 'read']);
    await database.db.execute(sql`delete from thread_things`);
  });

  it('rolls back a transaction whose body throws, and hands back the body’s error', async () => {
    const boom = new Error('body failed');
    await expect(
      database.db.transaction(async (t) => {
        await t.insert(things).values({ id: 5, label: 'five', at: new Date() });
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await count(database)).toBe(0);
    // A savepoint inside a transaction rolls back alone.
    await database.db.transaction(async (t) => {
      await t.insert(things).values({ id: 6, label: 'six', at: new Date() });
      await t
        .transaction(async (inner) => {
          await inner.insert(things).values({ id: 7, label: 'seven', at: new Date() });
          throw new Error('inner');
        })
        .catch(() => {});
    });
    const ids = await database.db.select({ id: things.id }).from(things);
    expect(ids).toEqual([{ id: 6 }]);
    await database.db.execute(sql`delete from thread_things`);
  });

  it('delivers notifications to a listener until it unsubscribes', async () => {
    const got: string[] = [];
    const stop = await database.listen('thread_test', (payload) => got.push(payload));
    await database.db.execute(sql`select pg_notify('thread_test', 'hello')`);
    await expect.poll(() => got).toEqual(['hello']);
    await stop();
    await database.db.execute(sql`select pg_notify('thread_test', 'again')`);
    await new Promise((r) => setTimeout(r, 100));
    expect(got).toEqual(['hello']);
  });

  it('copies the data folder as a tarball PGlite opens', async () => {
    await database.db.insert(things).values({ id: 8, label: 'eight', at: new Date() });
    const dump = await database.dumpDataDir!();
    const copy = await PGlite.create({ loadDataDir: dump, extensions: pgliteExtensions });
    try {
      const res = await copy.query<{ label: string }>('select label from thread_things');
      expect(res.rows).toEqual([{ label: 'eight' }]);
    } finally {
      await copy.close();
    }
  });

  it('serves the whole app: sign-up, a duplicate e-mail refused as a conflict', async () => {
    const db = onThread({ loadDataDir: template() });
    await db.ready;
    const t = await createTestApp({ database: db });
    try {
      const body = orgBody();
      const first = await t.app.inject({ method: 'POST', url: '/api/signup', payload: body });
      expect(first.statusCode).toBe(201);
      const again = await t.app.inject({ method: 'POST', url: '/api/signup', payload: body });
      expect(again.statusCode).toBe(409);
      const me = await clientFor(t.app, sessionCookieOf(first)).request('GET', '/api/me');
      expect(me.statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe.runIf(testDbKind === 'embedded')('the embedded database folder on a thread', () => {
  it(
    'closing writes everything out, ends the thread and frees the folder for the next open',
    { timeout: 90_000 },
    async () => {
      const dataDir = tempDir();
      const first = await openEmbedded(dataDir);
      await first.db.execute(sql`create table kept (note text)`);
      await first.db.execute(sql`insert into kept values ('survives')`);
      await first.close();
      await expect(first.db.execute(sql`select 1`)).rejects.toThrow();
      const second = await openEmbedded(dataDir);
      try {
        const res = (await second.db.execute(sql`select note from kept`)) as unknown as {
          rows: { note: string }[];
        };
        expect(res.rows).toEqual([{ note: 'survives' }]);
      } finally {
        await second.close();
      }
    },
  );

  it(
    'analyzes a table that grew in bulk, which PGlite (no autovacuum) never does by itself',
    { timeout: 90_000 },
    async () => {
      const dataDir = tempDir();
      const first = await openEmbedded(dataDir);
      await first.db.execute(sql`create table grown (id integer primary key, note text)`);
      await first.db.execute(
        sql`insert into grown select g, repeat('x', 50) from generate_series(1, 20000) g`,
      );
      const estimate = async (database: Database) =>
        Number(
          (
            (await database.db.execute(
              sql`select reltuples from pg_class where relname = 'grown'`,
            )) as unknown as { rows: { reltuples: number }[] }
          ).rows[0]!.reltuples,
        );
      await first.close();
      const second = await openEmbedded(dataDir);
      try {
        await expect.poll(() => estimate(second), { timeout: 20_000 }).toBe(20000);
      } finally {
        await second.close();
      }
    },
  );

  it('a folder that cannot be opened fails `ready` with the reason and lets go of the lock', async () => {
    const dataDir = tempDir();
    // Where the database's folder should be there is a file.
    writeFileSync(path.join(dataDir, 'pglite'), 'not a database');
    await expect(openEmbedded(dataDir)).rejects.toThrow();
    await expect.poll(() => readLock(dataDir)).toBe(false);
  });
});

function readLock(dataDir: string) {
  try {
    readFileSync(path.join(dataDir, 'spotter.lock'));
    return true;
  } catch {
    return false;
  }
}
