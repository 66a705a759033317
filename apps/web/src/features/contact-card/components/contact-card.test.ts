import fc from 'fast-check';
import type { CustomField, HistoryEntry } from '@spotter/contracts';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../lib/i18n.ts';
import { parseTypedDate } from './date-field.tsx';
import {
  companyBody,
  emptyCompany,
  emptyPerson,
  formPath,
  personBody,
  remapErrors,
  validateCompany,
  validatePerson,
} from './form-values.ts';
import { describeValue, historySentence, relativeTime } from './history-text.ts';

const FIELD_ID = '0195f0b4-1111-7000-8000-000000000001';
const numberField: CustomField = {
  id: FIELD_ID,
  entity: 'person',
  name: 'Shoe size',
  type: 'number',
  options: [],
  position: 0,
  archived: false,
};

describe('the person form', () => {
  it('asks for a name, a phone or an email, and nothing else', () => {
    const errors = validatePerson(emptyPerson(), []);
    expect(Object.keys(errors)).toEqual(['firstName']);
    expect(errors.firstName).toBe(i18n.t('common:validation.identify'));

    const phoneOnly = emptyPerson();
    phoneOnly.phones = [{ number: '070-123 45 67', label: 'mobile' }];
    expect(validatePerson(phoneOnly, [])).toEqual({});
  });

  it('puts an error on the row the user typed in, even after blank rows', () => {
    const v = emptyPerson();
    v.firstName = 'Anna';
    v.emails = [
      { email: '', label: 'personal' },
      { email: 'not-an-email', label: 'work' },
    ];
    expect(Object.keys(validatePerson(v, []))).toEqual(['emails.1.email']);
  });

  it('sends no blank rows and maps the server’s row numbers back to the form’s', () => {
    const v = emptyPerson();
    v.phones = [
      { number: ' ', label: 'mobile' },
      { number: '', label: 'home' },
      { number: '+46701234567', label: 'work' },
    ];
    const { body, rows } = personBody(v, []);
    expect(body.phones).toEqual([{ number: '+46701234567', label: 'work' }]);
    expect(formPath('phones.0.number', rows)).toBe('phones.2.number');
    expect(remapErrors({ 'phones.0.number': 'Not a phone number' }, rows)).toEqual({
      'phones.2.number': 'Not a phone number',
    });
    expect(formPath(`custom.${FIELD_ID}`, rows)).toBe(`custom.${FIELD_ID}`);
  });

  it('leaves empty custom fields out of a create and clears them on an edit', () => {
    const v = emptyPerson();
    v.firstName = 'Anna';
    v.custom[FIELD_ID] = '';
    expect(personBody(v, [numberField]).body.custom).toEqual({});
    expect(personBody(v, [numberField], emptyPerson()).body.custom).toEqual({ [FIELD_ID]: null });
    v.custom[FIELD_ID] = 42;
    expect(personBody(v, [numberField]).body.custom).toEqual({ [FIELD_ID]: 42 });
  });

  it('sends a consent only when it changed, so its date stays', () => {
    const initial = emptyPerson();
    const v = emptyPerson();
    v.firstName = 'Anna';
    expect(personBody(v, [], initial).body.consentEmail).toBeUndefined();
    v.consentEmail = { granted: true, source: ' reception ', byId: null };
    expect(personBody(v, [], initial).body.consentEmail).toEqual({
      granted: true,
      source: 'reception',
    });
  });

  it('says which guardian gave a minor’s consent, and clears the giver when it is withdrawn', () => {
    const GUARDIAN = '0190a0b0-0000-7000-8000-0000000000aa';
    const initial = emptyPerson();
    const v = emptyPerson();
    v.consentSms = { granted: true, source: 'paper', byId: GUARDIAN };
    expect(personBody(v, [], initial).body.consentSms).toEqual({
      granted: true,
      source: 'paper',
      byId: GUARDIAN,
    });
    // Only the giver changed: still a change to send.
    const given = { ...emptyPerson(), consentSms: { granted: true, source: 'paper', byId: null } };
    expect(personBody(v, [], given).body.consentSms).toEqual({
      granted: true,
      source: 'paper',
      byId: GUARDIAN,
    });
    const withdrawn = { ...emptyPerson(), consentSms: { ...v.consentSms, granted: false } };
    expect(personBody(withdrawn, [], v).body.consentSms).toEqual({
      granted: false,
      source: 'paper',
      byId: null,
    });
  });
});

