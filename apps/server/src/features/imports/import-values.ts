import type {
  ContactKind,
  CustomField,
  ImportLookupKind,
  ImportUnknownValues,
  ImportValueMap,
} from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { actorCan, type Actor } from '../../lib/actor.ts';
import { fieldError, throwIfAny, type FieldErrors } from '../../lib/errors.ts';
import {
  activeStatuses,
  addDropdownOptions,
  createImportedLookup,
  createImportedStatus,
} from '../contact-settings/index.ts';
import { readList } from './cell-values.ts';
import { findOption, type ImportContext } from './import-rows.ts';
import * as repo from './imports.repo.ts';

/** Distinct unknown values listed per column; the rest stay warnings of the dry run. */
const MAX_VALUES = 500;
/** Names the settings pages accept for a status, list entry or option. */
const MAX_NAME = 60;

interface Lookup {
  kind: ImportLookupKind;
  canCreate: boolean;
  /** A cell holds several values (categories: "Junior, Family"). */
  list: boolean;
  field?: CustomField;
}

const BUILTIN: Record<string, Omit<Lookup, 'field'>> = {
  status: { kind: 'status', canCreate: true, list: false },
  branch: { kind: 'branch', canCreate: false, list: false },
  responsible: { kind: 'staff', canCreate: false, list: false },
  source: { kind: 'source', canCreate: true, list: false },
  industry: { kind: 'industry', canCreate: true, list: false },
  categories: { kind: 'category', canCreate: true, list: true },
};

/** The columns whose values name an entry of a list, and which list. */
export function lookupOf(ctx: ImportContext, target: string): Lookup | undefined {
  if (target.startsWith('cf:')) {
    const field = ctx.fields.get(target.slice(3));
    return field?.type === 'dropdown'
      ? { kind: 'option', canCreate: true, list: false, field }
      : undefined;
  }
  return BUILTIN[target];
}

function isKnown(ctx: ImportContext, lookup: Lookup, lower: string): boolean {
  switch (lookup.kind) {
    case 'status':
      return ctx.statuses.has(lower);
    case 'branch':
      return ctx.branches.has(lower);
    case 'staff':
      return ctx.staff.has(lower);
    case 'source':
      return ctx.sources.has(lower);
    case 'industry':
      return ctx.industries.has(lower);
    case 'category':
      return ctx.categories.has(lower);
    case 'option':
      return findOption(lookup.field!, lower) !== undefined;
  }
}

type Choice = { id: string; name: string };

/** What an unknown value of each kind of list may be mapped to. */
async function choices(db: Db, orgId: string, kind: ContactKind) {
  const [statuses, branches, staff, lists] = await Promise.all([
    activeStatuses(db, orgId, kind),
    repo.branchNames(db, orgId),
    repo.staffNames(db, orgId),
    repo.lookupRows(db, orgId, ['sources', 'industries', 'categories']),
  ]);
  const list = (k: string) =>
    lists
      .filter((l) => l.kind === k && (l.scope === 'both' || l.scope === kind))
      .map(({ id, name }) => ({ id, name }));
  const byName = (a: Choice, b: Choice) => a.name.localeCompare(b.name);
  return (lookup: Lookup): Choice[] => {
    switch (lookup.kind) {
      case 'status':
        return statuses.map(({ id, name }) => ({ id, name }));
      case 'branch':
        return branches.map(({ id, name }) => ({ id, name })).sort(byName);
      case 'staff':
        return staff.map(({ id, name }) => ({ id, name })).sort(byName);
      case 'source':
        return list('sources').sort(byName);
      case 'industry':
        return list('industries').sort(byName);
      case 'category':
        return list('categories').sort(byName);
      case 'option':
        return lookup.field!.options.map(({ id, name }) => ({ id, name }));
    }
  };
}

