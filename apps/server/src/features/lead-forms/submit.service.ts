import {
  can,
  emailSchema,
  ROLES,
  type LeadFormTexts,
  type Locale,
  type Role,
} from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { normalizePhone } from '../../lib/phones.ts';
import { getCrmSettings } from '../contact-settings/index.ts';
import { insertHistory, upsertPersons } from '../contacts/index.ts';
import { getTemplateWithResults } from '../task-settings/index.ts';
import { createTask, defaultTemplateOf } from '../tasks/index.ts';
import { findUserById, staffInTurn } from '../users/index.ts';
import * as repo from './lead-forms.repo.ts';
import { botReason, HONEYPOT_FIELD, TOKEN_FIELD } from './spam.ts';
import { openLeadTask, recordSubmission } from './submissions.repo.ts';

/** The urlencoded body as posted: a repeated name (the consent boxes) gives a list. */
export type PostedForm = Record<string, string | string[]>;

export type SubmitOutcome =
  | { kind: 'refused'; reason: string }
  | { kind: 'invalid'; errors: Record<string, string> }
  | {
      kind: 'accepted';
      submissionId: string;
      contactId: string;
      taskId: string | null;
      created: boolean;
    };

export interface SubmitDeps {
  db: Db;
  now: Date;
  secret: string;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

/** The values of the form's own fields, trimmed, as the visitor sent them (re-shown on error). */
export function visitorValues(form: repo.LeadFormRow, body: PostedForm): Record<string, string> {
  return Object.fromEntries(form.fields.map((f) => [f.key, one(body[f.key]).trim()]));
}

export const checkedConsents = (body: PostedForm) => new Set(many(body.consent));

const MAX_LENGTH: Record<string, number> = {
  firstName: 100,
  lastName: 100,
  phone: 40,
  email: 254,
  message: 4000,
};

/** What can be told without the database: required fields, lengths, a way to reach, consents. */
function basicErrors(
  form: repo.LeadFormRow,
  values: Record<string, string>,
  consents: Set<string>,
  refs: { branchIds: Set<string>; region: string | null },
) {
  const errors: Record<string, string> = {};
  for (const f of form.fields) {
    const v = values[f.key] ?? '';
    if (!v) {
      if (f.required) errors[f.key] = 'required';
      continue;
    }
    if (v.length > (MAX_LENGTH[f.key] ?? 2000)) errors[f.key] = 'too_long';
    else if (f.key === 'branch' && !refs.branchIds.has(v)) errors[f.key] = 'invalid_option';
    // Staff may keep a number as typed; a lead nobody can call is no lead.
    else if (f.key === 'phone' && !normalizePhone(v, refs.region).valid) {
      errors[f.key] = 'invalid_phone';
    } else if (f.key === 'email' && !emailSchema.safeParse(v).success) {
      errors[f.key] = 'invalid_email';
    }
  }
  const reach = form.fields.filter((f) => f.key === 'phone' || f.key === 'email');
  if (reach.length > 0 && reach.every((f) => !values[f.key]) && !reach.some((f) => errors[f.key])) {
    errors[reach[0]!.key] = 'phone_or_email';
  }
  for (const c of form.consents) {
    if (c.required && !consents.has(c.id)) errors[`consent:${c.id}`] = 'consent';
  }
  return errors;
}

/** The person's fields from the visitor's values and the form's settings. */
function personItem(
  form: repo.LeadFormRow,
  values: Record<string, string>,
  consents: Set<string>,
  opts: { withSettingsRefs: boolean },
) {
  const s = form.settings;
  const given = (key: string) => values[key] || undefined;
  const custom = Object.fromEntries(
    form.fields
      .filter((f) => f.key.startsWith('custom:') && values[f.key])
      .map((f) => [f.key.slice(7), values[f.key]!]),
  );
  const consent = (kind: 'email' | 'sms') =>
    form.consents.some((c) => c.kind === kind && consents.has(c.id))
      ? { granted: true, source: `Lead form: ${form.name}`.slice(0, 120) }
      : undefined;
  const refs = opts.withSettingsRefs;
  return {
    firstName: given('firstName'),
    lastName: given('lastName'),
    phones: values.phone ? [{ number: values.phone }] : undefined,
    emails: values.email ? [{ email: values.email }] : undefined,
    birthDate: given('birthDate'),
    branchId: given('branch') ?? (refs ? (s.branchId ?? undefined) : undefined),
    sourceId: refs ? (s.sourceId ?? undefined) : undefined,
    tagIds: refs && s.tagIds.length > 0 ? s.tagIds : undefined,
    custom: Object.keys(custom).length > 0 ? custom : undefined,
    consentEmail: consent('email'),
    consentSms: consent('sms'),
    // A new lead gets the status Settings → CRM gives a new caller.
    intake: 'new_call' as const,
  };
}

/** A field path of the person's checks → the form field it came from. */
function formKeyOf(path: string): string {
  if (path.startsWith('phones')) return 'phone';
  if (path.startsWith('emails')) return 'email';
  if (path.startsWith('custom.')) return `custom:${path.split('.')[1]}`;
  if (path === 'branchId') return 'branch';
  if (path === '_') return 'phone';
  return path;
}

const SETTINGS_REFS = new Set(['sourceId', 'tagIds']);

const WORKING_ROLES = ROLES.filter((r) => can(r, 'tasks.write'));

/** Who gets the task: a named user, staff in turn in the lead's branch, or the template's default. */
async function assigneeOf(
  tx: Db,
  form: repo.LeadFormRow,
  branchId: string | null,
): Promise<string | undefined> {
  const a = form.settings.assignee;
  if (a.mode === 'user' && a.userId) {
    const user = await findUserById(tx, form.orgId, a.userId);
    return user?.active ? user.id : undefined;
  }
  if (a.mode === 'turns') {
    const turn = await repo.takeTurn(tx, form.orgId, form.id);
    const roles: readonly Role[] = a.role ? [a.role as Role] : WORKING_ROLES;
    return (
      (await staffInTurn(tx, form.orgId, { roles, branchId }, turn)) ??
      (await staffInTurn(tx, form.orgId, { roles }, turn))
    );
  }
  return undefined;
}

/** The form's template while it can take the task, else the organization's default call. */
async function templateOf(tx: Db, form: repo.LeadFormRow) {
  const id = form.settings.templateId;
  const chosen = id ? await getTemplateWithResults(tx, form.orgId, id) : null;
  if (chosen && !chosen.archived && (chosen.type === 'call' || chosen.type === 'client')) {
    return chosen.id;
  }
  return (await defaultTemplateOf(tx, form.orgId, 'call'))?.id ?? null;
}

/**
 * A visitor's submission: refused when it looks like a bot's, re-shown with field errors when
 * something is wrong, otherwise the person is created or filled in (matched by phone and email
 * as the import and the batch API match), consents and history written, a task made and the
 * submission recorded — all in one transaction.
 */
export async function submitLeadForm(
  deps: SubmitDeps,
  form: repo.LeadFormRow,
  locale: Locale,
  texts: LeadFormTexts,
  body: PostedForm,
): Promise<SubmitOutcome> {
  const bot = botReason(
    deps.secret,
    form.id,
    { honeypot: one(body[HONEYPOT_FIELD]), token: one(body[TOKEN_FIELD]) },
    deps.now,
  );
  if (bot) return { kind: 'refused', reason: bot };
  const values = visitorValues(form, body);
  const consents = checkedConsents(body);
  const branches = form.fields.some((f) => f.key === 'branch')
    ? await repo.liveBranches(deps.db, form.orgId)
    : [];
  const region = (await getCrmSettings(deps.db, form.orgId)).phoneRegion;
  const errors = basicErrors(form, values, consents, {
    branchIds: new Set(branches.map((b) => b.id)),
    region,
  });
  if (Object.keys(errors).length > 0) return { kind: 'invalid', errors };

  // The form writes as the club's own integration would: persons and their task, nothing else.
  const actor: Actor = {
    orgId: form.orgId,
    userId: null,
    role: null,
    via: 'token',
    permissions: ['contacts.read', 'contacts.write', 'tasks.read', 'tasks.write'],
  };
  return deps.db.transaction(async (tx): Promise<SubmitOutcome> => {
    let [result] = (
      await upsertPersons(tx, actor, 'fill', [
        personItem(form, values, consents, { withSettingsRefs: true }),
      ])
    ).items;
    // A source or tag deleted since the form was saved: keep the lead without it.
    const settingsRef = (path: string) =>
      SETTINGS_REFS.has(path.split('.')[0]!) || (path === 'branchId' && !values.branch);
    if (
      result?.status === 'failed' &&
      Object.keys(result.error?.fieldCodes ?? {}).some(settingsRef)
    ) {
      [result] = (
        await upsertPersons(tx, actor, 'fill', [
          personItem(form, values, consents, { withSettingsRefs: false }),
        ])
      ).items;
    }
    if (!result?.id || result.status === 'failed') {
      const codes = result?.error?.fieldCodes ?? {};
      const mapped = Object.fromEntries(
        Object.entries(codes).map(([path, code]) => [formKeyOf(path), code]),
      );
      return {
        kind: 'invalid',
        errors: Object.keys(mapped).length ? mapped : { _form: 'invalid' },
      };
    }
    const contactId = result.id;
    const created = result.status === 'created';
    const branchId = values.branch || form.settings.branchId || null;
    const message = values.message ?? '';
    let taskId = created ? null : ((await openLeadTask(tx, form.orgId, contactId)) ?? null);
    const templateId = taskId ? null : await templateOf(tx, form);
    if (templateId) {
      const task = await createTask(
        { db: tx, actor, now: deps.now },
        {
          templateId,
          contactId,
          assigneeId: await assigneeOf(tx, form, branchId),
          comment: (message ? `${form.name}: ${message}` : form.name).slice(0, 4000),
          remindAt: null,
          // No status: a new lead waits in Unsorted until someone picks it up.
          statusId: null,
          branchId,
          private: false,
        },
      );
      taskId = task.id;
    }
    const given = form.consents
      .filter((c) => consents.has(c.id))
      .map((c) => ({ kind: c.kind, text: texts.consents[c.id] ?? '', at: deps.now.toISOString() }));
    await insertHistory(tx, form.orgId, contactId, {
      event: 'lead_form',
      text: message,
      data: {
        formId: form.id,
        formName: form.name,
        created,
        fields: Object.fromEntries(Object.entries(values).filter(([k, v]) => v && k !== 'message')),
        consents: given.map(({ kind, text }) => ({ kind, text })),
      },
    });
    const submissionId = await recordSubmission(
      tx,
      {
        orgId: form.orgId,
        formId: form.id,
        contactId,
        taskId,
        locale,
        data: values,
        consents: given,
        submittedAt: deps.now,
      },
      created,
    );
    return { kind: 'accepted', submissionId, contactId, taskId, created };
  });
}
