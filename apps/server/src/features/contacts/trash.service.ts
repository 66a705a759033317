import type { Company, ContactKind, Person } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { actorCan, assertCan, type Actor } from '../../lib/actor.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { getCrmSettings } from '../contact-settings/index.ts';
import { toCompanyDto, toPersonDto } from './contacts.dto.ts';
import { loadDtoRefs } from './contacts.repo.ts';
import { insertHistory } from './history.repo.ts';
import * as repo from './trash.repo.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Matches no deleter: an API token restores only with the admin permission. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

export async function listTrash(
  db: Db,
  actor: Actor,
  query: { kind?: ContactKind; search?: string; limit: number; offset: number },
) {
  assertCan(actor, 'contacts.admin');
  const [{ rows, total }, settings] = await Promise.all([
    repo.listTrash(db, actor.orgId, query),
    getCrmSettings(db, actor.orgId),
  ]);
  return {
    total,
    items: rows.map((r) => {
      const deletedAt = r.deletedAt ?? new Date(0);
      return {
        id: r.id,
        kind: r.kind,
        displayName: r.displayName,
        deletedAt: deletedAt.toISOString(),
        deletedBy: r.deletedById ? { id: r.deletedById, name: r.deletedByName ?? '' } : null,
        purgeAt: new Date(deletedAt.getTime() + settings.trashRetentionDays * DAY_MS).toISOString(),
      };
    }),
  };
}

/**
 * C-12: an admin restores anything in the trash. Whoever deleted a record may take it back
 * too ("Undo" in the toast, issue 10): it only undoes their own step.
 */
async function restore(db: Db, actor: Actor, kind: ContactKind, id: string) {
  const admin = actorCan(actor, 'contacts.admin');
  if (!admin) assertCan(actor, 'contacts.write');
  const deletedBy = admin ? undefined : (actor.userId ?? NOBODY);
  const row = await db.transaction(async (tx) => {
    const restored = await repo.restoreContact(tx, actor.orgId, kind, id, deletedBy);
    if (!restored) return undefined;
    await insertHistory(tx, actor.orgId, id, { event: 'restored', authorId: actor.userId });
    return restored;
  });
  if (!row) {
    // Someone else's deletion: theirs to undo, or an admin's to restore.
    if (deletedBy && (await repo.isTrashed(db, actor.orgId, kind, id))) throw forbidden();
    throw notFound(kind === 'person' ? 'Person' : 'Company');
  }
  return { row, refs: await loadDtoRefs(db, actor.orgId, [row]) };
}

export async function restorePerson(db: Db, actor: Actor, id: string): Promise<Person> {
  const { row, refs } = await restore(db, actor, 'person', id);
  return toPersonDto(row, refs);
}

export async function restoreCompany(db: Db, actor: Actor, id: string): Promise<Company> {
  const { row, refs } = await restore(db, actor, 'company', id);
  return toCompanyDto(row, refs);
}

export async function purge(db: Db, actor: Actor, id: string): Promise<void> {
  assertCan(actor, 'contacts.admin');
  await db.transaction(async (tx) => {
    if (!(await repo.purgeContact(tx, actor.orgId, id))) throw notFound('Record in the trash');
  });
}