/** Every distinct value of the mapped lookup columns that no list entry has, with its rows. */
export async function findUnknownValues(
  db: Db,
  orgId: string,
  ctx: ImportContext,
  rows: string[][],
): Promise<ImportUnknownValues> {
  const options = await choices(db, orgId, ctx.kind);
  const columns: ImportUnknownValues['columns'] = [];
  for (const { index, header, target } of ctx.columns) {
    const lookup = lookupOf(ctx, target);
    if (!lookup) continue;
    const counts = new Map<string, { value: string; rows: number }>();
    for (const row of rows) {
      const cell = (row[index] ?? '').trim();
      if (cell === '') continue;
      const seen = new Set<string>();
      for (const value of lookup.list ? readList(cell) : [cell]) {
        const lower = value.toLowerCase();
        if (seen.has(lower) || isKnown(ctx, lookup, lower)) continue;
        seen.add(lower);
        const entry = counts.get(lower);
        if (entry) entry.rows++;
        else counts.set(lower, { value, rows: 1 });
      }
    }
    if (counts.size === 0) continue;
    const values = [...counts.values()].sort(
      (a, b) => b.rows - a.rows || a.value.localeCompare(b.value),
    );
    columns.push({
      column: header,
      target,
      kind: lookup.kind,
      canCreate: lookup.canCreate,
      options: options(lookup),
      values: values.slice(0, MAX_VALUES),
      truncated: values.length > MAX_VALUES,
    });
  }
  return { columns };
}

/**
 * Checks the wizard's answers before a run: each column must be a lookup column of the
 * mapping, each `map` must name an entry of its list, and `create` is for lists an import
 * may add to, by someone who may change settings.
 */
export async function checkValueMap(
  db: Db,
  actor: Actor,
  ctx: ImportContext,
  valueMap: ImportValueMap,
) {
  const options = await choices(db, actor.orgId, ctx.kind);
  const errors: FieldErrors = {};
  const mayCreate = actorCan(actor, 'settings.manage');
  for (const [column, values] of Object.entries(valueMap)) {
    const mapped = ctx.columns.find((c) => c.header === column);
    const lookup = mapped && lookupOf(ctx, mapped.target);
    if (!lookup) {
      errors[`valueMap.${column}`] = fieldError(
        'unknown_reference',
        'Not a mapped column of names (status, branch, staff, list or dropdown)',
      );
      continue;
    }
    const ids = new Set(options(lookup).map((o) => o.id));
    for (const [value, action] of Object.entries(values)) {
      const key = `valueMap.${column}.${value}`;
      if (action.action === 'map' && !ids.has(action.id)) {
        errors[key] = fieldError('unknown_reference', 'No such entry to map to');
      } else if (action.action === 'create') {
        if (!lookup.canCreate) {
          errors[key] = fieldError(
            'not_allowed',
            'Staff and branches are not created by an import',
          );
        } else if (!mayCreate) {
          errors[key] = fieldError('not_allowed', 'Creating entries needs the settings permission');
        } else if (value.trim() === '' || value.trim().length > MAX_NAME) {
          errors[key] = fieldError('too_long', `At most ${MAX_NAME} characters`, { max: MAX_NAME });
        }
      }
    }
  }
  throwIfAny(errors, 'Check the values to map');
}

/**
 * The real run creates what the user asked to create, in the transaction that starts it, and
 * answers the value map with every `create` turned into a `map` to the new entry.
 */
export async function createMappedValues(
  db: Db,
  actor: Actor,
  ctx: ImportContext,
  valueMap: ImportValueMap,
): Promise<ImportValueMap> {
  const out: ImportValueMap = {};
  for (const [column, values] of Object.entries(valueMap)) {
    const target = ctx.columns.find((c) => c.header === column)!.target;
    const lookup = lookupOf(ctx, target)!;
    const created = new Map<string, string>();
    const names = Object.entries(values)
      .filter(([, a]) => a.action === 'create')
      .map(([value]) => value.trim());
    const unique = [...new Map(names.map((n) => [n.toLowerCase(), n])).values()];
    if (lookup.kind === 'option' && unique.length > 0) {
      const options = await addDropdownOptions(db, actor, lookup.field!.id, unique);
      for (const o of options) created.set(o.name.toLowerCase(), o.id);
    } else {
      for (const name of unique) {
        const entry =
          lookup.kind === 'status'
            ? await createImportedStatus(db, actor, ctx.kind, name)
            : await createImportedLookup(db, actor, LIST_OF[lookup.kind]!, name);
        created.set(name.toLowerCase(), entry.id);
      }
    }
    out[column] = Object.fromEntries(
      Object.entries(values).map(([value, action]) => [
        value,
        action.action === 'create'
          ? { action: 'map' as const, id: created.get(value.trim().toLowerCase())! }
          : action,
      ]),
    );
  }
  return out;
}

const LIST_OF: Partial<Record<ImportLookupKind, 'categories' | 'sources' | 'industries'>> = {
  category: 'categories',
  source: 'sources',
  industry: 'industries',
};
