/**
 * What the tasks feature reads from the settings: no permission checks here (the caller holds
 * its actor and has checked), every query scoped to `orgId`.
 */
import type { Dictionary, Locale, TaskTemplate, TaskType } from '@spotter/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { organizations } from '../organizations/index.ts';
import { fieldInvalid } from '../../lib/errors.ts';
import { seedTaskDefaults } from './defaults.ts';
import { findDictionaries } from './dictionaries.repo.ts';
import { toDictionaryDto, toTemplateDto } from './task-settings.dto.ts';
import { findTaskStatus, firstActiveTaskStatus } from './task-statuses.repo.ts';
import * as repo from './templates.repo.ts';

/** The template with every result, archived ones too: a task may hold an archived result. */
export async function getTemplateWithResults(
  db: Db,
  orgId: string,
  id: string,
): Promise<TaskTemplate | null> {
  const row = await repo.findTemplate(db, orgId, id);
  if (!row) return null;
  return toTemplateDto(row, await repo.listResults(db, orgId, [id], true));
}

export async function getResultRow(
  db: Db,
  orgId: string,
  resultId: string,
): Promise<repo.ResultRow | null> {
  return (await repo.findResult(db, orgId, resultId)) ?? null;
}

/** Dictionaries by id (archived ones too: stored values keep their names). */
export async function getDictionaries(
  db: Db,
  orgId: string,
  ids: string[],
): Promise<Map<string, Dictionary>> {
  const rows = await findDictionaries(db, orgId, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, toDictionaryDto(r)]));
}

/**
 * The default template of a type. An organization created before task settings existed gets
 * its defaults here, in its language, the first time a task needs one.
 */
export async function defaultTemplateId(db: Db, orgId: string, type: TaskType): Promise<string> {
  return (await defaultTemplate(db, orgId, type)).id;
}

/** `defaultTemplateId`'s template itself (one read when the organization has its defaults). */
export async function defaultTemplate(
  db: Db,
  orgId: string,
  type: TaskType,
): Promise<repo.TemplateRow> {
  const found = await repo.findDefaultTemplate(db, orgId, type);
  if (found) return found;
  const [org] = await db
    .select({ locale: organizations.locale })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  if (!org) throw new Error(`Organization ${orgId} not found`);
  await seedTaskDefaults(db, orgId, org.locale as Locale);
  const seeded = await repo.findDefaultTemplate(db, orgId, type);
  if (!seeded) throw new Error(`No default ${type} template in organization ${orgId}`);
  return seeded;
}

/** The status the board gives a card dragged out of Unsorted: the first active one. */
export async function firstTaskStatusId(db: Db, orgId: string): Promise<string | null> {
  return (await firstActiveTaskStatus(db, orgId))?.id ?? null;
}

/** A status a task is given must exist in this organization and be in use. */
export async function assertTaskStatus(db: Db, orgId: string, id: string): Promise<void> {
  const status = await findTaskStatus(db, orgId, id);
  if (!status) throw fieldInvalid('statusId', 'unknown_reference', 'Unknown task status');
  if (status.archivedAt) throw fieldInvalid('statusId', 'archived', 'This task status is archived');
}