describe('the company form', () => {
  it('needs a name; the contact person is sent only when filled in', () => {
    expect(Object.keys(validateCompany(emptyCompany(), [], true))).toEqual(['name']);
    const v = emptyCompany();
    v.name = 'Acme AB';
    expect(companyBody(v, [], true).body.contactPerson).toBeUndefined();
    v.contactPerson.phone = '070 123 45 67';
    expect(companyBody(v, [], true).body.contactPerson).toEqual({
      firstName: '',
      lastName: '',
      phones: [{ number: '070 123 45 67', label: 'mobile' }],
      emails: [],
    });
    expect(companyBody(v, [], false).body.contactPerson).toBeUndefined();
    expect(formPath('contactPerson.phones.0.number', { phones: [], emails: [] })).toBe(
      'contactPerson.phone',
    );
  });
});

describe('typed dates', () => {
  it('reads the formats reception types and refuses impossible days', () => {
    expect(parseTypedDate('2014-05-31')).toBe('2014-05-31');
    expect(parseTypedDate('31.05.2014')).toBe('2014-05-31');
    expect(parseTypedDate('1/2/2014')).toBe('2014-02-01');
    expect(parseTypedDate('31.02.2014')).toBeNull();
    expect(parseTypedDate('yesterday')).toBeNull();
  });

  it('never throws and only ever answers YYYY-MM-DD or null', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const r = parseTypedDate(s);
        expect(r === null || /^\d{4}-\d{2}-\d{2}$/.test(r)).toBe(true);
      }),
    );
  });
});

describe('history entries', () => {
  const t = ((key: string, opts?: Record<string, unknown>) =>
    `${key}${opts ? JSON.stringify(opts) : ''}`) as unknown as TFunction;
  const entry = (event: HistoryEntry['event'], data: Record<string, unknown>): HistoryEntry => ({
    id: 'e1',
    event,
    typeId: null,
    text: '',
    data,
    author: null,
    createdAt: '2025-01-01T10:00:00.000Z',
  });
  const names = {
    status: (id: string) => ({ s1: 'Prospect', s2: 'Customer' })[id],
    staff: (id: string) => ({ u1: 'Eva' })[id],
  };

  it('names the statuses and people an automatic entry refers to', () => {
    expect(historySentence(entry('status_changed', { from: 's1', to: 's2' }), t, names)).toBe(
      'card:history.sentences.status_changed{"from":"Prospect","to":"Customer"}',
    );
    expect(historySentence(entry('responsible_changed', { from: null, to: 'u1' }), t, names)).toBe(
      'card:history.sentences.responsible_changed{"from":"card:history.nobody","to":"Eva"}',
    );
    expect(historySentence(entry('merged', { mergedName: 'Anna S' }), t, names)).toBe(
      'card:history.sentences.merged{"name":"Anna S"}',
    );
  });

  it('never throws on data it does not expect', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.constantFrom(...(['status_changed', 'merged', 'updated', 'restored'] as const)),
        (data, event) => {
          const d =
            data && typeof data === 'object' && !Array.isArray(data) ? data : { from: data };
          expect(typeof historySentence(entry(event, d as Record<string, unknown>), t, names)).toBe(
            'string',
          );
          expect(() => describeValue(data, names.status)).not.toThrow();
        },
      ),
    );
  });

  it('says how long ago in words', () => {
    const now = new Date('2025-01-01T13:00:00.000Z');
    expect(relativeTime('2025-01-01T10:00:00.000Z', now, 'en')).toBe('3 hours ago');
    expect(relativeTime('2024-12-31T13:00:00.000Z', now, 'en')).toBe('yesterday');
  });
});
