import { randomUUID } from 'node:crypto';
import type { EventLogEntry, EventSource } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { createOrg, useTestApp, type TestOrg } from '../../../test/test-app.ts';
import { signed } from './club-events.test-setup.ts';
import { pruneEventLog } from './members.repo.ts';

describe('the event log keeps deliveries for the days the organization chose', () => {
  const t = useTestApp();

  async function deliverOne(org: TestOrg) {
    const { source, secret } = (
      await org.owner.request('POST', '/api/event-sources', {
        name: `System ${randomUUID().slice(0, 6)}`,
        kind: 'payments',
      })
    ).json<{ source: EventSource; secret: string }>();
    const event = {
      id: randomUUID(),
      type: 'call.missed',
      occurredAt: new Date().toISOString(),
      data: { call: { externalId: 'c-1', from: '+46701234567' } },
    };
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/event-sources/${source.id}/events`,
      ...signed(secret, event),
    });
    expect(res.statusCode).toBe(200);
  }
  const log = async (org: TestOrg) =>
    (await org.owner.request('GET', '/api/club-events')).json<{ items: EventLogEntry[] }>().items;

  it('prunes what is older than the days set, keeps what waits and what another club keeps longer', async () => {
    const short = await createOrg(t.app);
    const long = await createOrg(t.app);
    const settings = (await short.owner.request('GET', '/api/club-event-settings')).json<{
      logDays: number;
      version: number;
    }>();
    expect(settings.logDays).toBe(90);
    const tooShort = await short.owner.request('PUT', '/api/club-event-settings', {
      logDays: 3,
      version: settings.version,
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().fieldCodes).toEqual({ logDays: 'too_small' });
    const saved = await short.owner.request('PUT', '/api/club-event-settings', {
      logDays: 7,
      version: settings.version,
    });
    expect(saved.json()).toMatchObject({ logDays: 7, autoLink: false });

    await deliverOne(short);
    await deliverOne(long);
    // The app's own runner processes them; wait until it has.
    for (
      let i = 0;
      i < 100 && [...(await log(short)), ...(await log(long))].some((e) => !e.processedAt);
      i++
    ) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const inEightDays = new Date(Date.now() + 8 * 24 * 3_600_000);
    await pruneEventLog(t.database.db, inEightDays, 5_000);
    expect(await log(short)).toEqual([]);
    expect(await log(long)).toHaveLength(1);
  });
});
