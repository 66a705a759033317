import type { EventLogEntry } from '@spotter/contracts';
import type { TFunction } from 'i18next';

/** One thing processing did, in words; a person it names is linked by the page. */
export interface OutcomeLine {
  text: string;
  contactId?: string;
  /** A card (task) a rule made or moved, linked by the page. */
  taskId?: string;
}

const KNOWN_SKIPS = ['no_call_template', 'rule_off', 'call_over', 'visit_over', 'no_open_task'];

const KNOWN_REASONS = ['bad_signature', 'stale_timestamp', 'source_disabled', 'not_twilio'];

/** Why a delivery was refused, in words (an unknown code is shown as it is). */
export function refusalText(reason: string | null, t: TFunction): string {
  if (reason && KNOWN_REASONS.includes(reason)) return t(`log.reasons.${reason}`);
  return t('log.reasons.other', { reason: reason ?? '—' });
}

/** The member's name as the event gave it, to name the person it was linked to. */
export function memberNameOf(data: unknown): string | null {
  const member = (data as { member?: { firstName?: unknown; lastName?: unknown } } | null)?.member;
  const parts = [member?.firstName, member?.lastName].filter(
    (p): p is string => typeof p === 'string' && p.trim() !== '',
  );
  return parts.length ? parts.join(' ') : null;
}

/**
 * What processing did, step by step: linked to a person (and how), a person created, what was
 * recorded on the member's side of the card, a history line written, or why nobody was linked.
 * Steps a later version adds are shown by their code rather than hidden.
 */
export function outcomeLines(entry: EventLogEntry, t: TFunction): OutcomeLine[] {
  const name = memberNameOf(entry.data) ?? t('log.steps.thePerson');
  const steps = entry.outcome ?? [];
  const lines: OutcomeLine[] = [];
  const linkedStep = steps.some((s) =>
    ['person_linked', 'person_created', 'known_caller'].includes(s.step as string),
  );
  // Linked by the source's own id earlier: processing had nothing to find, only to use.
  if (entry.contactId && !linkedStep) {
    lines.push({ text: t('log.steps.linkedKnown', { name }), contactId: entry.contactId });
  }
  for (const s of steps) {
    const contactId = typeof s.contactId === 'string' ? s.contactId : undefined;
    const taskId = typeof s.taskId === 'string' ? s.taskId : undefined;
    const rule = t(`log.rules.${String(s.rule)}`, { defaultValue: String(s.rule ?? '') });
    switch (s.step) {
      case 'person_linked':
        lines.push({
          text: t(`log.steps.linked_${s.by === 'email' ? 'email' : 'phone'}`, { name }),
          contactId,
        });
        break;
      case 'person_created':
        lines.push({ text: t('log.steps.created', { name }), contactId });
        break;
      // A child's guardian from the event (issue 17): made here, or found and linked.
      case 'guardian_created':
        lines.push({ text: t('log.steps.guardianCreated', { name }), contactId });
        break;
      case 'guardian_linked':
        lines.push({ text: t('log.steps.guardianLinked', { name }), contactId });
        break;
      case 'recorded':
      case 'older_than_stored':
        lines.push({
          text: t(`log.steps.${s.step}`, {
            what: t(`log.kinds.${String(s.kind)}`, { defaultValue: String(s.kind) }),
          }),
        });
        break;
      case 'history':
        lines.push({ text: t('log.steps.history') });
        break;
      case 'card_created':
      case 'card_updated':
        lines.push({ text: t(`log.steps.${s.step}`, { rule }), taskId });
        break;
      case 'skipped':
        lines.push({
          text: t('log.steps.skipped', {
            rule,
            reason: KNOWN_SKIPS.includes(String(s.reason))
              ? t(`log.skips.${String(s.reason)}`)
              : String(s.reason ?? ''),
          }),
        });
        break;
      case 'tagged':
        lines.push({ text: t('log.steps.tagged') });
        break;
      case 'known_caller':
        lines.push({ text: t('log.steps.knownCaller', { name }), contactId });
        break;
      case 'caller_popped':
        lines.push({ text: t('log.steps.caller_popped', { rule }) });
        break;
      case 'staff_told':
        lines.push({
          text: t('log.steps.staff_told', { rule, count: Number(s.users ?? 0) }),
        });
        break;
      case 'unpaid_check_planned':
        lines.push({ text: t('log.steps.unpaidCheck') });
        break;
      case 'not_linked':
        lines.push({
          text: t(
            s.reason === 'unknown_member'
              ? 'log.steps.notLinkedUnknown'
              : 'log.steps.notLinkedOther',
          ),
        });
        break;
      default:
        lines.push({ text: t('log.steps.other', { step: String(s.step) }), contactId });
    }
  }
  return lines;
}
