import type { Deal } from '@spotter/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createStaff, ok } from '../../../test/test-app.ts';
import { cookie, openStream } from '../live/live.test-setup.ts';
import { createDealAs, createPerson, dealsOrg, useDealsTestApp } from './deals.test-setup.ts';

const { t } = useDealsTestApp();

describe("deals on colleagues' boards (S-4: live updates)", () => {
  let base: string;
  beforeAll(async () => {
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });

  it('a move reaches the colleagues who work deals within a second, never another club', async () => {
    const { org, open } = await dealsOrg(t);
    const other = await createOrg(t.app);
    const seller = await createStaff(t.app, org, 'sales');
    const colleague = await openStream(base, cookie(seller.client.cookie));
    const stranger = await openStream(base, cookie(other.owner.cookie));
    const person = await createPerson(org.owner);
    const deal = await createDealAs(org.owner, { title: 'Live', personId: person.id });
    const created = await colleague.waitFor((e) => e.event === 'deal.created');
    expect(created.data).toEqual({
      type: 'deal.created',
      dealId: deal.id,
      pipelineId: deal.pipelineId,
    });
    await ok<Deal>(org.owner, 'POST', `/api/deals/${deal.id}/move`, {
      stageId: open[1]!.id,
      version: deal.version,
    });
    await colleague.waitFor((e) => e.event === 'deal.updated' && e.data.dealId === deal.id);
    // Nothing of it reaches another organization's stream.
    await new Promise((r) => setTimeout(r, 200));
    expect(stranger.events.filter((e) => e.event.startsWith('deal.'))).toEqual([]);
    colleague.close();
    stranger.close();
  });
});
