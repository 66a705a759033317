import type { EventLogEntry } from '@spotter/contracts';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { outcomeLines, refusalText } from './outcome-text.ts';

const t = ((key: string, opts?: Record<string, unknown>) =>
  `${key}${opts ? JSON.stringify(opts) : ''}`) as unknown as TFunction;

const entry = (extra: Partial<EventLogEntry>): EventLogEntry => ({
  id: '00000000-0000-4000-8000-000000000001',
  sourceId: '00000000-0000-4000-8000-000000000002',
  sourceName: 'Gym system',
  externalEventId: 'e-1',
  type: 'payment.failed',
  state: 'accepted',
  reason: null,
  receivedAt: '2026-12-07T09:00:00.000Z',
  occurredAt: '2026-12-07T09:00:00.000Z',
  data: { member: { externalId: 'm-1', firstName: 'Anna', lastName: 'Lind' } },
  processedAt: '2026-12-07T09:00:01.000Z',
  contactId: null,
  outcome: [],
  ...extra,
});

describe('what processing did, in words', () => {
  it('names the person linked (and how), what was recorded and the history line', () => {
    const lines = outcomeLines(
      entry({
        contactId: 'p1',
        outcome: [
          { step: 'person_linked', contactId: 'p1', by: 'phone' },
          { step: 'recorded', kind: 'payment', externalId: 'x' },
          { step: 'history', type: 'payment.failed' },
        ],
      }),
      t,
    );
    expect(lines).toEqual([
      { text: 'log.steps.linked_phone{"name":"Anna Lind"}', contactId: 'p1' },
      { text: 'log.steps.recorded{"what":"log.kinds.payment{\\"defaultValue\\":\\"payment\\"}"}' },
      { text: 'log.steps.history' },
    ]);
  });

  it("names a child's guardian the event made or linked, linking the guardian", () => {
    const lines = outcomeLines(
      entry({
        contactId: 'c1',
        outcome: [
          { step: 'person_linked', contactId: 'c1', by: 'phone' },
          { step: 'guardian_created', contactId: 'g1' },
          { step: 'guardian_linked', contactId: 'g1', by: 'created' },
        ],
      }),
      t,
    );
    expect(lines.slice(1)).toEqual([
      { text: 'log.steps.guardianCreated{"name":"Anna Lind"}', contactId: 'g1' },
      { text: 'log.steps.guardianLinked{"name":"Anna Lind"}', contactId: 'g1' },
    ]);
  });

  it('says a person known by the id was used, and why nobody was linked', () => {
    expect(outcomeLines(entry({ contactId: 'p1', outcome: [] }), t)).toEqual([
      { text: 'log.steps.linkedKnown{"name":"Anna Lind"}', contactId: 'p1' },
    ]);
    expect(
      outcomeLines(entry({ outcome: [{ step: 'not_linked', reason: 'unknown_member' }] }), t),
    ).toEqual([{ text: 'log.steps.notLinkedUnknown' }]);
  });

  it('names the rule that made or moved a card, linking the card, and why a rule did nothing', () => {
    expect(
      outcomeLines(
        entry({
          outcome: [
            { step: 'card_created', rule: 'payment_failed', taskId: 't1' },
            { step: 'card_updated', rule: 'payment_failed', taskId: 't1' },
            { step: 'skipped', rule: 'unknown_call', reason: 'rule_off' },
          ],
        }),
        t,
      ),
    ).toEqual([
      {
        text: 'log.steps.card_created{"rule":"log.rules.payment_failed{\\"defaultValue\\":\\"payment_failed\\"}"}',
        taskId: 't1',
      },
      {
        text: 'log.steps.card_updated{"rule":"log.rules.payment_failed{\\"defaultValue\\":\\"payment_failed\\"}"}',
        taskId: 't1',
      },
      {
        text: 'log.steps.skipped{"rule":"log.rules.unknown_call{\\"defaultValue\\":\\"unknown_call\\"}","reason":"log.skips.rule_off"}',
      },
    ]);
  });

  it('says whom a live rule told, and why it told nobody', () => {
    const rule = (r: string) => `log.rules.${r}{\\"defaultValue\\":\\"${r}\\"}`;
    expect(
      outcomeLines(
        entry({
          outcome: [
            { step: 'caller_popped', rule: 'known_call', contactId: 'p1', branchId: null },
            { step: 'staff_told', rule: 'check_in', users: 2, branchId: null },
            { step: 'skipped', rule: 'check_in', reason: 'no_open_task' },
          ],
        }),
        t,
      ).map((l) => l.text),
    ).toEqual([
      `log.steps.caller_popped{"rule":"${rule('known_call')}"}`,
      `log.steps.staff_told{"rule":"${rule('check_in')}","count":2}`,
      `log.steps.skipped{"rule":"${rule('check_in')}","reason":"log.skips.no_open_task"}`,
    ]);
  });

  it('shows a step it does not know by its code rather than hiding it', () => {
    expect(outcomeLines(entry({ outcome: [{ step: 'something_new' }] }), t)).toEqual([
      { text: 'log.steps.other{"step":"something_new"}' },
    ]);
  });

  it('gives a refusal its reason in words', () => {
    expect(refusalText('stale_timestamp', t)).toBe('log.reasons.stale_timestamp');
    expect(refusalText('not_twilio', t)).toBe('log.reasons.not_twilio');
    expect(refusalText('weird', t)).toBe('log.reasons.other{"reason":"weird"}');
  });
});
