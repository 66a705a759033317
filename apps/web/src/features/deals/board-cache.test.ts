import type { DealCard } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { moveDeal, stageCards, stageTotals, weighted, type StageData } from './board-cache.ts';

const card = (id: string, amount: number, probability: number): DealCard => ({
  id,
  title: `Deal ${id}`,
  personId: null,
  companyId: null,
  person: null,
  company: null,
  amount,
  currency: 'SEK',
  expectedCloseDate: null,
  ownerId: null,
  owner: null,
  groupId: null,
  typeId: null,
  stageId: `stage-${probability}`,
  state: 'open',
  probability,
  closedAt: null,
  version: 1,
  updatedAt: '2026-12-01T10:00:00.000Z',
});

const column = (stageId: string, cards: DealCard[], more: DealCard[] = []): StageData => {
  const totals = [...cards, ...more].reduce(
    (t, c) => ({
      sum: t.sum + c.amount,
      weightedSum: t.weightedSum + weighted(c.amount, c.probability),
    }),
    { sum: 0, weightedSum: 0 },
  );
  return {
    pageParams: [null],
    pages: [
      {
        stageId,
        state: 'open',
        count: cards.length + more.length,
        ...totals,
        items: cards,
        nextCursor: more.length > 0 ? 'next' : null,
      },
    ],
  };
};

describe('a deal dropped on another stage', () => {
  it('moves its amount and weighted value with it, at the new stage probability', () => {
    const a = card('a', 100_000, 20);
    const from = column('s20', [a, card('b', 50_000, 20)]);
    const to = column('s60', [card('c', 10_000, 60)]);
    const after = moveDeal(from, to, a, { stageId: 's60', state: 'open', probability: 60 });
    expect(stageTotals(after.from)).toEqual({ count: 1, sum: 50_000, weightedSum: 10_000 });
    expect(stageTotals(after.to)).toEqual({ count: 2, sum: 110_000, weightedSum: 66_000 });
    expect(stageCards(after.to)[0]).toMatchObject({ id: 'a', stageId: 's60', probability: 60 });
  });

  it('counts a deal of a column whose cards are not all loaded yet', () => {
    const a = card('a', 1_000, 10);
    const to = column('won', [], [card('x', 500, 100)]);
    const after = moveDeal(column('s10', [a]), to, a, {
      stageId: 'won',
      state: 'won',
      probability: 100,
    });
    expect(stageTotals(after.to)).toEqual({ count: 2, sum: 1_500, weightedSum: 1_500 });
    expect(stageCards(after.to).map((c) => c.state)).toEqual(['won']);
  });

  it('leaves a column alone that is not loaded (it refetches)', () => {
    const a = card('a', 1_000, 10);
    const after = moveDeal(column('s10', [a]), undefined, a, {
      stageId: 'lost',
      state: 'lost',
      probability: 0,
    });
    expect(after.to).toBeUndefined();
    expect(stageTotals(after.from).count).toBe(0);
  });
});
