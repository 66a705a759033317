import { createHash, randomBytes } from 'node:crypto';
import {
  TOKEN_PERMISSIONS,
  tokenPermissions,
  type ApiToken,
  type ApiTokenCreate,
  type TokenScope,
} from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { fieldInvalid, notFound } from '../../lib/errors.ts';
import type { AuthCache } from '../auth/index.ts';
import * as repo from './api-tokens.repo.ts';

const TOKEN_PREFIX = 'spt_';

/** Tokens are 256 random bits, so a plain SHA-256 is enough to keep them unusable at rest. */
const hashToken = (secret: string) => createHash('sha256').update(secret).digest('hex');

function toDto(row: repo.TokenListRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    createdBy: row.createdBy ?? null,
    scopes: tokenPermissions(row.scopes) as TokenScope[],
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

export async function listTokens(db: Db, actor: Actor) {
  assertCan(actor, 'tokens.manage');
  const rows = await repo.listTokens(db, actor.orgId);
  return { items: rows.map(toDto) };
}

export async function createToken(
  db: Db,
  actor: Actor,
  input: { name: string; scopes?: ApiTokenCreate['scopes']; expiresAt?: string | null },
  now: Date,
) {
  assertCan(actor, 'tokens.manage');
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= now) {
    throw fieldInvalid('expiresAt', 'invalid_date', 'Choose a moment in the future');
  }
  const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const id = await repo.insertToken(db, {
    orgId: actor.orgId,
    name: input.name,
    scopes: tokenPermissions(input.scopes ?? TOKEN_PERMISSIONS),
    expiresAt,
    prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
    tokenHash: hashToken(secret),
    createdBy: actor.userId,
  });
  const [row] = await repo.listTokens(db, actor.orgId, id);
  return { token: toDto(row!), secret };
}

export async function revokeToken(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'tokens.manage');
  if (!(await repo.revokeToken(db, actor.orgId, id))) throw notFound('API token');
  return { ok: true as const };
}

const USED_RESOLUTION_MS = 60_000;

/**
 * The live token with this secret, if any. With `cache`, a token is remembered for a few
 * seconds (decision 0019): revoking it forgets it here at once and, through the database's
 * notification, on every other instance.
 */
export async function resolveApiToken(db: Db, secret: string, cache?: AuthCache, now = new Date()) {
  if (!secret.startsWith(TOKEN_PREFIX)) return undefined;
  const hash = hashToken(secret);
  let row = cache?.read(cache.tokens, hash);
  if (!row) {
    const ticket = cache?.ticket();
    row = await repo.findLiveTokenByHash(db, hash);
    if (!row) return undefined;
    // An entry never outlives the token's expiry.
    if (cache && ticket) {
      cache.fill(cache.tokens, hash, ticket, row, {
        userId: null,
        orgId: row.orgId,
        notAfter: row.expiresAt ?? undefined,
      });
    }
  }
  if (row.expiresAt && row.expiresAt <= now) return undefined;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > USED_RESOLUTION_MS) {
    // The remembered row learns it too, so the next minute's requests do not write again.
    row.lastUsedAt = now;
    await repo.markUsed(db, row.orgId, row.id, now);
  }
  return { id: row.id, orgId: row.orgId, permissions: tokenPermissions(row.scopes) };
}
