import { CLUB_RULES, isNoticeRule, type ClubRule, type ClubRuleConfig } from '@spotter/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { fieldError, throwIfAny, versionConflict, type FieldErrors } from '../../lib/errors.ts';
import { contactStatuses, lookups } from '../contact-settings/index.ts';
import { taskTemplates } from '../task-settings/index.ts';
import { users } from '../users/index.ts';
import * as members from './members.repo.ts';
import { rulesOf, saveRules } from './rules.repo.ts';

export async function getRules(db: Db, actor: Actor) {
  assertCan(actor, 'events.manage');
  const settings = await members.getSettings(db, actor.orgId);
  return { rules: rulesOf('rules' in settings ? settings.rules : {}), version: settings.version };
}

const exists = async (query: Promise<unknown[]>) => (await query).length > 0;

/** Every id a rule names is a live one of this organization; each wrong one names its field. */
async function checkRule(
  db: Db,
  orgId: string,
  rule: ClubRule,
  c: ClubRuleConfig,
  errors: FieldErrors,
) {
  const field = (name: string) => `rules.${rule}.${name}`;
  const unknown = (name: string) => {
    errors[field(name)] = fieldError('unknown_reference', 'Not found in this organization');
  };
  if (c.templateId) {
    const ok = await exists(
      db
        .select({ id: taskTemplates.id })
        .from(taskTemplates)
        .where(
          and(
            eq(taskTemplates.orgId, orgId),
            eq(taskTemplates.id, c.templateId),
            isNull(taskTemplates.archivedAt),
          ),
        ),
    );
    if (!ok) unknown('templateId');
  }
  if (c.statusId) {
    const ok = await exists(
      db
        .select({ id: contactStatuses.id })
        .from(contactStatuses)
        .where(
          and(
            eq(contactStatuses.orgId, orgId),
            eq(contactStatuses.id, c.statusId),
            eq(contactStatuses.entity, 'person'),
            isNull(contactStatuses.archivedAt),
          ),
        ),
    );
    if (!ok) unknown('statusId');
  }
  for (const [name, kind] of [
    ['tagId', 'tags'],
    ['historyTypeId', 'history-types'],
  ] as const) {
    const id = c[name];
    if (!id) continue;
    const ok = await exists(
      db
        .select({ id: lookups.id })
        .from(lookups)
        .where(
          and(
            eq(lookups.orgId, orgId),
            eq(lookups.id, id),
            eq(lookups.kind, kind),
            isNull(lookups.archivedAt),
          ),
        ),
    );
    if (!ok) unknown(name);
  }
  if (c.assignee === 'user') {
    if (!c.assigneeUserId) {
      errors[field('assigneeUserId')] = fieldError('required', 'Choose who gets the cards');
    } else {
      const ok = await exists(
        db
          .select({ id: users.id })
          .from(users)
          .where(
            and(eq(users.orgId, orgId), eq(users.id, c.assigneeUserId), eq(users.active, true)),
          ),
      );
      if (!ok) unknown('assigneeUserId');
    }
  }
  // A notice rule's role is who is told; none means every colleague who may see the person.
  if (c.assignee === 'role' && !c.assigneeRole && !isNoticeRule(rule)) {
    errors[field('assigneeRole')] = fieldError(
      'required',
      'Choose the role whose members take turns',
    );
  }
}

/** Saves the rules sent (the others keep theirs); a stale version is a conflict. */
export async function updateRules(
  db: Db,
  actor: Actor,
  input: { rules: Partial<Record<ClubRule, ClubRuleConfig>>; version: number },
) {
  assertCan(actor, 'events.manage');
  const current = await getRules(db, actor);
  if (current.version !== input.version) throw versionConflict(current.version, 'the rules');
  const errors: FieldErrors = {};
  for (const rule of CLUB_RULES) {
    const config = input.rules[rule];
    if (config) await checkRule(db, actor.orgId, rule, config, errors);
  }
  throwIfAny(errors);
  const rules = { ...current.rules, ...input.rules };
  const saved = await saveRules(db, actor.orgId, input.version, rules);
  if (!saved) throw versionConflict(null, 'the rules');
  return { rules: rulesOf(saved.rules), version: saved.version };
}
