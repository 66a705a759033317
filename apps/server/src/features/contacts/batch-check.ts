import {
  fieldErrorOfIssue,
  personCreateSchema,
  type ApiError,
  type CustomField,
  type CustomValues,
} from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import {
  AppError,
  fieldError,
  fieldInvalid,
  validationError,
  type FieldErrors,
} from '../../lib/errors.ts';
import {
  assertContactRefs,
  loadCustomFields,
  validateCustomValues,
} from '../contact-settings/index.ts';
import { prepareContactValues, type ContactInput, type ContactValues } from './contact-values.ts';
import { liveCompanyIds } from './batch.repo.ts';
import { assertPhonesAndBirth, assertStorable, withNewCallerDefaults } from './contacts.service.ts';

/** An item that passed every check a single create makes, with its column values. */
export interface CheckedItem {
  index: number;
  input: ContactInput;
  values: ContactValues;
}

type Issue = z.core.$ZodIssue;

function valueAt(item: unknown, path: readonly PropertyKey[]): unknown {
  let cur = item;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** zod's issues as field errors, as the error handler answers them for a single create. */
function issueFields(item: unknown, issues: readonly Issue[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const base = issue.path.map(String).join('.') || '_';
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        fields[base === '_' ? key : `${base}.${key}`] = fieldError(
          'unknown_field',
          'Unknown field',
        );
      }
      continue;
    }
    const input = valueAt(item, issue.path);
    const { code, params } = fieldErrorOfIssue({ ...issue, input });
    fields[base] ??= fieldError(code, issue.message, params);
  }
  return fields;
}

const hasRefs = (i: ContactInput) =>
  Boolean(
    i.statusId ||
    i.responsibleId ||
    i.branchId ||
    i.sourceId ||
    i.tagIds?.length ||
    i.categoryIds?.length ||
    i.productIds?.length,
  );

/**
 * Checks every item as `POST /api/persons` checks its body (the same contract, references,
 * phones, birth date, company and custom values), answering the error per item instead of
 * for the request. What repeats is checked once: items naming the same references share one
 * check, the companies are looked up together, the custom fields are loaded once.
 */
export async function checkBatchItems(
  db: Db,
  actor: Actor,
  items: readonly unknown[],
  region: string | null,
) {
  const accepted: CheckedItem[] = [];
  const failed = new Map<number, ApiError>();
  const parsed = items.map((item) => personCreateSchema.safeParse(item));
  const companyIds = new Set(parsed.flatMap((p) => (p.data?.companyId ? [p.data.companyId] : [])));
  const companies = await liveCompanyIds(db, actor.orgId, [...companyIds]);
  const refChecks = new Map<string, Promise<unknown>>();
  let fields: CustomField[] | undefined;
  const now = new Date();

  for (const [index, result] of parsed.entries()) {
    if (!result.success) {
      const error = validationError(issueFields(items[index], result.error.issues));
      failed.set(index, error.toBody());
      continue;
    }
    try {
      const input: ContactInput = await withNewCallerDefaults(db, actor, result.data);
      assertStorable(input);
      if (hasRefs(input)) {
        const refs = {
          statusId: input.statusId ?? undefined,
          responsibleId: input.responsibleId ?? undefined,
          branchId: input.branchId ?? undefined,
          sourceId: input.sourceId ?? undefined,
          tagIds: input.tagIds ? [...input.tagIds] : undefined,
          categoryIds: input.categoryIds ? [...input.categoryIds] : undefined,
          productIds: input.productIds ? [...input.productIds] : undefined,
        };
        const key = JSON.stringify(refs);
        let check = refChecks.get(key);
        if (!check) {
          // Settled either way, so a shared failure is rethrown to each of its items.
          check = assertContactRefs(db, actor.orgId, 'person', refs).then(
            () => undefined,
            (err: unknown) => err,
          );
          refChecks.set(key, check);
        }
        const err = await check;
        if (err) throw err;
      }
      assertPhonesAndBirth(input);
      if (input.companyId && !companies.has(input.companyId)) {
        throw fieldInvalid('companyId', 'unknown_reference', 'Unknown company');
      }
      let custom: CustomValues | undefined;
      if (input.custom) {
        fields ??= await loadCustomFields(db, actor.orgId, 'person');
        const cleaned = await validateCustomValues(db, actor.orgId, 'person', input.custom, {
          prefix: 'custom',
          fields,
        });
        custom = {};
        for (const key of Object.keys(input.custom)) custom[key] = cleaned[key] ?? null;
      }
      const checked = custom ? { ...input, custom } : input;
      accepted.push({
        index,
        input: checked,
        values: prepareContactValues('person', checked, { region, now }),
      });
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 400) throw err;
      failed.set(index, err.toBody());
    }
  }
  return { accepted, failed };
}
