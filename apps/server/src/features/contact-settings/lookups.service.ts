import {
  SCOPED_LOOKUPS,
  type Lookup,
  type lookupCreateSchema,
  type LookupKind,
  type LookupUpdate,
  type Scope,
} from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { catchNameTaken, conflict, fieldError, fieldInvalid, notFound } from '../../lib/errors.ts';
import { contactReferences, isArrayKind, isSingleKind } from './contact-references.port.ts';
import * as repo from './lookups.repo.ts';

type CreateInput = z.output<typeof lookupCreateSchema>;

const LABELS: Record<LookupKind, string> = {
  tags: 'tag',
  categories: 'category',
  industries: 'industry',
  sources: 'source',
  products: 'product',
  'history-types': 'event type',
  'relation-roles': 'relation',
};
const label = (kind: LookupKind) => LABELS[kind];
const capitalized = (kind: LookupKind) => label(kind)[0]!.toUpperCase() + label(kind).slice(1);

export function toLookupDto(row: repo.LookupRow, usage?: Map<string, number>): Lookup {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    color: row.color,
    scope: row.scope,
    position: row.position,
    archived: row.archivedAt !== null,
    ...(usage && { usage: usage.get(row.id) ?? 0 }),
  };
}

const nameTakenAs = <T>(kind: LookupKind, work: () => Promise<T>) =>
  catchNameTaken(`A ${label(kind)}`, work);

/** Only tags and categories are for persons, companies or both; other lists serve both. */
const scopeFor = (kind: LookupKind, scope: Scope): Scope =>
  SCOPED_LOOKUPS.includes(kind) ? scope : 'both';

export async function listLookups(
  db: Db,
  actor: Actor,
  kind: LookupKind,
  opts: { includeArchived: boolean; withUsage: boolean },
) {
  assertCan(actor, 'contacts.read');
  const [rows, usage] = await Promise.all([
    repo.listLookups(db, actor.orgId, kind, opts.includeArchived),
    opts.withUsage ? contactReferences.get().usageByLookup(db, actor.orgId, kind) : undefined,
  ]);
  return { items: rows.map((r) => toLookupDto(r, usage)) };
}

export async function createLookup(db: Db, actor: Actor, kind: LookupKind, input: CreateInput) {
  assertCan(actor, 'settings.manage');
  const position = input.position ?? (await repo.nextLookupPosition(db, actor.orgId, kind));
  const row = await nameTakenAs(kind, () =>
    repo.insertLookup(db, {
      orgId: actor.orgId,
      kind,
      name: input.name,
      color: input.color ?? null,
      scope: scopeFor(kind, input.scope),
      position,
    }),
  );
  return toLookupDto(row);
}

/** Narrowing a tag to persons must not leave companies holding a tag they cannot have. */
async function assertScopeFree(db: Db, orgId: string, row: repo.LookupRow, scope: Scope) {
  if (!isArrayKind(row.kind) || scope === 'both' || scope === row.scope) return;
  const excluded = scope === 'person' ? 'company' : 'person';
  const used = await contactReferences
    .get()
    .countWithListEntry(db, orgId, row.kind, row.id, excluded);
  if (used > 0) {
    const who = excluded === 'person' ? 'persons' : 'companies';
    throw conflict(
      'in_use',
      `${used} ${who} use this ${label(row.kind)}; remove it from them first`,
      { scope: fieldError('in_use', `Used by ${used} ${who}`, { count: used }) },
      { count: used },
    );
  }
}

export async function updateLookup(
  db: Db,
  actor: Actor,
  kind: LookupKind,
  id: string,
  input: LookupUpdate,
) {
  assertCan(actor, 'settings.manage');
  const existing = await repo.findLookup(db, actor.orgId, kind, id);
  if (!existing) throw notFound(capitalized(kind));
  const { archived, scope, ...rest } = input;
  const patch: Parameters<typeof repo.updateLookup>[3] = { ...rest };
  if (scope !== undefined) {
    patch.scope = scopeFor(kind, scope);
    await assertScopeFree(db, actor.orgId, existing, patch.scope);
  }
  if (archived !== undefined && archived !== (existing.archivedAt !== null)) {
    patch.archivedAt = archived ? new Date() : null;
  }
  if (Object.keys(patch).length === 0) return toLookupDto(existing);
  const row = await nameTakenAs(kind, () => repo.updateLookup(db, actor.orgId, id, patch));
  if (!row) throw notFound(capitalized(kind));
  return toLookupDto(row);
}

/** Deleting an entry removes it from every contact in the same transaction. */
export async function deleteLookup(db: Db, actor: Actor, kind: LookupKind, id: string) {
  assertCan(actor, 'settings.manage');
  await db.transaction(async (tx) => {
    if (!(await repo.findLookup(tx, actor.orgId, kind, id))) throw notFound(capitalized(kind));
    await contactReferences.get().removeLookup(tx, actor.orgId, kind, id);
    if (!(await repo.deleteLookup(tx, actor.orgId, kind, id))) throw notFound(capitalized(kind));
  });
}

/** "Move all companies of industry A to industry B" (seed 001); sources work the same way. */
export async function moveLookup(
  db: Db,
  actor: Actor,
  kind: LookupKind,
  id: string,
  targetId: string,
) {
  assertCan(actor, 'settings.manage');
  if (!isSingleKind(kind)) {
    throw fieldInvalid('kind', 'not_allowed', 'Only industries and sources can be moved');
  }
  if (!(await repo.findLookup(db, actor.orgId, kind, id))) throw notFound(capitalized(kind));
  if (targetId === id) {
    throw fieldInvalid('targetId', 'same_record', `Choose another ${label(kind)}`);
  }
  if (!(await repo.findLookup(db, actor.orgId, kind, targetId))) {
    throw fieldInvalid('targetId', 'unknown_reference', `Unknown ${label(kind)}`);
  }
  const moved = await db.transaction((tx) =>
    contactReferences.get().moveLookup(tx, actor.orgId, kind, id, targetId),
  );
  return { moved };
}
