import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { esc, PAGE_CSS, PAGE_CSS_HASH, renderFormPage, type PageContext } from './hosted-page.ts';
import type { LeadFormRow } from './lead-forms.repo.ts';

const form = {
  id: '0190a8a8-0000-7000-8000-000000000001',
  orgId: '0190a8a8-0000-7000-8000-000000000009',
  publicId: 'Ab3dEf6hIj9kLm0n',
  name: 'Trial',
  enabled: true,
  fields: [
    { key: 'firstName', required: true },
    { key: 'phone', required: true },
    { key: 'message', required: false },
  ],
  consents: [{ id: 'c1', kind: 'terms', required: true }],
  texts: {
    sv: {
      title: 'Prova <b>på</b>',
      intro: 'Rad ett\nrad två\n\nNytt stycke',
      submit: '',
      thankYou: 'Tack',
      consents: { c1: 'Jag "godkänner"' },
      labels: {},
    },
    en: {
      title: 'Try',
      intro: '',
      submit: '',
      thankYou: 'Thanks',
      consents: { c1: 'OK' },
      labels: {},
    },
  },
} as unknown as LeadFormRow;

const ctx: PageContext = {
  form,
  locale: 'sv',
  texts: form.texts.sv!,
  token: 'v1.token',
  branches: [],
  customFields: new Map(),
};

describe('the hosted page', () => {
  it('shows every admin and visitor text as text', () => {
    expect(esc(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    const html = renderFormPage(ctx, {
      values: { firstName: '"><script>alert(1)</script>', message: '</textarea><b>x' },
      consents: new Set(['c1']),
      errors: { phone: 'invalid_phone' },
    });
    expect(html).not.toMatch(/<script|<b>/);
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toContain('&lt;/textarea&gt;&lt;b&gt;x</textarea>');
    expect(html).toContain('<p>Rad ett<br>rad två</p><p>Nytt stycke</p>');
    expect(html).toContain('<label for="c-c1">Jag &quot;godkänner&quot;</label>');
  });

  it('puts each error next to its field, keeps the ticked boxes, and links the other languages', () => {
    const html = renderFormPage(ctx, {
      values: {},
      consents: new Set(['c1']),
      errors: { phone: 'invalid_phone' },
    });
    expect(html).toMatch(
      /id="f-phone" name="phone" required aria-invalid="true" aria-describedby="f-phone-err"/,
    );
    expect(html).toContain('<p class="err" id="f-phone-err">Ange ett telefonnummer');
    expect(html).toMatch(/name="consent" value="c1" checked required/);
    expect(html).toContain('role="alert"');
    expect(html).toContain('href="/f/Ab3dEf6hIj9kLm0n?lang=en" lang="en"');
    expect(html).toContain('<form method="post" action="/f/Ab3dEf6hIj9kLm0n?lang=sv">');
  });

  it('allows its one style by the hash of exactly that text', () => {
    const hash = createHash('sha256').update(PAGE_CSS).digest('base64');
    expect(PAGE_CSS_HASH).toBe(`'sha256-${hash}'`);
    expect(renderFormPage(ctx, { values: {}, consents: new Set(), errors: {} })).toContain(
      `<style>${PAGE_CSS}</style>`,
    );
  });
});
