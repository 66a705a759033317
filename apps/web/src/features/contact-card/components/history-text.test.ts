import type { HistoryEntry } from '@spotter/contracts';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n.ts';
import { formatDay } from './date-field.tsx';
import { historySentence } from './history-text.ts';

const t = ((key: string, opts?: Record<string, unknown>) =>
  `${key}${opts ? JSON.stringify(opts) : ''}`) as unknown as TFunction;
const names = { status: () => undefined, staff: () => undefined };
const entry = (data: Record<string, unknown>, text = ''): HistoryEntry => ({
  id: 'e1',
  event: 'task_result',
  typeId: null,
  text,
  data,
  author: null,
  createdAt: '2025-06-02T08:00:00.000Z',
});

describe('a task result on the timeline', () => {
  it('names the task and its result, then each extra field and the comment, one per line', () => {
    const text = historySentence(
      entry(
        {
          template: 'Personal call',
          result: 'Going to buy',
          fields: [
            { label: 'Purchase date', value: '2025-06-06' },
            { label: 'Amount', value: 1200 },
            { label: 'broken' },
            'nonsense',
          ],
        },
        '  Calls back on Friday ',
      ),
      t,
      names,
    );
    expect(text.split('\n')).toEqual([
      'card:history.sentences.task_result{"template":"Personal call","result":"Going to buy"}',
      `Purchase date: ${formatDay('2025-06-06', i18n.language)}`,
      'Amount: 1200',
      'Calls back on Friday',
    ]);
  });

  it('says the task was completed when it had no result, and names a task without a template', () => {
    expect(historySentence(entry({ template: 'Clean the gym', result: null }), t, names)).toBe(
      'card:history.sentences.task_resultNone{"template":"Clean the gym"}',
    );
    expect(historySentence(entry({ result: { id: 'r', name: 'Booked' } }), t, names)).toBe(
      'card:history.sentences.task_result{"template":"card:history.task","result":"Booked"}',
    );
  });
});

describe('what a connected system reported', () => {
  const club = (data: Record<string, unknown>): HistoryEntry => ({
    ...entry(data),
    event: 'club_event',
  });

  it('says a payment failed with its amount in the reader’s money format and the reason', () => {
    const text = historySentence(
      club({ type: 'payment.failed', amount: 499, currency: 'SEK', reason: 'Declined' }),
      t,
      names,
    );
    const amount = new Intl.NumberFormat(i18n.language, {
      style: 'currency',
      currency: 'SEK',
    }).format(499);
    expect(text).toBe(
      `card:history.clubEvent.paymentFailedReason${JSON.stringify({ amount, reason: 'Declined' })}`,
    );
  });

  it('names the trial class and the contract, and never breaks on what it does not know', () => {
    expect(
      historySentence(
        club({ type: 'booking.created', className: 'Yoga', startsAt: 'soon' }),
        t,
        names,
      ),
    ).toBe(`card:history.clubEvent.trial${JSON.stringify({ className: 'Yoga', when: '' })}`);
    expect(historySentence(club({ type: 'contract.ended', service: 'Gym' }), t, names)).toBe(
      `card:history.clubEvent.contractEnded${JSON.stringify({ service: 'Gym' })}`,
    );
    expect(historySentence(club({ type: 'something.new' }), t, names)).toBe(
      'card:history.clubEvent.other',
    );
  });
});

describe('mail on the timeline', () => {
  const of = (event: HistoryEntry['event'], data: Record<string, unknown>, text = '') => ({
    ...entry(data, text),
    event,
  });

  it('shows the subject of a sent email', () => {
    expect(historySentence(of('email_sent', { subject: 'Hej' }, 'Hej Anna'), t, names)).toBe(
      'Hej Anna',
    );
  });

  it('says which consent an unsubscribe link withdrew, and where it came from', () => {
    const source = 'Unsubscribe link: January';
    expect(historySentence(of('consent_withdrawn', { channel: 'sms', source }), t, names)).toBe(
      `card:history.sentences.consent_withdrawn_sms${JSON.stringify({ source })}`,
    );
    expect(historySentence(of('consent_withdrawn', { channel: 'email' }, source), t, names)).toBe(
      `card:history.sentences.consent_withdrawn_email${JSON.stringify({ source })}`,
    );
  });
});

describe('a family link on the timeline', () => {
  const of = (event: HistoryEntry['event'], data: Record<string, unknown>) => ({
    ...entry(data),
    event,
  });
  const link = { relationId: 'r1', personId: 'p2' };

  it('says who was linked, from this side, with the role when it has one', () => {
    expect(
      historySentence(
        of('relation_added', {
          ...link,
          personName: 'Anna Berg',
          as: 'guardian',
          roleName: 'Mother',
        }),
        t,
        names,
      ),
    ).toBe(
      `card:history.sentences.relationWithRole${JSON.stringify({
        text: `card:history.sentences.relation_added_guardian${JSON.stringify({ name: 'Anna Berg' })}`,
        role: 'Mother',
      })}`,
    );
    expect(
      historySentence(
        of('relation_added', { ...link, personName: 'Maja Berg', as: 'child' }),
        t,
        names,
      ),
    ).toBe(`card:history.sentences.relation_added_child${JSON.stringify({ name: 'Maja Berg' })}`);
  });

  it('says who was unlinked, and "someone" for a person whose name was erased', () => {
    expect(
      historySentence(
        of('relation_removed', { ...link, personName: 'Anna Berg', as: 'guardian' }),
        t,
        names,
      ),
    ).toBe(
      `card:history.sentences.relation_removed_guardian${JSON.stringify({ name: 'Anna Berg' })}`,
    );
    expect(
      historySentence(of('relation_removed', { ...link, personName: '', as: 'child' }), t, names),
    ).toBe(
      `card:history.sentences.relation_removed_child${JSON.stringify({
        name: 'card:history.someone',
      })}`,
    );
  });
});

describe('a change on the timeline', () => {
  it('names a consent once, not its date, source and giver column by column', () => {
    const changed = {
      ...entry({ fields: ['consentSms', 'consentSmsAt', 'consentSmsSource', 'consentSmsBy'] }),
      event: 'updated' as const,
    };
    expect(historySentence(changed, t, names)).toBe(
      `card:history.sentences.updatedFields${JSON.stringify({
        fields: `card:fields.consentSms${JSON.stringify({ defaultValue: 'consentSms' })}`,
      })}`,
    );
  });
});
