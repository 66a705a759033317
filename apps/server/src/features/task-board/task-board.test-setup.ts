/** Shared by the board's API tests: a pinned clock, an organization with a template and status. */
import type { Board, BoardColumn } from '@spotter/contracts';
import { expect } from 'vitest';
import type { Db } from '../../db/client.ts';
import {
  createOrg,
  useTestApp,
  type Client,
  type TestApp,
  type TestOrg,
} from '../../../test/test-app.ts';
import { insertStatus, insertTemplate } from './task-board.fixtures.ts';

/** A mutable clock: tests move `clock.now`, the app reads it through `now: () => clock.now`. */
export const clock = { now: new Date('2026-11-22T22:30:00Z') };

/** The test file's app, reading `clock`. */
export const useBoardTestApp = () => useTestApp({ now: () => clock.now });

export interface BoardOrg {
  orgId: string;
  ownerId: string;
  owner: Client;
  templateId: string;
  statusId: string;
  /** For createStaff. */
  testOrg: TestOrg;
}

export async function boardOrg(t: TestApp, timezone = 'Europe/Stockholm'): Promise<BoardOrg> {
  const org = await createOrg(t.app, { timezone });
  const db: Db = t.database.db;
  return {
    orgId: org.orgId,
    ownerId: org.ownerId,
    owner: org.owner,
    templateId: await insertTemplate(db, org.orgId, 'Board test call'),
    statusId: await insertStatus(db, org.orgId, 'Board test status'),
    testOrg: org,
  };
}

export async function getBoard(client: Client, query = ''): Promise<Board> {
  const res = await client.request('GET', `/api/board${query ? `?${query}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Board>();
}

/** Which column each card is in. */
export function columnsById(board: Board): Record<string, BoardColumn> {
  return Object.fromEntries(board.columns.flatMap((c) => c.items.map((i) => [i.id, c.column])));
}

export function column(board: Board, name: BoardColumn) {
  const found = board.columns.find((c) => c.column === name);
  if (!found) throw new Error(`no column ${name}`);
  return found;
}

export const ids = (board: Board, name: BoardColumn) => column(board, name).items.map((i) => i.id);
