import type { Board, HistoryEntry, LeadWait, Person, Task } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { createOrg, createStaff, ok, useTestApp, type TestOrg } from '../../../test/test-app.ts';
import {
  clock,
  createForm,
  freshIp,
  later,
  openForm,
  post,
  submitAsPerson,
} from './lead-forms.test-setup.ts';

/** Issue 13, A-5: a website visitor's submission becomes a lead, its consents and a task. */
const t = useTestApp({ now: () => clock.now });

const unsorted = async (org: TestOrg) =>
  (await ok<Board>(org.owner, 'GET', '/api/board')).columns.find((c) => c.column === 'unsorted')!
    .items;

async function personsNamed(org: TestOrg, search: string) {
  return (
    await ok<{ items: Person[] }>(
      org.owner,
      'GET',
      `/api/persons?search=${encodeURIComponent(search)}`,
    )
  ).items;
}

const historyOf = async (org: TestOrg, id: string) =>
  (await ok<{ items: HistoryEntry[] }>(org.owner, 'GET', `/api/persons/${id}/history`)).items;

async function lookup(org: TestOrg, kind: 'tags' | 'sources', name: string) {
  return (await ok<{ id: string }>(org.owner, 'POST', `/api/settings/${kind}`, { name })).id;
}

describe('a submission', () => {
  it('creates the person with its source, tags and consents, a history entry, and a task in Unsorted for the chosen user', async () => {
    const org = await createOrg(t.app);
    const sales = await createStaff(t.app, org, 'sales');
    const tagId = await lookup(org, 'tags', 'Website');
    const sourceId = await lookup(org, 'sources', 'Web form');
    const form = await createForm(org, {
      name: 'Trial',
      tagIds: [tagId],
      sourceId,
      assignee: { mode: 'user', userId: sales.id },
    });
    const submittedAt = clock.now.getTime() + 20_000;
    await submitAsPerson(
      t.app,
      form,
      {
        firstName: 'Astrid',
        lastName: 'Lind',
        phone: '070-123 45 67',
        email: 'Astrid.Lind@Example.se',
        message: 'Kan jag prova på tisdag?',
        consent: ['email', 'terms'],
      },
      { lang: 'sv' },
    );
    const [person] = await personsNamed(org, 'Astrid');
    expect(person).toMatchObject({
      firstName: 'Astrid',
      lastName: 'Lind',
      phones: [{ number: '+46701234567' }],
      emails: [{ email: 'astrid.lind@example.se' }],
      sourceId,
      tagIds: [tagId],
      consentEmail: { granted: true, source: 'Lead form: Trial' },
      consentSms: { granted: false },
    });
    const history = await historyOf(org, person!.id);
    const entry = history.find((h) => h.event === 'lead_form')!;
    expect(entry.text).toBe('Kan jag prova på tisdag?');
    expect(entry.data).toMatchObject({
      formName: 'Trial',
      created: true,
      consents: [
        { kind: 'email', text: 'Jag vill få nyheter via e-post' },
        { kind: 'terms', text: 'Jag godkänner villkoren' },
      ],
    });
    expect(history.some((h) => h.event === 'created')).toBe(true);

    const [card] = await unsorted(org);
    expect(card).toMatchObject({
      contact: { id: person!.id },
      assignee: { id: sales.id },
      status: null,
      comment: 'Trial: Kan jag prova på tisdag?',
      waitingSince: new Date(submittedAt).toISOString(),
    });
    const task = await ok<Task>(org.owner, 'GET', `/api/tasks/${card!.id}`);
    expect(task.template.name).toBe('Personal call');
  });

  it('with the same phone in another format updates the person instead of making a second one, and adds no second card', async () => {
    const org = await createOrg(t.app);
    const form = await createForm(org);
    await submitAsPerson(t.app, form, {
      firstName: 'Bo',
      phone: '070-765 43 21',
      consent: 'terms',
    });
    await submitAsPerson(t.app, form, {
      firstName: 'Bosse',
      lastName: 'Ek',
      phone: '+46 70 765 43 21',
      email: 'bo@example.se',
      consent: 'terms',
    });
    const found = await personsNamed(org, '0707654321');
    expect(found).toHaveLength(1);
    // What nobody vouches for fills gaps, never overwrites: the name stays, the email is added.
    expect(found[0]).toMatchObject({
      firstName: 'Bo',
      lastName: 'Ek',
      emails: [{ email: 'bo@example.se' }],
    });
    const entries = (await historyOf(org, found[0]!.id)).filter((h) => h.event === 'lead_form');
    expect(entries.map((e) => e.data.created)).toEqual([false, true]);
    expect(await unsorted(org)).toHaveLength(1);
  });

  it('keeps what was typed and names the wrong fields: a bad phone, a bad email, a missing consent', async () => {
    const org = await createOrg(t.app);
    const form = await createForm(org);
    const { token } = await openForm(t.app, form.publicId, { lang: 'en' });
    later(10);
    const res = await post(
      t.app,
      form.publicId,
      { _t: token, firstName: 'Cecilia "<b>"', phone: 'abc', email: 'not-an-email' },
      { lang: 'en' },
    );
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('value="Cecilia &quot;&lt;b&gt;&quot;"');
    expect(res.body).toContain('Please tick this box to send the form.');
    expect(res.body).toMatch(/id="f-phone"[^>]*aria-invalid="true"/);
    expect(res.body).toContain('Enter a phone number we can call');
    expect(await personsNamed(org, 'Cecilia')).toHaveLength(0);

    // Fixed, the same page's token still works.
    later(10);
    const fixed = await post(t.app, form.publicId, {
      _t: token,
      firstName: 'Cecilia',
      phone: '070-234 56 78',
      consent: 'terms',
    });
    expect(fixed.statusCode, fixed.body).toBe(303);
    expect(fixed.headers.location).toBe(`/f/${form.publicId}/thanks?lang=en`);
    expect(await personsNamed(org, 'Cecilia')).toHaveLength(1);
  });

  it('needs a phone or an email', async () => {
    const org = await createOrg(t.app);
    const form = await createForm(org, {
      fields: [{ key: 'firstName', required: true }, { key: 'phone' }, { key: 'email' }],
      consents: [],
    });
    const { token } = await openForm(t.app, form.publicId, { lang: 'en' });
    later(10);
    const res = await post(t.app, form.publicId, { _t: token, firstName: 'Dag' }, { lang: 'en' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Enter a phone number or an email address so we can reach you.');
  });

  it('goes to the redirect address when the form has one', async () => {
    const org = await createOrg(t.app);
    const form = await createForm(org, { redirectUrl: 'https://club.example/tack' });
    const page = await openForm(t.app, form.publicId);
    expect(page.res.headers['content-security-policy']).toContain(
      "form-action 'self' https://club.example",
    );
    const res = await submitAsPerson(t.app, form, {
      phone: '070-111 22 33',
      firstName: 'Eva',
      consent: 'terms',
    });
    expect(res.headers.location).toBe('https://club.example/tack');
  });
});

describe('spam', () => {
  it('refuses a filled honeypot with a plain message and keeps nothing', async () => {
    const org = await createOrg(t.app);
    const form = await createForm(org);
    const { token } = await openForm(t.app, form.publicId, { lang: 'en' });
    later(10);
    const res = await post(
      t.app,
      form.publicId,
      {
        _t: token,
        website: 'http://spam.example',
        firstName: 'Bot',
        phone: '070-999 88 77',
        consent: 'terms',
      },
      { lang: 'en' },
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Your message could not be accepted.');
    expect(await personsNamed(org, 'Bot')).toHaveLength(0);
    expect(await unsorted(org)).toHaveLength(0);
  });

  it('refuses a form sent faster than a person can fill it, without a token, or with another form’s token', async () => {
    const org = await createOrg(t.app);
    const form = await createForm(org);
    const other = await createForm(org);
    const fields = { firstName: 'Fast', phone: '070-555 44 33', consent: 'terms' };
    const { token } = await openForm(t.app, form.publicId);
    later(1);
    expect((await post(t.app, form.publicId, { _t: token, ...fields })).statusCode).toBe(400);
    expect((await post(t.app, form.publicId, fields)).statusCode).toBe(400);
    expect((await post(t.app, form.publicId, { _t: 'v1.forged', ...fields })).statusCode).toBe(400);
    const { token: theirs } = await openForm(t.app, other.publicId);
    later(30);
    expect((await post(t.app, form.publicId, { _t: theirs, ...fields })).statusCode).toBe(400);
    expect(await personsNamed(org, 'Fast')).toHaveLength(0);
    // The same page, sent after a person's pause, goes through.
    expect((await post(t.app, form.publicId, { _t: token, ...fields })).statusCode).toBe(303);
  });

  it('escapes everything an admin or a visitor wrote, allows no script, and may be framed', async () => {
    const org = await createOrg(t.app);
    const form = await createForm(org, {
      texts: {
        en: {
          title: '<script>alert(1)</script>',
          intro: '<img src=x onerror=alert(2)>',
          thankYou: 'ok',
          consents: { email: '<b>mail</b>', terms: 'terms' },
          labels: { firstName: '"><svg onload=alert(3)>' },
        },
      },
    });
    const { res, html } = await openForm(t.app, form.publicId);
    expect(res.statusCode).toBe(200);
    expect(html).not.toMatch(/<script|<img|<svg|<b>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('frame-ancestors *');
    expect(csp).not.toContain('script-src');
    expect(res.headers['x-frame-options']).toBeUndefined();
  });
});

describe('rate limits', () => {
  const limited = useTestApp({
    now: () => clock.now,
    leadFormLimits: { perAddress: 3, perForm: 4, windowMs: 60 * 60 * 1000 },
  });

  it('refuses a fourth submission from one address, then a fifth to one form from anywhere', async () => {
    const org = await createOrg(limited.app);
    const form = await createForm(org);
    const ip = freshIp();
    const send = async (from: string, n: number) => {
      const { token } = await openForm(limited.app, form.publicId, { lang: 'en' });
      later(10);
      return post(
        limited.app,
        form.publicId,
        {
          _t: token,
          firstName: `Lim${n}`,
          phone: `070-000 00 ${String(n).padStart(2, '0')}`,
          consent: 'terms',
        },
        { ip: from, lang: 'en' },
      );
    };
    for (const n of [1, 2, 3]) expect((await send(ip, n)).statusCode).toBe(303);
    const fourth = await send(ip, 4);
    expect(fourth.statusCode).toBe(429);
    expect(fourth.headers['retry-after']).toBeDefined();
    expect(fourth.body).toContain('Too many messages have been sent from here.');
    // The form's own limit (4) counts every address: one more gets through, the next does not.
    expect((await send(freshIp(), 5)).statusCode).toBe(303);
    expect((await send(freshIp(), 6)).statusCode).toBe(429);
  });
});

describe('who gets the task', () => {
  it('hands tasks out in turn among a role, in the lead’s branch when staff are limited to branches', async () => {
    const org = await createOrg(t.app);
    const north = await ok<{ id: string }>(org.owner, 'POST', '/api/branches', { name: 'North' });
    const south = await ok<{ id: string }>(org.owner, 'POST', '/api/branches', { name: 'South' });
    const anna = await createStaff(t.app, org, 'reception', { branchIds: [north.id] });
    const bo = await createStaff(t.app, org, 'reception', { branchIds: [north.id] });
    const cai = await createStaff(t.app, org, 'reception', { branchIds: [south.id] });
    const form = await createForm(org, {
      fields: [
        { key: 'firstName' },
        { key: 'phone', required: true },
        { key: 'branch', required: true },
      ],
      consents: [],
      assignee: { mode: 'turns', role: 'reception' },
    });
    const assigned: string[] = [];
    for (const [i, branch] of [north.id, north.id, north.id, south.id].entries()) {
      await submitAsPerson(t.app, form, {
        firstName: `Turn${i}`,
        phone: `070-321 00 0${i}`,
        branch,
      });
    }
    const cards = await unsorted(org);
    for (const i of [0, 1, 2, 3]) {
      assigned.push(cards.find((c) => c.contact?.name === `Turn${i}`)!.assignee!.id);
    }
    expect(assigned.slice(0, 3)).toEqual(expect.arrayContaining([anna.id, bo.id]));
    expect(assigned[0]).not.toBe(assigned[1]);
    expect(assigned[2]).toBe(assigned[0]);
    expect(assigned[3]).toBe(cai.id);
  });
});

describe('speed to lead', () => {
  it('shows since when the lead waits, records the time to the first contact, and forgets it on undo', async () => {
    const org = await createOrg(t.app);
    const form = await createForm(org);
    await submitAsPerson(t.app, form, {
      firstName: 'Greta',
      phone: '070-246 80 24',
      consent: 'terms',
    });
    const submittedAt = clock.now.toISOString();
    const [card] = await unsorted(org);
    expect(card!.waitingSince).toBe(submittedAt);
    const personId = card!.contact!.id;
    expect(await ok<LeadWait>(org.owner, 'GET', `/api/persons/${personId}/lead-wait`)).toEqual({
      waitingSince: submittedAt,
      lastAnswered: null,
    });

    later(2 * 3600 + 5 * 60);
    const done = await ok<{ task: Task }>(org.owner, 'POST', `/api/tasks/${card!.id}/result`, {
      comment: 'Booked a trial',
    });
    const wait = await ok<LeadWait>(org.owner, 'GET', `/api/persons/${personId}/lead-wait`);
    expect(wait).toEqual({
      waitingSince: null,
      lastAnswered: { submittedAt, firstContactAt: clock.now.toISOString(), seconds: 7500 },
    });

    await ok(org.owner, 'POST', `/api/tasks/${card!.id}/undo-result`, {
      version: done.task.version,
    });
    expect(
      (await ok<LeadWait>(org.owner, 'GET', `/api/persons/${personId}/lead-wait`)).waitingSince,
    ).toBe(submittedAt);
  });

  it("does not show another organization's person", async () => {
    const org = await createOrg(t.app);
    const other = await createOrg(t.app);
    const form = await createForm(other);
    await submitAsPerson(t.app, form, {
      firstName: 'Hidden',
      phone: '070-135 79 13',
      consent: 'terms',
    });
    const [card] = await unsorted(other);
    const res = await org.owner.request('GET', `/api/persons/${card!.contact!.id}/lead-wait`);
    expect(res.statusCode).toBe(404);
  });
});
