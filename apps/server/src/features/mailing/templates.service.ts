import type {
  MailPreview,
  MailPreviewResult,
  MailTemplate,
  mailTemplateCreateSchema,
  mailTemplateUpdateSchema,
} from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import {
  catchNameTaken,
  notFound,
  ruleBroken,
  throwIfAny,
  versionConflict,
} from '../../lib/errors.ts';
import { findOrganization } from '../organizations/index.ts';
import { placeholderErrors, renderMail, variantTexts, type PlaceholderValues } from './render.ts';
import * as repo from './templates.repo.ts';

type CreateInput = z.output<typeof mailTemplateCreateSchema>;
type UpdateInput = z.output<typeof mailTemplateUpdateSchema>;

const toDto = (row: repo.MailTemplateRow): MailTemplate => ({
  id: row.id,
  name: row.name,
  variants: row.variants,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** A placeholder Spotter does not know is a typo that would print as written: say where. */
function assertKnownPlaceholders(variants: CreateInput['variants']): void {
  throwIfAny(placeholderErrors(variantTexts(variants)));
}

export async function listTemplates(db: Db, actor: Actor): Promise<{ items: MailTemplate[] }> {
  assertCan(actor, 'mailing.send');
  return { items: (await repo.listTemplates(db, actor.orgId)).map(toDto) };
}

export async function getTemplate(db: Db, actor: Actor, id: string): Promise<MailTemplate> {
  assertCan(actor, 'mailing.send');
  const row = await repo.findTemplate(db, actor.orgId, id);
  if (!row) throw notFound('Template');
  return toDto(row);
}

export async function createTemplate(db: Db, actor: Actor, input: CreateInput) {
  assertCan(actor, 'mailing.manage');
  assertKnownPlaceholders(input.variants);
  if ((await repo.countTemplates(db, actor.orgId)) >= repo.MAX_TEMPLATES) {
    throw ruleBroken(
      'too_many_templates',
      `An organization keeps at most ${repo.MAX_TEMPLATES} templates`,
    );
  }
  const row = await catchNameTaken('A template', () => repo.insertTemplate(db, actor.orgId, input));
  return toDto(row);
}

export async function updateTemplate(db: Db, actor: Actor, id: string, input: UpdateInput) {
  assertCan(actor, 'mailing.manage');
  if (input.variants) assertKnownPlaceholders(input.variants);
  const current = await repo.findTemplate(db, actor.orgId, id);
  if (!current) throw notFound('Template');
  if (current.version !== input.version) throw versionConflict(current.version, 'this template');
  const { version, ...patch } = input;
  const row = await catchNameTaken('A template', () =>
    repo.updateTemplate(db, actor.orgId, id, version, patch),
  );
  if (!row) throw versionConflict((await repo.findTemplate(db, actor.orgId, id))?.version ?? null);
  return toDto(row);
}

export async function deleteTemplate(db: Db, actor: Actor, id: string) {
  assertCan(actor, 'mailing.manage');
  if (!(await repo.deleteTemplate(db, actor.orgId, id))) throw notFound('Template');
  return { ok: true as const };
}

/** The text being written, filled in for one person of the organization (or with defaults only). */
export async function previewMail(
  db: Db,
  actor: Actor,
  input: MailPreview,
): Promise<MailPreviewResult> {
  assertCan(actor, 'mailing.send');
  const org = await findOrganization(db, actor.orgId);
  let values: PlaceholderValues = { clubName: org?.name ?? '' };
  if (input.personId) {
    const person = await repo.personValues(db, actor.orgId, input.personId);
    if (!person) throw notFound('Person');
    values = { ...values, ...person };
  }
  return renderMail(input, values);
}
