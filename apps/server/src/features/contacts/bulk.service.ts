import { contactFilterSchema, type bulkBodySchema, type ContactKind } from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { fieldInvalid, renameFields } from '../../lib/errors.ts';
import { assertContactRefs, ensureTags } from '../contact-settings/index.ts';
import { listWhere } from './contacts-list.repo.ts';
import { resolveScope } from './contacts-list.service.ts';
import { applyBulkChange, type BulkChange } from './bulk.repo.ts';

export type BulkInput = z.output<typeof bulkBodySchema>;

/** assertContactRefs names the contact's field; the bulk body names it under `change`. */
const REF_FIELD: Record<string, string> = {
  tagIds: 'change.tagId',
  statusId: 'change.statusId',
  responsibleId: 'change.responsibleId',
};

async function checkRefs(db: Db, orgId: string, kind: ContactKind, change: BulkChange) {
  try {
    if (change.action === 'addTag') {
      await assertContactRefs(db, orgId, kind, { tagIds: [change.tagId] });
    } else if (change.action === 'setStatus') {
      await assertContactRefs(db, orgId, kind, { statusId: change.statusId });
    } else if (change.action === 'setResponsible') {
      await assertContactRefs(db, orgId, kind, { responsibleId: change.responsibleId });
    }
  } catch (err) {
    throw renameFields(err, (key) => REF_FIELD[key] ?? key);
  }
}

/**
 * "Tag these" with a tag typed in the bulk dialog (issue 10): the tag of that name, created for
 * this kind when there is none, as the importer does for a file's tags.
 */
async function resolveTag(
  db: Db,
  orgId: string,
  kind: ContactKind,
  change: BulkInput['change'],
): Promise<BulkChange> {
  if (change.action !== 'addTag') return change;
  if (change.tagId) return { action: 'addTag', tagId: change.tagId };
  if (!change.tagName) throw fieldInvalid('change.tagId', 'required', 'Choose or name a tag');
  const name = change.tagName;
  const [tag] = (await ensureTags(db, orgId, [name], kind)).filter(
    (t) => t.name.toLowerCase() === name.toLowerCase(),
  );
  return { action: 'addTag', tagId: tag!.id };
}

/** C-10: one change applied to the selected ids or to everything the filter matches. */
export async function bulkChange(
  db: Db,
  actor: Actor,
  kind: ContactKind,
  body: BulkInput,
): Promise<{ affected: number; tagId?: string }> {
  assertCan(actor, body.change.action === 'delete' ? 'contacts.admin' : 'contacts.write');
  if (!body.ids && !body.filter) {
    throw fieldInvalid('ids', 'required', 'Choose records, or send the filter of the whole list');
  }
  const { scope } = await resolveScope(
    db,
    actor.orgId,
    kind,
    body.filter ?? contactFilterSchema.parse({}),
    { ids: body.ids },
  );
  // A tag created here goes with the change, or not at all.
  return db.transaction(async (tx) => {
    const change = await resolveTag(tx, actor.orgId, kind, body.change);
    await checkRefs(tx, actor.orgId, kind, change);
    const affected = await applyBulkChange(tx, actor.orgId, listWhere(scope), change, actor.userId);
    const named = body.change.action === 'addTag' && !body.change.tagId;
    return named && change.action === 'addTag' ? { affected, tagId: change.tagId } : { affected };
  });
}
