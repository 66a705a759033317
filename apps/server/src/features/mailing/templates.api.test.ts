import type { MailPreviewResult, MailTemplate, Person } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { createOrg, createStaff, ok, useTestApp, type TestOrg } from '../../../test/test-app.ts';
import { expectTenantIsolation } from '../../../test/tenant-isolation.ts';

const comeBack = {
  name: 'Come back in January',
  variants: [
    {
      locale: 'sv',
      subject: 'Välkommen tillbaka, {{ firstName | vän }}!',
      body: 'Hej {{firstName}},\n\nFörsta månaden **halva priset** på {{ clubName }}.\n\n/{{ responsibleName | Receptionen }}',
    },
    { locale: 'en', subject: 'Come back, {{ firstName | friend }}!', body: 'Hi {{firstName}}' },
  ],
};

describe('mail templates', () => {
  const t = useTestApp();

  const create = (org: TestOrg, body: unknown = comeBack) =>
    org.owner.request('POST', '/api/mail-templates', body);

  it('keeps texts per language, lists by name, changes with a version and deletes', async () => {
    const org = await createOrg(t.app);
    const res = await create(org);
    expect(res.statusCode).toBe(201);
    const tpl = res.json<MailTemplate>();
    expect(tpl.variants.map((v) => v.locale)).toEqual(['sv', 'en']);
    await ok(org.owner, 'POST', '/api/mail-templates', { ...comeBack, name: 'April offer' });
    const list = await ok<{ items: MailTemplate[] }>(org.owner, 'GET', '/api/mail-templates');
    expect(list.items.map((i) => i.name)).toEqual(['April offer', 'Come back in January']);

    const renamed = await ok<MailTemplate>(org.owner, 'PATCH', `/api/mail-templates/${tpl.id}`, {
      name: 'Come back in February',
      version: tpl.version,
    });
    expect(renamed).toMatchObject({ name: 'Come back in February', version: tpl.version + 1 });
    const stale = await org.owner.request('PATCH', `/api/mail-templates/${tpl.id}`, {
      name: 'x',
      version: tpl.version,
    });
    expect(stale.statusCode).toBe(409);
    const taken = await org.owner.request('PATCH', `/api/mail-templates/${tpl.id}`, {
      name: 'APRIL OFFER',
      version: renamed.version,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({
      code: 'name_taken',
      fields: { name: expect.any(String) },
    });

    await ok(org.owner, 'DELETE', `/api/mail-templates/${tpl.id}`);
    expect((await org.owner.request('GET', `/api/mail-templates/${tpl.id}`)).statusCode).toBe(404);
  });

  it('refuses an unknown placeholder and a language twice, naming the field', async () => {
    const org = await createOrg(t.app);
    const res = await create(org, {
      name: 'Typo',
      variants: [
        { locale: 'en', subject: 'Hi {{ fristName }}', body: 'Hi {{club}} {{firstName}}' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      fieldCodes: {
        'variants.0.subject': 'unknown_placeholder',
        'variants.0.body': 'unknown_placeholder',
      },
      fieldParams: { 'variants.0.body': { names: '{{club}}' } },
    });
    const twice = await create(org, {
      name: 'Twice',
      variants: [comeBack.variants[1], comeBack.variants[1]],
    });
    expect(twice.statusCode).toBe(400);
    expect(Object.keys(twice.json<{ fields: object }>().fields)).toEqual(['variants.1.locale']);
  });

  it("previews a text with a real person's data, escaped, and with defaults when empty", async () => {
    const org = await createOrg(t.app, { name: 'Friskis Väst' });
    const person = (
      await ok<{ person: Person }>(org.owner, 'POST', '/api/persons', {
        firstName: 'Åsa <b>',
        lastName: 'Berg',
        responsibleId: org.ownerId,
      })
    ).person;
    const preview = await ok<MailPreviewResult>(org.owner, 'POST', '/api/mail-templates/preview', {
      subject: comeBack.variants[0]!.subject,
      body: comeBack.variants[0]!.body,
      personId: person.id,
    });
    expect(preview.subject).toBe('Välkommen tillbaka, Åsa <b>!');
    expect(preview.html).toContain('<p>Hej Åsa &#60;b&#62;,</p>');
    expect(preview.html).toContain('<strong>halva priset</strong> på Friskis Väst.');
    expect(preview.text).toContain('/Owner Olsson');
    expect(preview.missing).toEqual([]);

    const nobody = await ok<MailPreviewResult>(org.owner, 'POST', '/api/mail-templates/preview', {
      subject: comeBack.variants[0]!.subject,
      body: comeBack.variants[0]!.body,
      personId: null,
    });
    expect(nobody.subject).toBe('Välkommen tillbaka, vän!');
    expect(nobody.text).toContain('/Receptionen');
    expect(nobody.missing).toEqual(['firstName']);
  });

  it('are written by owners, admins and managers; reception and sales read them and preview', async () => {
    const org = await createOrg(t.app);
    const manager = (await createStaff(t.app, org, 'manager')).client;
    expect((await manager.request('POST', '/api/mail-templates', comeBack)).statusCode).toBe(201);
    for (const role of ['reception', 'sales'] as const) {
      const staff = (await createStaff(t.app, org, role)).client;
      // Writing to one person starts from a template, with a preview for that person.
      const list = await staff.request('GET', '/api/mail-templates');
      expect(list.statusCode).toBe(200);
      const [template] = list.json<{ items: MailTemplate[] }>().items;
      expect(template?.name).toBe(comeBack.name);
      expect((await staff.request('GET', `/api/mail-templates/${template!.id}`)).statusCode).toBe(
        200,
      );
      expect(
        (
          await staff.request('POST', '/api/mail-templates/preview', {
            subject: 's',
            body: 'b',
            personId: null,
          })
        ).statusCode,
      ).toBe(200);
      expect(
        (await staff.request('POST', '/api/mail-templates', { ...comeBack, name: role }))
          .statusCode,
      ).toBe(403);
      expect(
        (
          await staff.request('PATCH', `/api/mail-templates/${template!.id}`, {
            name: 'x',
            version: template!.version,
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (await staff.request('DELETE', `/api/mail-templates/${template!.id}`)).statusCode,
      ).toBe(403);
    }
    const instructor = (await createStaff(t.app, org, 'instructor')).client;
    expect((await instructor.request('GET', '/api/mail-templates')).statusCode).toBe(403);
  });

  it("never shows, changes or fills in another organization's templates or persons", async () => {
    await expectTenantIsolation(t.app, {
      create: async (org) => (await create(org)).json<MailTemplate>().id,
      routes: [
        { method: 'GET', path: '/api/mail-templates/:id' },
        { method: 'PATCH', path: '/api/mail-templates/:id', body: { name: 'Mine', version: 1 } },
        { method: 'DELETE', path: '/api/mail-templates/:id' },
      ],
      lists: ['/api/mail-templates'],
      read: (org, id) => ok(org.owner, 'GET', `/api/mail-templates/${id}`),
    });
    const mine = await createOrg(t.app);
    const theirs = await createOrg(t.app);
    const person = (
      await ok<{ person: Person }>(theirs.owner, 'POST', '/api/persons', { firstName: 'Hidden' })
    ).person;
    const res = await mine.owner.request('POST', '/api/mail-templates/preview', {
      subject: '{{firstName}}',
      body: 'b',
      personId: person.id,
    });
    expect(res.statusCode).toBe(404);
  });
});
