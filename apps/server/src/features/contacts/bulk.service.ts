import { contactFilterSchema, type bulkBodySchema, type ContactKind } from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { fieldInvalid, renameFields } from '../../lib/errors.ts';
import { assertContactRefs } from '../contact-settings/index.ts';
import { listWhere } from './contacts-list.repo.ts';
import { resolveScope } from './contacts-list.service.ts';
import { applyBulkChange } from './bulk.repo.ts';

export type BulkInput = z.output<typeof bulkBodySchema>;

/** assertContactRefs names the contact's field; the bulk body names it under `change`. */
const REF_FIELD: Record<string, string> = {
  tagIds: 'change.tagId',
  statusId: 'change.statusId',
  responsibleId: 'change.responsibleId',
};

async function checkRefs(db: Db, orgId: string, kind: ContactKind, change: BulkInput['change']) {
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

/** C-10: one change applied to the selected ids or to everything the filter matches. */
export async function bulkChange(
  db: Db,
  actor: Actor,
  kind: ContactKind,
  body: BulkInput,
): Promise<{ affected: number }> {
  assertCan(actor, body.change.action === 'delete' ? 'contacts.admin' : 'contacts.write');
  if (!body.ids && !body.filter) {
    throw fieldInvalid('ids', 'required', 'Choose records, or send the filter of the whole list');
  }
  await checkRefs(db, actor.orgId, kind, body.change);
  const { scope } = await resolveScope(
    db,
    actor.orgId,
    kind,
    body.filter ?? contactFilterSchema.parse({}),
    { ids: body.ids },
  );
  const affected = await applyBulkChange(
    db,
    actor.orgId,
    listWhere(scope),
    body.change,
    actor.userId,
  );
  return { affected };
}
