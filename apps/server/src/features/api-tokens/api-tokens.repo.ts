import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../users/index.ts';
import { apiTokens } from './api-tokens.table.ts';

export async function insertToken(db: Db, row: typeof apiTokens.$inferInsert) {
  const [created] = await db.insert(apiTokens).values(row).returning({ id: apiTokens.id });
  return created!.id;
}

const listColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  createdBy: users.name,
  scopes: apiTokens.scopes,
  expiresAt: apiTokens.expiresAt,
};

export type TokenListRow = Awaited<ReturnType<typeof listTokens>>[number];

/** Live tokens only; an organization keeps a handful, so one bounded page holds them. */
export function listTokens(db: Db, orgId: string, id?: string) {
  const conditions = [eq(apiTokens.orgId, orgId), isNull(apiTokens.revokedAt)];
  if (id) conditions.push(eq(apiTokens.id, id));
  return db
    .select(listColumns)
    .from(apiTokens)
    .leftJoin(users, and(eq(users.orgId, apiTokens.orgId), eq(users.id, apiTokens.createdBy)))
    .where(and(...conditions))
    .orderBy(desc(apiTokens.createdAt))
    .limit(500);
}

export async function revokeToken(db: Db, orgId: string, id: string) {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

/** Every API request with a token asks this: built once per database handle, sent by name. */
function liveTokenQuery(db: Db) {
  return db
    .select({
      id: apiTokens.id,
      orgId: apiTokens.orgId,
      lastUsedAt: apiTokens.lastUsedAt,
      scopes: apiTokens.scopes,
      expiresAt: apiTokens.expiresAt,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sql.placeholder('hash')), isNull(apiTokens.revokedAt)))
    .prepare('api_token_by_hash');
}

const liveToken = new WeakMap<Db, ReturnType<typeof liveTokenQuery>>();

export async function findLiveTokenByHash(db: Db, tokenHash: string) {
  let query = liveToken.get(db);
  if (!query) liveToken.set(db, (query = liveTokenQuery(db)));
  const [row] = await query.execute({ hash: tokenHash });
  return row;
}

export async function markUsed(db: Db, orgId: string, id: string, at: Date) {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: at })
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.id, id)));
}
