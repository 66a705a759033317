// persons and companies (C-1, C-2)
export { contacts, contactHistory } from './contacts.table.ts';
/**
 * Row → API shape. `toPersonDto(row, refs?)` / `toCompanyDto(row, refs?)` are pure; load the
 * refs of a whole page with ONE call to `loadDtoRefs(db, orgId, rows)` (three queries whatever
 * the page size: user names, company names, contact persons) and pass them to every row.
 * `toContactDtos(db, orgId, rows)` does both.
 */
export {
  toPersonDto,
  toCompanyDto,
  toContactDto,
  emptyAddress,
  type ContactRow,
  type DtoRefs,
} from './contacts.dto.ts';
export { findContact, loadDtoRefs, toContactDtos } from './contacts.repo.ts';
/**
 * `insertHistory(db, orgId, contactId, { event, text?, typeId?, data?, authorId? })` writes one
 * timeline entry; `insertHistoryMany(db, orgId, entries)` writes many in one INSERT.
 */
export { insertHistory, insertHistoryMany, type HistoryInput } from './history.repo.ts';
/**
 * - `prepareContactValues(kind, input, { region, existing?, now? })`: pure. Normalizes phones
 *   (E.164 with the region), lower-cases emails, fills displayName / sortName / phoneKeys /
 *   emailKeys / searchText, stamps consent dates; with `existing` the input is a patch over
 *   that row and the derived columns cover the merged result. Does NOT check custom values or
 *   referenced ids (the importer checks them with preloaded maps). Returns column values.
 * - `createContact(db, actor, kind, input, opts?)`: checks refs and custom values, inserts and
 *   writes a 'created' (or `opts.event`, e.g. 'imported') history entry; works inside a
 *   transaction (pass `tx` as db). Returns `{ row, duplicates }`.
 * - `updateContactFields(db, actor, kind, id, input, opts?)`: the same checks on a patch;
 *   `opts.expectedVersion` enforces optimistic locking (409 `version_conflict`); writes
 *   status/responsible change history. Returns the updated row.
 * - `findDuplicates(db, orgId, { phoneKeys, emailKeys, excludeIds? })`: live contacts sharing a
 *   normalized phone or a lower-case email.
 */
export { prepareContactValues, type ContactInput, type ContactValues } from './contact-values.ts';
export {
  createContact,
  updateContactFields,
  type CreateOptions,
  type UpdateOptions,
} from './contacts.service.ts';
export { findDuplicates } from './duplicates.ts';
/** A CSV/XLSX cell a spreadsheet would run as a formula is written as text. */
export { neutralize } from './export.columns.ts';
// lists, search, trash (C-10, C-11, C-12)
/** `livePersonIds(db, orgId, { filter?, ids?, limit })`: call round targets; `contactSearchIn`: tasks by their contact. */
export { livePersonIds, contactSearchIn } from './person-ids.ts';
/** `personListCondition(db, orgId, filter)`: the persons list's WHERE as SQL on `contacts`. */
export { personListCondition } from './person-ids.ts';
/** Merging two records: features whose rows refer to contacts move them (inside the merge). */
export { contactsMerged } from './contacts.hooks.ts';
/** A single person or company was created, edited or trashed (outbound webhooks listen). */
export { contactChanged, type ContactChange } from './contacts.hooks.ts';
/** Batch writes (importer, batch API): one INSERT per batch, and checked values over a contact. */
export {
  contactBatchJson,
  insertContactBatch,
  insertContactBatchJson,
  updateImportedContact,
} from './contacts-bulk.repo.ts';
/**
 * How sources about one contact combine (import and batch API): `fillPatch` / `fillInput` fill
 * what is empty (the import's update mode), `matchKeysOf` gives the phone/email match keys.
 */
export { fillInput, fillPatch, matchKeysOf } from './batch-merge.ts';
/**
 * `upsertPersons(db, actor, mode, items)`: the batch API's check, match and write for other
 * features; mode `fill` only adds to a matched person what it lacks (the import's update mode).
 */
export { upsertPersons, type UpsertMode } from './batch.service.ts';
/** Port: lead-forms provides the persons list's `waiting` filter (`provideWaitingLeadCondition`). */
export { provideWaitingLeadCondition } from './waiting-lead.ts';
/** The persons list's funnel-step filter, which the reports feature provides. */
export { personFunnelFilter, type FunnelFilterStep } from './funnel-filter.port.ts';
/**
 * `withdrawConsent(db, orgId, personId, 'email' | 'sms', { source, at, data? })`: the person's
 * marketing consent off, with source, time, version and a history entry (unsubscribe links).
 */
export { withdrawConsent, type ConsentChannel } from './consent.repo.ts';
/**
 * Families (issue 17): `personRelations` (guardian ↔ child); `primaryGuardians(db, orgId,
 * childIds, now)` answers each minor's primary guardian (whose phone cards dial) with the
 * club's date and adult age, in one statement; `familyClock(db, orgId, now)` answers the
 * date, the adult age and the latest birth date of an adult. `ageOn`, `isMinor` and
 * `birthDateRange` are pure.
 */
export { personRelations } from './contacts.table.ts';
export {
  familyClock,
  primaryGuardians,
  type FamilyClock,
  type GuardiansOf,
} from './relations.repo.ts';
export { ageOn, birthDateRange, isMinor } from './family-age.ts';
/**
 * Reaching a family (issue 17): `minorNow(orgId, now, birthDate)` is "a minor today" as SQL
 * (the club's clock, computed once per statement); `insertHistoryManyWith` writes several
 * timeline entries with another feature's change; `deleteTaskResultHistoryWithGuardian` takes
 * back a result's entry and the guardian's entry of the same call.
 */
export {
  deleteTaskResultHistoryWithGuardian,
  insertHistoryManyWith,
  minorNow,
} from './family-reach.ts';
/**
 * `linkGuardians(db, orgId, links, authorId?)` / `linkGuardian(db, { orgId, guardianId,
 * childId, roleId?, primary?, authorId? })`: guardian ↔ child links in one statement, each new
 * one with `relation_added` history on both persons; an existing pair is left alone, and a
 * child's first guardian becomes primary (imports, club events, demo data).
 * `relationRolesByName(roles)` / `loadRelationRoles(db, orgId)`: relation roles by a name
 * written in any of the five languages ("Mother", "Mamma", "Мама" …).
 */
export {
  linkGuardian,
  linkGuardians,
  loadRelationRoles,
  relationRolesByName,
  type GuardianLink,
  type LinkedGuardian,
} from './family-links.ts';
