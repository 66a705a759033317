import type { LeadForm } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import {
  editorErrors,
  embedOf,
  formValues,
  newFormValues,
  nextConsentId,
  toBody,
} from './editor-values.ts';

const saved: LeadForm = {
  id: '0190a8a8-0000-7000-8000-000000000001',
  publicId: 'Ab3dEf6hIj9kLm0n',
  name: 'Trial',
  enabled: true,
  fields: [
    { key: 'phone', required: true },
    { key: 'firstName', required: false },
  ],
  consents: [{ id: 'c1', kind: 'terms', required: true }],
  texts: {
    sv: {
      title: 'Prova på',
      intro: '',
      submit: '',
      thankYou: 'Tack!',
      consents: { c1: 'Jag godkänner' },
      labels: { phone: 'Mobil' },
    },
  },
  redirectUrl: null,
  sourceId: null,
  tagIds: [],
  branchId: null,
  templateId: null,
  assignee: { mode: 'turns', userId: null, role: 'reception' },
  version: 3,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
};

describe('the lead form editor', () => {
  it('starts a new form with a name, a phone and an email, in the organization’s language', () => {
    const v = newFormValues('pl', ['f1']);
    expect(v.languages).toEqual(['pl']);
    const body = toBody({ ...v, name: 'X' });
    expect(body.fields).toEqual([
      { key: 'firstName', required: true },
      { key: 'lastName', required: false },
      { key: 'phone', required: true },
      { key: 'email', required: false },
      { key: 'message', required: false },
    ]);
    expect(Object.keys(body.texts)).toEqual(['pl']);
  });

  it('gives back a saved form unchanged, its shown fields first in their order', () => {
    const v = formValues(saved, ['f1']);
    expect(v.rows.slice(0, 2).map((r) => r.key)).toEqual(['phone', 'firstName']);
    expect(v.rows.find((r) => r.key === 'custom:f1')).toEqual({
      key: 'custom:f1',
      shown: false,
      required: false,
    });
    const { createdAt: _c, updatedAt: _u, id: _i, publicId: _p, version: _v, ...body } = saved;
    expect(toBody(v)).toEqual(body);
  });

  it('sends the redirect instead of the thank-you text, and drops texts of removed consents', () => {
    const v = formValues(saved, []);
    const body = toBody({
      ...v,
      consents: [],
      after: 'redirect',
      redirectUrl: ' https://club.example/tack ',
    });
    expect(body.redirectUrl).toBe('https://club.example/tack');
    expect(body.texts?.sv).toMatchObject({ thankYou: '', consents: {} });
  });

  it('numbers new consents past the ones taken, and shows field-list errors above the list', () => {
    expect(nextConsentId([{ id: 'c1', kind: 'terms', required: false }])).toBe('c2');
    expect(editorErrors({ 'fields.2.key': 'Shown twice', name: 'Required' })).toEqual({
      rows: 'Shown twice',
      name: 'Required',
    });
  });

  it('writes an embed snippet whose title cannot break out of its attribute', () => {
    const { url, iframe } = embedOf('https://crm.example', 'abc', 'Say "hi" <now>');
    expect(url).toBe('https://crm.example/f/abc');
    expect(iframe).toContain('title="Say &quot;hi&quot; &lt;now>"');
  });
});
