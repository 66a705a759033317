import type { HistoryEntry } from '@spotter/contracts';
import type { TFunction } from 'i18next';
import { i18n } from '../../../lib/i18n.ts';
import { formatDay } from './date-field.tsx';

/** Names of the ids an automatic entry refers to (statuses, staff). */
export type NameOf = (id: string) => string | undefined;

/**
 * A `from`/`to` of an automatic entry: an id the page can name, a name the server already
 * wrote, `{ id, name }`, or nothing.
 */
export function describeValue(value: unknown, nameOf: NameOf): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return nameOf(value) ?? value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.id === 'string') {
      const known = nameOf(o.id);
      if (known) return known;
    }
    if (typeof o.name === 'string') return o.name;
  }
  return null;
}

const firstString = (data: Record<string, unknown>, keys: string[]) => {
  for (const key of keys) {
    const v = data[key];
    if (typeof v === 'string' && v.trim()) return v;
  }
  return null;
};

/** Stored column names of an 'updated' entry → the form's label keys. */
const FIELD_KEYS: Record<string, string> = {
  tagIds: 'tags',
  categoryIds: 'categories',
  productIds: 'products',
  sourceId: 'source',
  branchId: 'branch',
  industryId: 'industry',
  companyId: 'company',
  name: 'companyName',
  custom: 'custom',
};

