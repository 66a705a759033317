import { randomUUID } from 'node:crypto';
import type {
  DictionaryOption,
  dictionaryCreateSchema,
  dictionaryOptionInputSchema,
  dictionaryUpdateSchema,
} from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import {
  catchNameTaken,
  conflict,
  fieldError,
  type FieldErrors,
  notFound,
  throwIfAny,
  versionConflict,
} from '../../lib/errors.ts';
import * as repo from './dictionaries.repo.ts';
import { toDictionaryDto } from './task-settings.dto.ts';
import { resultsUsingDictionary } from './templates.repo.ts';
import { taskReferences } from './task-references.port.ts';

type CreateInput = z.output<typeof dictionaryCreateSchema>;
type UpdateInput = z.output<typeof dictionaryUpdateSchema>;
type OptionInput = z.output<typeof dictionaryOptionInputSchema>;

const NAME = 'A dictionary';

/** Options keep their ids (task values point at them); a new option gets one here. */
function buildOptions(inputs: OptionInput[], existing: DictionaryOption[]): DictionaryOption[] {
  const known = new Set(existing.map((o) => o.id));
  const errors: FieldErrors = {};
  const ids = new Set<string>();
  const names = new Set<string>();
  const options = inputs.map((o, i) => {
    const id = o.id ?? randomUUID();
    if (o.id !== undefined && !known.has(o.id)) {
      errors[`options.${i}.id`] = fieldError('unknown_reference', 'Unknown option');
    }
    if (ids.has(id))
      errors[`options.${i}.id`] = fieldError('duplicate', 'This option appears twice');
    const name = o.name.toLowerCase();
    if (names.has(name)) {
      errors[`options.${i}.name`] = fieldError('duplicate', 'Another option has this name');
    }
    ids.add(id);
    names.add(name);
    return { id, name: o.name, archived: o.archived };
  });
  throwIfAny(errors);
  return options;
}

export async function listDictionaries(db: Db, actor: Actor, query: { includeArchived: boolean }) {
  assertCan(actor, 'tasks.read');
  const rows = await repo.listDictionaries(db, actor.orgId, query.includeArchived);
  return { items: rows.map(toDictionaryDto) };
}

export async function createDictionary(db: Db, actor: Actor, input: CreateInput) {
  assertCan(actor, 'settings.manage');
  const options = buildOptions(input.options, []);
  const row = await catchNameTaken(NAME, () =>
    repo.insertDictionary(db, { orgId: actor.orgId, name: input.name, options }),
  );
  return toDictionaryDto(row);
}

/**
 * An option left out of the list is removed, unless completed tasks store it: then it stays,
 * archived, so their history still names the reason.
 */
export async function updateDictionary(db: Db, actor: Actor, id: string, input: UpdateInput) {
  assertCan(actor, 'settings.manage');
  const { version, archived, options: optionInputs, name } = input;
  const row = await catchNameTaken(NAME, () =>
    db.transaction(async (tx) => {
      const existing = await repo.findDictionary(tx, actor.orgId, id, true);
      if (!existing) throw notFound('Dictionary');
      if (version !== undefined && version !== existing.version) {
        throw versionConflict(existing.version);
      }
      const patch: repo.DictionaryPatch = {};
      if (name !== undefined) patch.name = name;
      if (optionInputs !== undefined) {
        const options = buildOptions(optionInputs, existing.options);
        const kept = new Set(options.map((o) => o.id));
        const dropped = existing.options.filter((o) => !kept.has(o.id));
        const stored = await taskReferences.get().storedDictionaryOptions(
          tx,
          actor.orgId,
          id,
          dropped.map((o) => o.id),
        );
        for (const o of dropped) if (stored.has(o.id)) options.push({ ...o, archived: true });
        patch.options = options;
      }
      if (archived !== undefined && archived !== (existing.archivedAt !== null)) {
        patch.archivedAt = archived ? new Date() : null;
      }
      const updated = await repo.updateDictionary(tx, actor.orgId, id, patch, version);
      if (!updated) throw versionConflict(existing.version);
      return updated;
    }),
  );
  return toDictionaryDto(row);
}

/** A dictionary a result's choice field uses cannot go: the message names those results. */
export async function deleteDictionary(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'settings.manage');
  await db.transaction(async (tx) => {
    if (!(await repo.findDictionary(tx, actor.orgId, id, true))) throw notFound('Dictionary');
    const users = await resultsUsingDictionary(tx, actor.orgId, id);
    if (users.length > 0) {
      const names = users.map((u) => `“${u.result}” (${u.template})`).join(', ');
      throw conflict(
        'in_use',
        `This dictionary is used by the results ${names}; remove the field from them or archive the dictionary`,
        undefined,
        { results: names, count: users.length },
      );
    }
    if (!(await repo.deleteDictionary(tx, actor.orgId, id))) throw notFound('Dictionary');
  });
}
