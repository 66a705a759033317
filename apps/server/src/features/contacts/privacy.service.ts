import type { Person } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { notFound } from '../../lib/errors.ts';
import * as repo from './contacts.repo.ts';
import { assertStorable, personDto } from './contacts.service.ts';
import { eraseHistoryTexts, insertHistory } from './history.repo.ts';
import { listAllHistory } from './history.service.ts';
import { relationsOf, scrubFamilyMentions, scrubRelativeHistory } from './relations.links.repo.ts';
import { getFamily, removeLinks } from './relations.service.ts';

/** What an erased person is called: no name, nothing that points back to someone. */
export const ERASED_NAME = '–';

/** C-16: everything stored about one person, as JSON; the export itself is logged. */
export async function exportPerson(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'contacts.admin');
  const row = await repo.findContact(db, actor.orgId, 'person', id);
  if (!row) throw notFound('Person');
  await insertHistory(db, actor.orgId, id, { event: 'exported', authorId: actor.userId });
  const person = await personDto(db, actor.orgId, row);
  const history = await listAllHistory(db, actor.orgId, id);
  // Their guardians and children (issue 17); a minor's consents name the guardian who gave
  // them, with when and where (person.consentEmail / consentSms).
  const family = await getFamily(db, actor, id);
  return { exportedAt: new Date().toISOString(), person, family, history };
}

/**
 * C-16 erasure on request: personal fields and every history text go; the record, its status,
 * tags, branch and dates stay so counts and reports remain true. Logged as 'erased'.
 */
export async function erasePerson(db: Db, actor: Actor, id: string, reason = ''): Promise<Person> {
  assertCan(actor, 'contacts.admin');
  assertStorable({ reason });
  const row = await db.transaction(async (tx) => {
    const existing = await repo.findContact(tx, actor.orgId, 'person', id, { forUpdate: true });
    if (!existing) throw notFound('Person');
    const now = new Date();
    const erased = await repo.updateContactRow(tx, actor.orgId, id, {
      firstName: ERASED_NAME,
      lastName: '',
      displayName: ERASED_NAME,
      sortName: ERASED_NAME,
      phones: [],
      emails: [],
      phoneKeys: [],
      emailKeys: [],
      searchText: '',
      birthDate: null,
      address: null,
      note: '',
      custom: {},
      consentEmail: false,
      consentEmailAt: null,
      consentEmailSource: null,
      consentSms: false,
      consentSmsAt: null,
      consentSmsSource: null,
      consentEmailBy: null,
      consentSmsBy: null,
      erasedAt: now,
    });
    // Their family links go (issue 17): relatives stay, each told on their timeline, and no
    // relation entry there names the erased person any more.
    const links = await relationsOf(tx, actor.orgId, id);
    await removeLinks(tx, actor, links);
    const relatives = links.map((l) => (l.guardianId === id ? l.childId : l.guardianId));
    await scrubRelativeHistory(tx, actor.orgId, id, relatives, ERASED_NAME);
    await scrubFamilyMentions(tx, actor.orgId, id, ERASED_NAME);
    await eraseHistoryTexts(tx, actor.orgId, id);
    await insertHistory(tx, actor.orgId, id, {
      event: 'erased',
      authorId: actor.userId,
      text: reason,
    });
    return erased!;
  });
  return personDto(db, actor.orgId, row);
}
