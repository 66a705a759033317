import { randomUUID } from 'node:crypto';
import type {
  ContactKind,
  CustomField,
  CustomFieldOption,
  customFieldCreateSchema,
  customFieldOptionInputSchema,
  customFieldUpdateSchema,
} from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import {
  catchNameTaken,
  fieldError,
  type FieldErrors,
  fieldInvalid,
  notFound,
  throwIfAny,
} from '../../lib/errors.ts';
import { contactReferences } from './contact-references.port.ts';
import * as repo from './custom-fields.repo.ts';

type CreateInput = z.output<typeof customFieldCreateSchema>;
type UpdateInput = z.output<typeof customFieldUpdateSchema>;
type OptionInput = z.output<typeof customFieldOptionInputSchema>;

export function toCustomFieldDto(row: repo.CustomFieldRow): CustomField {
  return {
    id: row.id,
    entity: row.entity,
    name: row.name,
    type: row.type,
    options: row.type === 'dropdown' ? row.options : [],
    position: row.position,
    archived: row.archivedAt !== null,
  };
}

const nameTakenAsField = <T>(work: () => Promise<T>) => catchNameTaken('A field', work);

/**
 * Dropdown options keep their ids so stored values stay valid; a new option (no id) gets one.
 * `known` is the field's current option ids (empty when creating: any id given is kept).
 */
function buildOptions(inputs: OptionInput[], known: Set<string> | null): CustomFieldOption[] {
  const fields: FieldErrors = {};
  const names = new Set<string>();
  const ids = new Set<string>();
  const options = inputs.map((o, i) => {
    const id = o.id ?? randomUUID();
    if (o.id !== undefined && known && !known.has(o.id))
      fields[`options.${i}.id`] = fieldError('unknown_reference', 'Unknown option');
    if (ids.has(id))
      fields[`options.${i}.id`] = fieldError('duplicate', 'This option appears twice');
    const key = o.name.toLowerCase();
    if (names.has(key)) {
      fields[`options.${i}.name`] = fieldError('duplicate', 'Another option has this name');
    }
    ids.add(id);
    names.add(key);
    return {
      id,
      name: o.name,
      abbreviation: o.abbreviation,
      color: o.color,
      background: o.background,
    };
  });
  throwIfAny(fields);
  return options;
}

export async function listCustomFields(
  db: Db,
  actor: Actor,
  filter: { entity?: ContactKind; includeArchived: boolean },
) {
  assertCan(actor, 'contacts.read');
  const rows = await repo.listCustomFields(db, actor.orgId, filter);
  return { items: rows.map(toCustomFieldDto) };
}

export async function createCustomField(db: Db, actor: Actor, input: CreateInput) {
  assertCan(actor, 'settings.manage');
  if (input.type !== 'dropdown' && input.options.length > 0) {
    throw fieldInvalid('options', 'not_allowed', 'Only dropdown fields have options');
  }
  const options = buildOptions(input.options, null);
  const position =
    input.position ?? (await repo.nextCustomFieldPosition(db, actor.orgId, input.entity));
  const row = await nameTakenAsField(() =>
    repo.insertCustomField(db, {
      orgId: actor.orgId,
      entity: input.entity,
      name: input.name,
      type: input.type,
      options,
      position,
    }),
  );
  return toCustomFieldDto(row);
}

/** The type never changes (stored values depend on it); options may, keeping their ids. */
export async function updateCustomField(db: Db, actor: Actor, id: string, input: UpdateInput) {
  assertCan(actor, 'settings.manage');
  const existing = await repo.findCustomField(db, actor.orgId, id);
  if (!existing) throw notFound('Custom field');
  const { archived, options: optionInputs, ...rest } = input;
  const patch: Parameters<typeof repo.updateCustomField>[3] = { ...rest };
  let removed: string[] = [];
  if (optionInputs !== undefined) {
    if (existing.type !== 'dropdown' && optionInputs.length > 0) {
      throw fieldInvalid('options', 'not_allowed', 'Only dropdown fields have options');
    }
    const before = new Set(existing.options.map((o) => o.id));
    patch.options = buildOptions(optionInputs, before);
    const kept = new Set(patch.options.map((o) => o.id));
    removed = [...before].filter((optionId) => !kept.has(optionId));
  }
  if (archived !== undefined && archived !== (existing.archivedAt !== null)) {
    patch.archivedAt = archived ? new Date() : null;
  }
  if (Object.keys(patch).length === 0) return toCustomFieldDto(existing);
  const row = await nameTakenAsField(() =>
    db.transaction(async (tx) => {
      const updated = await repo.updateCustomField(tx, actor.orgId, id, patch);
      // A removed option's values would point nowhere: they go with it.
      if (updated) {
        await contactReferences.get().removeCustomValues(tx, actor.orgId, id, removed);
      }
      return updated;
    }),
  );
  if (!row) throw notFound('Custom field');
  return toCustomFieldDto(row);
}

/** Deleting a field removes its values from every contact in the same transaction. */
export async function deleteCustomField(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'settings.manage');
  await db.transaction(async (tx) => {
    if (!(await repo.findCustomField(tx, actor.orgId, id))) throw notFound('Custom field');
    await contactReferences.get().removeCustomValues(tx, actor.orgId, id);
    if (!(await repo.deleteCustomField(tx, actor.orgId, id))) throw notFound('Custom field');
  });
}
