import type { LeadForm } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { createOrg, createStaff, ok, useTestApp } from '../../../test/test-app.ts';
import { expectTenantIsolation } from '../../../test/tenant-isolation.ts';
import { clock, createForm, formBody, later, openForm } from './lead-forms.test-setup.ts';

/** Settings → Lead forms (issue 13): admins build forms; the hosted page follows them. */
const t = useTestApp({ now: () => clock.now });

describe('the form builder', () => {
  it('creates, lists, saves and deletes forms, each at its own public address', async () => {
    const org = await createOrg(t.app);
    const first = await createForm(org, { name: 'Trial' });
    later(1);
    const second = await createForm(org, { name: 'Kids' });
    expect(first.publicId).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(first.publicId).not.toBe(second.publicId);
    expect(first.assignee).toEqual({ mode: 'template', userId: null, role: null });

    const page1 = await ok<{ items: LeadForm[]; nextCursor: string | null }>(
      org.owner,
      'GET',
      '/api/lead-forms?limit=1',
    );
    expect(page1.items.map((f) => f.name)).toEqual(['Kids']);
    const page2 = await ok<{ items: LeadForm[]; nextCursor: string | null }>(
      org.owner,
      'GET',
      `/api/lead-forms?limit=1&cursor=${page1.nextCursor}`,
    );
    expect(page2.items.map((f) => f.name)).toEqual(['Trial']);
    expect(page2.nextCursor).toBeNull();

    const saved = await ok<LeadForm>(org.owner, 'PUT', `/api/lead-forms/${first.id}`, {
      ...formBody({ name: 'Trial class' }),
      enabled: false,
      version: first.version,
    });
    expect(saved).toMatchObject({ name: 'Trial class', enabled: false, version: 2 });
    const stale = await org.owner.request('PUT', `/api/lead-forms/${first.id}`, {
      ...formBody(),
      version: first.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict' });
    // Switched off, the page says so in one sentence.
    expect((await openForm(t.app, first.publicId)).res.statusCode).toBe(404);

    await ok(org.owner, 'DELETE', `/api/lead-forms/${second.id}`);
    expect((await org.owner.request('GET', `/api/lead-forms/${second.id}`)).statusCode).toBe(404);
    const gone = await openForm(t.app, second.publicId);
    expect(gone.res.statusCode).toBe(404);
    expect(gone.html).toContain('This form is not available.');
  });

  it('names every wrong field', async () => {
    const org = await createOrg(t.app);
    const res = await org.owner.request(
      'POST',
      '/api/lead-forms',
      formBody({
        name: '',
        fields: [{ key: 'firstName' }, { key: 'firstName' }, { key: 'shoeSize' }],
        redirectUrl: 'javascript:alert(1)',
        templateId: '00000000-0000-4000-8000-000000000000',
      }),
    );
    expect(res.statusCode).toBe(400);
    const { fieldCodes } = res.json<{ fieldCodes: Record<string, string> }>();
    expect(fieldCodes).toMatchObject({
      name: 'required',
      'fields.2.key': 'invalid_option',
      redirectUrl: 'invalid_format',
    });

    const second = await org.owner.request(
      'POST',
      '/api/lead-forms',
      formBody({
        fields: [{ key: 'firstName' }, { key: 'firstName' }],
        templateId: '00000000-0000-4000-8000-000000000000',
        tagIds: ['00000000-0000-4000-8000-000000000001'],
        assignee: { mode: 'user' },
        texts: { sv: { title: '', consents: { email: 'E-post' } } },
      }),
    );
    expect(second.statusCode).toBe(400);
    expect(second.json<{ fieldCodes: Record<string, string> }>().fieldCodes).toMatchObject({
      'fields.1.key': 'duplicate',
      fields: 'required',
      templateId: 'unknown_reference',
      tagIds: 'unknown_reference',
      'assignee.userId': 'required',
      'texts.sv.title': 'required',
      'texts.sv.thankYou': 'required',
      'texts.sv.consents.terms': 'required',
    });
  });

  it('shows the form in the language asked for, else the browser’s, else the organization’s', async () => {
    const org = await createOrg(t.app, { locale: 'sv' });
    const form = await createForm(org);
    const title = async (opts: Parameters<typeof openForm>[2]) =>
      /<h1>(.*?)<\/h1>/.exec((await openForm(t.app, form.publicId, opts)).html)?.[1];
    expect(await title({ lang: 'en' })).toBe('Book a free trial');
    expect(await title({ acceptLanguage: 'en-GB,en;q=0.8' })).toBe('Book a free trial');
    expect(await title({ acceptLanguage: 'pl-PL' })).toBe('Boka ett gratis provpass');
    expect(await title({ lang: 'ru' })).toBe('Boka ett gratis provpass');
    const sv = await openForm(t.app, form.publicId);
    expect(sv.html).toContain('<html lang="sv">');
    expect(sv.html).toContain('Förnamn');
    expect(sv.html).toContain('hreflang="en"');
  });

  it('is for owners and admins only', async () => {
    const org = await createOrg(t.app);
    const sales = await createStaff(t.app, org, 'sales');
    expect((await sales.client.request('GET', '/api/lead-forms')).statusCode).toBe(403);
    expect((await sales.client.request('POST', '/api/lead-forms', formBody())).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/lead-forms' })).statusCode).toBe(401);
  });

  it("never shows or changes another organization's form", async () => {
    await expectTenantIsolation(t.app, {
      create: async (theirs) => (await createForm(theirs)).id,
      routes: [
        { method: 'GET', path: '/api/lead-forms/:id' },
        { method: 'PUT', path: '/api/lead-forms/:id', body: { ...formBody(), version: 1 } },
        { method: 'DELETE', path: '/api/lead-forms/:id' },
      ],
      lists: ['/api/lead-forms'],
      read: (theirs, id) => ok(theirs.owner, 'GET', `/api/lead-forms/${id}`),
    });
  });
});
