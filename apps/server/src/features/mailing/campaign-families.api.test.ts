import type {
  AudienceCounts,
  Campaign,
  HistoryEntry,
  Person,
  RecipientPage,
} from '@spotter/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrg, ok, type TestOrg } from '../../../test/test-app.ts';
import { addTag } from '../contacts/contacts-list.test-setup.ts';
import { linkGuardian } from '../tasks/tasks.fixtures.ts';
import { configureMail, createCampaign, useCampaignWorld } from './campaigns.test-setup.ts';

/**
 * Issue 17: marketing about a child goes to a consenting guardian, one message per guardian
 * per campaign, and both timelines say so. The clock is 2 March 2026.
 */
describe('campaigns to families', () => {
  const w = useCampaignWorld();

  async function club() {
    const org = await createOrg(w.t.app, { name: 'Dansklubben', locale: 'sv' });
    await configureMail(org, w.smtp);
    const kids = await addTag(org, 'Kids');
    return { org, kids: kids.id, tag: org.orgId.slice(0, 8) };
  }

  async function person(
    org: TestOrg,
    p: { firstName: string; birthDate?: string; email?: string; consent?: boolean; tagId?: string },
  ) {
    const res = await ok<{ person: Person }>(org.owner, 'POST', '/api/persons', {
      firstName: p.firstName,
      lastName: 'Test',
      ...(p.birthDate && { birthDate: p.birthDate }),
      ...(p.email && { emails: [{ email: p.email }] }),
      ...(p.consent !== undefined && { consentEmail: { granted: p.consent } }),
      ...(p.tagId && { tagIds: [p.tagId] }),
    });
    return res.person;
  }

  const link = (org: TestOrg, guardian: Person, child: Person, primary = true) =>
    linkGuardian(w.t.app.db, org.orgId, guardian.id, child.id, { primary });
  const send = (org: TestOrg, c: Campaign) =>
    ok<Campaign>(org.owner, 'POST', `/api/campaigns/${c.id}/send`, {
      at: null,
      version: c.version,
    });
  const historyOf = async (org: TestOrg, id: string) =>
    (await ok<{ items: HistoryEntry[] }>(org.owner, 'GET', `/api/persons/${id}/history?limit=50`))
      .items;
  const mailsOf = (tag: string) => w.smtp.received.filter((m) => m.to.some((a) => a.includes(tag)));

  it('a campaign to 30 children with 20 distinct consenting guardians sends 20 mails', async () => {
    const { org, kids, tag } = await club();
    const guardians: Person[] = [];
    for (let i = 0; i < 20; i++) {
      guardians.push(
        await person(org, {
          firstName: `Parent${String(i).padStart(2, '0')}`,
          email: `parent${i}-${tag}@example.test`,
          consent: true,
        }),
      );
    }
    const children: Person[] = [];
    for (let i = 0; i < 30; i++) {
      const child = await person(org, {
        firstName: `Kid${String(i).padStart(2, '0')}`,
        birthDate: `201${i % 10}-05-0${(i % 9) + 1}`,
        // Some children have an address and a consent of their own: still never mailed.
        ...(i % 3 === 0 && { email: `kid${i}-${tag}@example.test`, consent: true }),
        tagId: kids,
      });
      children.push(child);
      await link(org, guardians[i % 20]!, child);
    }

    const campaign = await createCampaign(org, { audience: { tagId: kids } });
    const started = await send(org, campaign);
    expect(started.audienceCounts).toEqual({
      matched: 30,
      noAddress: 0,
      noConsent: 0,
      unsubscribed: 0,
      bounced: 0,
      reachable: 30,
      viaGuardian: 30,
      messages: 20,
    });
    // The app's own runner may already be sending some when the totals are read.
    expect(started.totals).toMatchObject({ total: 20, failed: 0 });
    expect(started.totals.queued + started.totals.sending + started.totals.sent).toBe(20);
    await w.deliver();

    const mails = mailsOf(tag);
    expect(mails).toHaveLength(20);
    expect(new Set(mails.flatMap((m) => m.to)).size).toBe(20);
    expect(mails.every((m) => m.to.every((a) => a.startsWith('parent')))).toBe(true);
    // Filled in for the guardian, who gets it.
    const [toParent3] = mails.filter((m) => m.to.includes(`parent3-${tag}@example.test`));
    expect(toParent3!.parsed.subject).toBe('Välkommen tillbaka, Parent03!');

    // Parent03 is the guardian of Kid03 and Kid23: one mail, about both.
    const [sent] = (await historyOf(org, guardians[3]!.id)).filter((h) => h.event === 'email_sent');
    expect(sent).toMatchObject({
      text: 'Välkommen tillbaka, Parent03!',
      data: {
        campaignId: campaign.id,
        campaignName: 'Come back in January',
        aboutIds: [children[3]!.id, children[23]!.id],
        aboutNames: ['Kid03 Test', 'Kid23 Test'],
      },
    });
    for (const child of [children[3]!, children[23]!]) {
      const entries = (await historyOf(org, child.id)).filter((h) => h.event === 'email_sent');
      expect(entries).toEqual([
        expect.objectContaining({
          text: 'Välkommen tillbaka, Parent03!',
          data: {
            campaignId: campaign.id,
            campaignName: 'Come back in January',
            sentToId: guardians[3]!.id,
            sentToName: 'Parent03 Test',
          },
        }),
      ]);
    }
    const done = await ok<Campaign>(org.owner, 'GET', `/api/campaigns/${campaign.id}`);
    expect(done.totals).toMatchObject({ total: 20, sent: 20 });

    // Erasing Kid23 (C-16) takes her name off her guardian's entry; Kid03's stays.
    const erase = await org.owner.request('POST', `/api/persons/${children[23]!.id}/erase`, {});
    expect(erase.statusCode, erase.body).toBe(200);
    const [after] = (await historyOf(org, guardians[3]!.id)).filter(
      (h) => h.event === 'email_sent',
    );
    expect(after!.data.aboutIds).toEqual([children[3]!.id, children[23]!.id]);
    expect(after!.data.aboutNames).toEqual(['Kid03 Test', '–']);
    // Erasing the guardian takes his name off the children's entries.
    await ok(org.owner, 'POST', `/api/persons/${guardians[3]!.id}/erase`, {});
    const [ofKid] = (await historyOf(org, children[3]!.id)).filter((h) => h.event === 'email_sent');
    expect(ofKid!.data).toMatchObject({ sentToId: guardians[3]!.id, sentToName: '–' });
  });

  it('reaches a child through one guardian who can get it, each guardian once; others as anyone', async () => {
    const { org, kids, tag } = await club();
    const mail = (name: string) => `${name}-${tag}@example.test`;
    const kid = (firstName: string, own = false) =>
      person(org, {
        firstName,
        birthDate: '2015-04-04',
        tagId: kids,
        ...(own && { email: mail(firstName.toLowerCase()), consent: true }),
      });

    // A: the primary guardian gave no consent, the second did — and is matched too.
    const a = await kid('Anna');
    const noConsent = await person(org, { firstName: 'Primary', email: mail('primary') });
    const second = await person(org, {
      firstName: 'Second',
      email: mail('second'),
      consent: true,
      tagId: kids,
    });
    await link(org, noConsent, a);
    await link(org, second, a, false);
    // B: the only guardian unsubscribed.
    const b = await kid('Bo', true);
    const gone = await person(org, { firstName: 'Unsub', email: mail('unsub') });
    await link(org, gone, b);
    await w.t.app.db.execute(sql`insert into mail_unsubscribes (org_id, person_id, channel)
      values (${org.orgId}::uuid, ${gone.id}::uuid, 'email')`);
    // C: the only guardian is in the trash: reached like anyone, themselves.
    const c = await kid('Cecilia', true);
    const trashed = await person(org, {
      firstName: 'Trashed',
      email: mail('trashed'),
      consent: true,
    });
    await link(org, trashed, c);
    const del = await org.owner.request('DELETE', `/api/persons/${trashed.id}`);
    expect(del.statusCode, del.body).toBeLessThan(300);
    // D: no guardian at all.
    const d = await kid('David', true);
    // E: 19 years old: an adult, reached themselves though a guardian is linked.
    const e = await person(org, {
      firstName: 'Erik',
      birthDate: '2006-12-24',
      email: mail('erik'),
      consent: true,
      tagId: kids,
    });
    const eParent = await person(org, {
      firstName: 'EParent',
      email: mail('eparent'),
      consent: true,
    });
    await link(org, eParent, e);
    // F: the guardian's address bounced.
    const f = await kid('Frida');
    const bouncing = await person(org, {
      firstName: 'Bouncing',
      email: mail('bouncing'),
      consent: true,
    });
    await link(org, bouncing, f);
    await w.t.app.db.execute(sql`insert into mail_bounces (org_id, address, response)
      values (${org.orgId}::uuid, ${mail('bouncing')}, '550 no such user')`);
    // G: an address of the child's own, none for the guardian: not sent to the child.
    const g = await kid('Gustav', true);
    const noAddress = await person(org, { firstName: 'NoAddress', consent: true });
    await link(org, noAddress, g);

    const counts = await ok<AudienceCounts>(org.owner, 'POST', '/api/campaigns/audience', {
      channel: 'email',
      audience: { tagId: kids },
    });
    expect(counts).toEqual({
      matched: 8, // A–G and Second
      noAddress: 1, // G
      noConsent: 0,
      unsubscribed: 1, // B
      bounced: 1, // F
      reachable: 5, // A (through Second), C, D, E, Second
      viaGuardian: 1,
      messages: 4, // Second once, C, D, E
    });

    const campaign = await createCampaign(org, { audience: { tagId: kids } });
    await send(org, campaign);
    await w.deliver();
    expect(
      mailsOf(tag)
        .flatMap((m) => m.to)
        .sort(),
    ).toEqual([mail('second'), mail('cecilia'), mail('david'), mail('erik')].sort());
    const recipients = await ok<RecipientPage>(
      org.owner,
      'GET',
      `/api/campaigns/${campaign.id}/recipients`,
    );
    expect(recipients.items.map((r) => r.personId).sort()).toEqual(
      [second.id, c.id, d.id, e.id].sort(),
    );
    const [ofA] = (await historyOf(org, a.id)).filter((h) => h.event === 'email_sent');
    expect(ofA?.data).toMatchObject({ sentToId: second.id, sentToName: 'Second Test' });
    const [ofSecond] = (await historyOf(org, second.id)).filter((h) => h.event === 'email_sent');
    expect(ofSecond?.data).toMatchObject({ aboutIds: [a.id], aboutNames: ['Anna Test'] });
    const [ofD] = (await historyOf(org, d.id)).filter((h) => h.event === 'email_sent');
    expect(ofD?.data).not.toHaveProperty('sentToId');
  });

  it('counts an SMS audience the same way: two children, one guardian with a mobile, one message', async () => {
    const { org, kids } = await club();
    const res = await ok<{ person: Person }>(org.owner, 'POST', '/api/persons', {
      firstName: 'Mamma',
      lastName: 'Test',
      phones: [{ number: '070-123 45 67', label: 'mobile' }],
      consentSms: { granted: true },
    });
    for (const firstName of ['Liv', 'Ture']) {
      const child = await person(org, { firstName, birthDate: '2016-08-08', tagId: kids });
      await link(org, res.person, child);
    }
    const counts = await ok<AudienceCounts>(org.owner, 'POST', '/api/campaigns/audience', {
      channel: 'sms',
      audience: { tagId: kids },
    });
    expect(counts).toMatchObject({
      matched: 2,
      noAddress: 0,
      reachable: 2,
      viaGuardian: 2,
      messages: 1,
    });
  });

  it("another organization's audience never reaches this one's guardians", async () => {
    const one = await club();
    const child = await person(one.org, {
      firstName: 'Ida',
      birthDate: '2017-01-01',
      tagId: one.kids,
    });
    const mother = await person(one.org, {
      firstName: 'Mor',
      email: `mor-${one.tag}@example.test`,
      consent: true,
    });
    await link(one.org, mother, child);
    const other = await club();
    const theirs = await person(other.org, {
      firstName: 'Ida',
      birthDate: '2017-01-01',
      tagId: other.kids,
    });
    // A guardian of another organization cannot be linked: the keys include the organization.
    await expect(link(other.org, mother, theirs)).rejects.toThrow();
    // Filtered by this club's tag, the other club matches nobody and reaches nobody.
    for (const tagId of [one.kids, other.kids]) {
      const counts = await ok<AudienceCounts>(other.org.owner, 'POST', '/api/campaigns/audience', {
        channel: 'email',
        audience: { tagId },
      });
      expect(counts).toMatchObject({ reachable: 0, viaGuardian: 0, messages: 0 });
    }
    const ours = await ok<AudienceCounts>(one.org.owner, 'POST', '/api/campaigns/audience', {
      channel: 'email',
      audience: { tagId: one.kids },
    });
    expect(ours).toMatchObject({ matched: 1, reachable: 1, viaGuardian: 1, messages: 1 });
  });
});