/** consentSmsAt, consentEmailSource, consentSmsBy … belong to their consent. */
const CONSENT_PART = /^(consentEmail|consentSms)(At|Source|By)$/;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A task's result (T-4): "Personal call: Going to buy", then each extra field the server wrote
 * as `{ label, value }` (days in the reader's language), then the comment, one per line.
 */
function taskResultSentence(entry: HistoryEntry, t: TFunction): string {
  const data = entry.data ?? {};
  const template = typeof data.template === 'string' && data.template ? data.template : null;
  const result = describeValue(data.result, () => undefined);
  const head = result
    ? t('card:history.sentences.task_result', {
        template: template ?? t('card:history.task'),
        result,
      })
    : t('card:history.sentences.task_resultNone', { template: template ?? t('card:history.task') });
  const fields = Array.isArray(data.fields) ? data.fields : [];
  const lines = fields.flatMap((f: unknown) => {
    if (!f || typeof f !== 'object') return [];
    const { label, value } = f as { label?: unknown; value?: unknown };
    if (typeof label !== 'string' || (typeof value !== 'string' && typeof value !== 'number')) {
      return [];
    }
    const shown =
      typeof value === 'string' && DAY.test(value) ? formatDay(value, i18n.language) : value;
    return [`${label}: ${shown}`];
  });
  const comment = entry.text.trim();
  return [head, ...lines, ...(comment ? [comment] : [])].join('\n');
}

/** What a connected club system reported: a trial booked, a payment failed, a contract ended. */
function clubEventSentence(entry: HistoryEntry, t: TFunction): string {
  const data = entry.data ?? {};
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');
  switch (data.type) {
    case 'booking.created': {
      const at = new Date(text('startsAt'));
      const when = Number.isNaN(at.getTime())
        ? ''
        : new Intl.DateTimeFormat(i18n.language, {
            dateStyle: 'medium',
            timeStyle: 'short',
          }).format(at);
      return t('card:history.clubEvent.trial', { className: text('className'), when });
    }
    case 'payment.failed': {
      const amount = typeof data.amount === 'number' ? data.amount : Number.NaN;
      const currency = text('currency');
      const shown = Number.isNaN(amount)
        ? ''
        : currency
          ? new Intl.NumberFormat(i18n.language, { style: 'currency', currency }).format(amount)
          : new Intl.NumberFormat(i18n.language).format(amount);
      const reason = text('reason');
      return reason
        ? t('card:history.clubEvent.paymentFailedReason', { amount: shown, reason })
        : t('card:history.clubEvent.paymentFailed', { amount: shown });
    }
    case 'contract.created':
      return t('card:history.clubEvent.contractCreated', { service: text('service') });
    case 'contract.ended':
      return t('card:history.clubEvent.contractEnded', { service: text('service') });
    default:
      return t('card:history.clubEvent.other');
  }
}

/** A lead form submission: the form, the visitor's message, each consent box they ticked. */
function leadFormSentence(entry: HistoryEntry, t: TFunction): string {
  const data = entry.data ?? {};
  const form = typeof data.formName === 'string' ? data.formName : '';
  const consents = Array.isArray(data.consents) ? data.consents : [];
  const ticked = consents.flatMap((c: unknown) => {
    const text = c && typeof c === 'object' ? (c as { text?: unknown }).text : undefined;
    return typeof text === 'string' && text ? [t('card:history.leadForm.consent', { text })] : [];
  });
  const message = entry.text.trim();
  return [t('card:history.leadForm.sent', { form }), ...(message ? [message] : []), ...ticked].join(
    '\n',
  );
}

/** A deal's entry: "Membership 12 months: Offer sent → Negotiation", lost with its reason. */
function dealSentence(entry: HistoryEntry, t: TFunction): string {
  const data = entry.data ?? {};
  const text = (key: string) => (typeof data[key] === 'string' ? data[key] : '');
  const values = {
    title: text('title'),
    stage: text('stageName'),
    from: text('fromStageName'),
    reason: text('lostReasonName'),
  };
  const lines = [t(`card:history.sentences.${entry.event}`, values)];
  if (entry.event === 'deal_lost' && text('lostComment')) lines.push(text('lostComment'));
  return lines.join('\n');
}

/**
 * A guardian ↔ child link made or removed (issue 17), said from this person's side:
 * "Guardian linked: Anna Berg (Mother)" on the child, "Child linked: Maja Berg (Mother)" on
 * the guardian. A name the entry lacks (an erased person) is said as "someone".
 */
function relationSentence(entry: HistoryEntry, t: TFunction): string {
  const data = entry.data ?? {};
  const as = data.as === 'guardian' ? 'guardian' : 'child';
  const name = firstString(data, ['personName']) ?? t('card:history.someone');
  const text = t(`card:history.sentences.${entry.event}_${as}`, { name });
  const role = firstString(data, ['roleName']);
  return role ? t('card:history.sentences.relationWithRole', { text, role }) : text;
}

/** An automatic entry as a sentence under its title ("Status changed"): "From Prospect to Customer." */
export function historySentence(
  entry: HistoryEntry,
  t: TFunction,
  names: { status: NameOf; staff: NameOf },
): string {
  const data = entry.data ?? {};
  switch (entry.event) {
    case 'note':
      return entry.text;
    case 'status_changed':
      return t('card:history.sentences.status_changed', {
        from: describeValue(data.from, names.status) ?? t('card:history.noStatus'),
        to: describeValue(data.to, names.status) ?? t('card:history.noStatus'),
      });
    case 'responsible_changed':
      return t('card:history.sentences.responsible_changed', {
        from: describeValue(data.from, names.staff) ?? t('card:history.nobody'),
        to: describeValue(data.to, names.staff) ?? t('card:history.nobody'),
      });
    case 'merged': {
      const name = firstString(data, ['mergedName', 'sourceName', 'name', 'displayName']);
      return name
        ? t('card:history.sentences.merged', { name })
        : t('card:history.sentences.mergedUnnamed');
    }
    case 'updated': {
      const fields = Array.isArray(data.fields)
        ? data.fields.filter((f) => typeof f === 'string')
        : [];
      // A consent's date, source and giver are the consent itself: it is named once.
      const keys = [...new Set(fields.map((f) => FIELD_KEYS[f] ?? CONSENT_PART.exec(f)?.[1] ?? f))];
      const known = keys.map((k) => t(`card:fields.${k}`, { defaultValue: k }));
      return known.length
        ? t('card:history.sentences.updatedFields', { fields: known.join(', ') })
        : t('card:history.sentences.updated');
    }
    case 'task_result':
      return taskResultSentence(entry, t);
    case 'club_event':
      return clubEventSentence(entry, t);
    case 'lead_form':
      return leadFormSentence(entry, t);
    case 'consent_withdrawn':
      return t(
        data.channel === 'sms'
          ? 'card:history.sentences.consent_withdrawn_sms'
          : 'card:history.sentences.consent_withdrawn_email',
        { source: typeof data.source === 'string' ? data.source : entry.text },
      );
    case 'deal_created':
    case 'deal_stage_changed':
    case 'deal_won':
    case 'deal_lost':
      return dealSentence(entry, t);
    case 'email_sent':
    case 'sms_sent':
      return entry.text;
    case 'relation_added':
    case 'relation_removed':
      return relationSentence(entry, t);
    default:
      return t(`card:history.sentences.${entry.event}`);
  }
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "3 hours ago", "yesterday" in the user's language. */
export function relativeTime(iso: string, now: Date, locale: string): string {
  const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
  if (!Number.isFinite(seconds)) return '';
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') {
      return rtf.format(Math.round(seconds / size), unit);
    }
  }
  return '';
}
