import type { Dictionary, TaskResult, TaskStatus, TaskTemplate } from '@spotter/contracts';
import type { DictionaryRow } from './dictionaries.repo.ts';
import type { TaskStatusRow } from './task-statuses.repo.ts';
import type { ResultRow, TemplateRow } from './templates.repo.ts';

export function toResultDto(row: ResultRow): TaskResult {
  return {
    id: row.id,
    templateId: row.templateId,
    name: row.name,
    color: row.color,
    background: row.background,
    position: row.position,
    archived: row.archivedAt !== null,
    fields: row.fields,
    next: row.next ? { ...row.next, fromFieldId: row.next.fromFieldId ?? null } : null,
    dealOutcome: row.dealOutcome ?? null,
  };
}

/** `results` are the template's own rows, already filtered and ordered by the caller. */
export function toTemplateDto(row: TemplateRow, results: ResultRow[]): TaskTemplate {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    defaultComment: row.defaultComment,
    defaultAssigneeId: row.defaultAssigneeId,
    dueOffsetMinutes: row.dueOffsetMinutes,
    color: row.color,
    background: row.background,
    callTemplateId: row.callTemplateId,
    position: row.position,
    archived: row.archivedAt !== null,
    isDefault: row.isDefault,
    results: results.map(toResultDto),
    version: row.version,
  };
}

export function toTaskStatusDto(row: TaskStatusRow): TaskStatus {
  return {
    id: row.id,
    name: row.name,
    color: row.color,
    background: row.background,
    position: row.position,
    archived: row.archivedAt !== null,
  };
}

export function toDictionaryDto(row: DictionaryRow): Dictionary {
  return {
    id: row.id,
    name: row.name,
    options: row.options,
    archived: row.archivedAt !== null,
    version: row.version,
  };
}
