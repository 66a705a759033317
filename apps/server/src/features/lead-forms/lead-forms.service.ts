import { randomBytes } from 'node:crypto';
import {
  LOCALES,
  type LeadForm,
  type Locale,
  type leadFormBodySchema,
  type leadFormUpdateSchema,
} from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import {
  AppError,
  catchNameTaken,
  fieldError,
  notFound,
  throwIfAny,
  versionConflict,
  type FieldErrors,
} from '../../lib/errors.ts';
import { decodeTimeCursor, timeCursorPage } from '../../lib/time-cursor.ts';
import { assertContactRefs, loadCustomFields } from '../contact-settings/index.ts';
import { findOrganization } from '../organizations/index.ts';
import { getTemplateWithResults } from '../task-settings/index.ts';
import { findUserById } from '../users/index.ts';
import * as repo from './lead-forms.repo.ts';

type Body = z.output<typeof leadFormBodySchema>;
type Update = z.output<typeof leadFormUpdateSchema>;

export function toLeadFormDto(row: repo.LeadFormRow): LeadForm {
  const s = row.settings;
  return {
    id: row.id,
    publicId: row.publicId,
    name: row.name,
    enabled: row.enabled,
    fields: row.fields,
    consents: row.consents,
    texts: row.texts,
    redirectUrl: s.redirectUrl,
    sourceId: s.sourceId,
    tagIds: s.tagIds,
    branchId: s.branchId,
    templateId: s.templateId,
    assignee: {
      mode: s.assignee.mode,
      userId: s.assignee.userId,
      role: s.assignee.role as LeadForm['assignee']['role'],
    },
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The page's address: 16 random bytes, so nobody finds a form by guessing. */
const newPublicId = () => randomBytes(12).toString('base64url');

/** What the form shows: each field once, a way to reach the lead, texts for every consent. */
async function checkShape(db: Db, orgId: string, body: Body, errors: FieldErrors) {
  const keys = body.fields.map((f) => f.key);
  keys.forEach((key, i) => {
    if (keys.indexOf(key) !== i) errors[`fields.${i}.key`] = fieldError('duplicate', 'Shown twice');
  });
  if (!keys.includes('phone') && !keys.includes('email')) {
    errors.fields = fieldError(
      'required',
      'Ask for a phone or an email: the lead must be reachable',
    );
  }
  const customIds = keys.flatMap((k) => (k.startsWith('custom:') ? [k.slice(7)] : []));
  if (customIds.length > 0) {
    const known = new Set((await loadCustomFields(db, orgId, 'person')).map((f) => f.id));
    body.fields.forEach((f, i) => {
      if (f.key.startsWith('custom:') && !known.has(f.key.slice(7))) {
        errors[`fields.${i}.key`] = fieldError('unknown_reference', 'Unknown custom field');
      }
    });
  }
  const consentIds = body.consents.map((c) => c.id);
  consentIds.forEach((id, i) => {
    if (consentIds.indexOf(id) !== i) errors[`consents.${i}.id`] = fieldError('duplicate', 'Twice');
  });
}

/** Texts: at least one language; in each, a title, a thank-you (unless redirected), consent texts. */
function checkTexts(body: Body, errors: FieldErrors) {
  const languages = LOCALES.filter((l) => body.texts[l]);
  if (languages.length === 0) {
    errors.texts = fieldError('required', 'Write the texts in at least one language');
  }
  for (const lang of languages) {
    const t = body.texts[lang]!;
    if (!t.title) errors[`texts.${lang}.title`] = fieldError('required', 'A title');
    if (!t.thankYou && !body.redirectUrl) {
      errors[`texts.${lang}.thankYou`] = fieldError('required', 'A thank-you text or a redirect');
    }
    for (const c of body.consents) {
      if (!t.consents[c.id]) {
        errors[`texts.${lang}.consents.${c.id}`] = fieldError('required', 'The consent text');
      }
    }
  }
}

/** The references: source, tags and branch as a person's; the template; the named user. */
async function checkRefs(db: Db, orgId: string, body: Body, errors: FieldErrors) {
  try {
    await assertContactRefs(db, orgId, 'person', {
      sourceId: body.sourceId ?? undefined,
      tagIds: body.tagIds.length > 0 ? body.tagIds : undefined,
      branchId: body.branchId ?? undefined,
    });
  } catch (err) {
    if (!(err instanceof AppError) || !err.fields) throw err;
    Object.assign(errors, err.fields);
  }
  if (body.templateId) {
    const template = await getTemplateWithResults(db, orgId, body.templateId);
    if (!template) {
      errors.templateId = fieldError('unknown_reference', 'Unknown task template');
    } else if (template.archived) {
      errors.templateId = fieldError('archived', 'This task template is archived');
    } else if (template.type !== 'call' && template.type !== 'client') {
      errors.templateId = fieldError('wrong_kind', 'A personal call or another client task');
    }
  }
  const { assignee } = body;
  if (assignee.mode === 'user') {
    const user = assignee.userId ? await findUserById(db, orgId, assignee.userId) : undefined;
    if (!assignee.userId) errors['assignee.userId'] = fieldError('required', 'Choose the user');
    else if (!user) errors['assignee.userId'] = fieldError('unknown_reference', 'Unknown user');
    else if (!user.active) errors['assignee.userId'] = fieldError('deactivated', 'Deactivated');
  }
}

async function checkedValues(db: Db, orgId: string, body: Body): Promise<repo.LeadFormValues> {
  const errors: FieldErrors = {};
  await checkShape(db, orgId, body, errors);
  checkTexts(body, errors);
  await checkRefs(db, orgId, body, errors);
  throwIfAny(errors);
  const assignee = body.assignee;
  return {
    name: body.name,
    enabled: body.enabled,
    fields: body.fields,
    consents: body.consents,
    texts: body.texts,
    settings: {
      redirectUrl: body.redirectUrl,
      sourceId: body.sourceId,
      tagIds: body.tagIds,
      branchId: body.branchId,
      templateId: body.templateId,
      assignee: {
        mode: assignee.mode,
        userId: assignee.mode === 'user' ? assignee.userId : null,
        role: assignee.mode === 'turns' ? assignee.role : null,
      },
    },
  };
}

export async function listForms(db: Db, actor: Actor, query: { limit: number; cursor?: string }) {
  assertCan(actor, 'settings.manage');
  const after = query.cursor ? decodeTimeCursor(query.cursor) : undefined;
  const rows = await repo.listForms(db, actor.orgId, query.limit, after);
  const { page, nextCursor } = timeCursorPage(
    rows.map((r) => ({ ...r, id: r.row.id })),
    query.limit,
  );
  return { items: page.map((r) => toLeadFormDto(r.row)), nextCursor };
}

export async function getForm(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'settings.manage');
  const row = await repo.findForm(db, actor.orgId, id);
  if (!row) throw notFound('Lead form');
  return toLeadFormDto(row);
}

export async function createForm(db: Db, actor: Actor, body: Body, now: Date) {
  assertCan(actor, 'settings.manage');
  const values = await checkedValues(db, actor.orgId, body);
  const row = await catchNameTaken('A lead form', () =>
    repo.insertForm(db, actor.orgId, newPublicId(), values, now),
  );
  return toLeadFormDto(row);
}

export async function updateForm(db: Db, actor: Actor, id: string, body: Update, now: Date) {
  assertCan(actor, 'settings.manage');
  const current = await repo.findForm(db, actor.orgId, id);
  if (!current) throw notFound('Lead form');
  const values = await checkedValues(db, actor.orgId, body);
  const row = await catchNameTaken('A lead form', () =>
    repo.updateForm(db, actor.orgId, id, body.version, values, now),
  );
  if (!row) throw versionConflict(current.version, 'this lead form');
  return toLeadFormDto(row);
}

export async function deleteForm(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'settings.manage');
  if (!(await repo.deleteForm(db, actor.orgId, id))) throw notFound('Lead form');
  return { ok: true as const };
}

/**
 * The language a visitor reads the form in: `?lang=` when the form has it, else the first of
 * Accept-Language it has, else the organization's, else the form's first.
 */
export async function pageLocale(
  db: Db,
  form: repo.LeadFormRow,
  asked: string | undefined,
  acceptLanguage: string | undefined,
): Promise<Locale> {
  const has = (l: string): l is Locale =>
    (LOCALES as readonly string[]).includes(l) && l in form.texts;
  if (asked && has(asked)) return asked;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase().slice(0, 2);
    if (has(tag)) return tag;
  }
  const org = (await findOrganization(db, form.orgId))?.locale;
  if (org && has(org)) return org;
  return LOCALES.find((l) => has(l)) ?? 'en';
}
