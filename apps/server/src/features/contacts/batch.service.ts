import { randomUUID } from 'node:crypto';
import type {
  ApiError,
  PersonBatchItemResult,
  PersonBatchResult,
  personBatchBodySchema,
} from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { getCrmSettings } from '../contact-settings/index.ts';
import { checkBatchItems, type CheckedItem } from './batch-check.ts';
import { fillPatch, matchKeysOf, overlayInput, upsertPatch } from './batch-merge.ts';
import { livePersonsByKeys, lockOrgBatches } from './batch.repo.ts';
import { prepareContactValues, type ContactInput, type ContactValues } from './contact-values.ts';
import { insertContactBatch, updateImportedContact } from './contacts-bulk.repo.ts';
import type { ContactRow } from './contacts.dto.ts';
import { changeHistory, DERIVED, LOGGED_APART } from './contacts.service.ts';
import { insertHistoryMany, type HistoryInput } from './history.repo.ts';

type Body = z.output<typeof personBatchBodySchema>;
/**
 * `create` and `upsert` as the batch API offers them; `fill` is the import's update mode (a
 * match only gets what it lacks: empty fields filled, phones, emails, tags added), for input
 * nobody vouches for, such as a public lead form.
 */
export type UpsertMode = Body['mode'] | 'fill';

/** One person the batch creates or changes, and the items (by index) that are about it. */
interface Target {
  id: string;
  /** The live person matched; absent for a person this batch creates. */
  existing?: ContactRow;
  input: ContactInput;
  /** The first item's values, while no later item has been laid over them. */
  values?: ContactValues;
  items: number[];
}

interface Plan {
  creates: Target[];
  updates: Target[];
  /** Items left as they are in create mode: the index and the person they matched. */
  matched: Array<{ index: number; id: string }>;
}

/**
 * Matches the checked items to live persons and to each other by phone and email, in the
 * request's order: a key belongs to the oldest live person that has it, else to the first
 * item that brought it (the import's rule, decision 0012).
 */
async function plan(db: Db, orgId: string, mode: UpsertMode, items: CheckedItem[]) {
  const phoneKeys = [...new Set(items.flatMap((i) => i.values.phoneKeys))];
  const emailKeys = [...new Set(items.flatMap((i) => i.values.emailKeys))];
  const owner = new Map<string, Target>();
  for (const row of await livePersonsByKeys(db, orgId, phoneKeys, emailKeys)) {
    const target: Target = { id: row.id, existing: row, input: {}, items: [] };
    for (const key of matchKeysOf(row)) if (!owner.has(key)) owner.set(key, target);
  }
  const out: Plan = { creates: [], updates: [], matched: [] };
  for (const item of items) {
    const keys = matchKeysOf(item.values);
    let target = keys.map((k) => owner.get(k)).find(Boolean);
    if (target && mode === 'create') {
      out.matched.push({ index: item.index, id: target.id });
      continue;
    }
    if (!target) {
      target = { id: randomUUID(), input: item.input, values: item.values, items: [] };
      out.creates.push(target);
    } else {
      if (target.existing && target.items.length === 0) out.updates.push(target);
      target.input = overlayInput(target.input, item.input);
      target.values = undefined;
    }
    target.items.push(item.index);
    for (const key of keys) if (!owner.has(key)) owner.set(key, target);
  }
  return out;
}

/** What an upsert changed on a matched person: its update and history like an edit. */
async function writeUpdate(
  db: Db,
  actor: Actor,
  region: string | null,
  target: Target,
  mode: UpsertMode,
) {
  const existing = target.existing!;
  const patch =
    mode === 'fill'
      ? fillPatch(existing, target.input, region)
      : upsertPatch(existing, target.input, region);
  if (!patch) return false;
  const values = prepareContactValues('person', patch, { region, existing });
  await updateImportedContact(db, actor.orgId, existing.id, values);
  const fields = Object.keys(values).filter(
    (k) =>
      !DERIVED.has(k) &&
      !LOGGED_APART.has(k) &&
      JSON.stringify(values[k as keyof typeof values]) !==
        JSON.stringify(existing[k as keyof ContactRow]),
  );
  const entries: HistoryInput[] = changeHistory(existing, { ...existing, ...values }, actor.userId);
  if (fields.length) entries.push({ event: 'updated', authorId: actor.userId, data: { fields } });
  await insertHistoryMany(
    db,
    actor.orgId,
    entries.map((e) => ({ ...e, contactId: existing.id })),
  );
  return true;
}

/**
 * `POST /api/persons/batch`: up to 500 persons, each checked like a single create, matched
 * like the import, written in ONE transaction (the new persons and their history in one
 * statement). An item that fails its checks fails alone; a database failure fails them all.
 */
export async function batchPersons(db: Db, actor: Actor, body: Body): Promise<PersonBatchResult> {
  return upsertPersons(db, actor, body.mode, body.items);
}

/**
 * The batch API's work for any caller: items checked like `POST /api/persons`, matched by
 * phone and email like the import, created or changed per `mode`, in one transaction (a
 * savepoint when `db` is a transaction already).
 */
export async function upsertPersons(
  db: Db,
  actor: Actor,
  mode: UpsertMode,
  items: readonly unknown[],
): Promise<PersonBatchResult> {
  assertCan(actor, 'contacts.write');
  const region = (await getCrmSettings(db, actor.orgId)).phoneRegion;
  const { accepted, failed } = await checkBatchItems(db, actor, items, region);
  const results: PersonBatchItemResult[] = items.map((_, index) => ({
    index,
    status: 'failed',
    error: failed.get(index) as ApiError,
  }));
  const set = (index: number, status: PersonBatchItemResult['status'], id: string) => {
    results[index] = { index, status, id };
  };
  if (accepted.length > 0) {
    await db.transaction(async (tx) => {
      await lockOrgBatches(tx, actor.orgId);
      const { creates, updates, matched } = await plan(tx, actor.orgId, mode, accepted);
      const now = new Date();
      await insertContactBatch(
        tx,
        creates.map((t) => ({
          ...(t.values ?? prepareContactValues('person', t.input, { region, now })),
          id: t.id,
          orgId: actor.orgId,
          kind: 'person' as const,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
          historyData: {},
        })),
        'created',
      );
      for (const t of creates)
        t.items.forEach((i, n) => set(i, n === 0 ? 'created' : 'updated', t.id));
      for (const t of updates) {
        const changed = await writeUpdate(tx, actor, region, t, mode);
        for (const i of t.items) set(i, changed ? 'updated' : 'unchanged', t.id);
      }
      for (const m of matched) set(m.index, 'unchanged', m.id);
    });
  }
  const count = (s: PersonBatchItemResult['status']) =>
    results.filter((r) => r.status === s).length;
  return {
    items: results,
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    failed: count('failed'),
  };
}
