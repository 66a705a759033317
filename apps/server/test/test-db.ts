import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import {
  onThread,
  openPostgres,
  pgliteExtensions,
  usePglite,
  type Database,
} from '../src/db/client.ts';

export const testDbKind = process.env.TEST_DB === 'postgres' ? 'postgres' : 'embedded';

/** A fresh PostgreSQL database copied from the migrated template; returns its URL. */
export async function createPostgresTestUrl(): Promise<string> {
  const url = process.env.TEST_DATABASE_URL!;
  const name = `spotter_t_${process.ppid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${inject('postgresTemplate')}`);
  } finally {
    await admin.end();
  }
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  return dbUrl.toString();
}

/** A fresh, migrated database of its own for one test file. */
export async function createTestDatabase(): Promise<Database> {
  if (testDbKind === 'postgres') return openPostgres(await createPostgresTestUrl());
  if (process.env.TEST_PGLITE === 'thread') {
    // PGlite on its own thread, as the server runs it (slower to start: for checking that path).
    const database = onThread({ loadDataDir: readFileSync(inject('pgliteTemplate')) });
    await database.ready;
    return database;
  }
  const blob = new Blob([readFileSync(inject('pgliteTemplate'))]);
  const client = await PGlite.create({ loadDataDir: blob, extensions: pgliteExtensions });
  return usePglite(client);
}
