import type { DealBoardColumn, DealCard } from '@spotter/contracts';
import {
  columnItems,
  insertItem,
  patchPages,
  removeItem,
  type ColumnPages,
} from '../../components/board/column-cache.ts';

/**
 * One stage's page as the cache keeps it: the server's column with its cards under `items`,
 * the name the shared board parts use.
 */
export interface StagePage extends Omit<DealBoardColumn, 'cards'> {
  items: DealCard[];
}
export type StageData = ColumnPages<StagePage>;

export const stagePage = ({ cards, ...column }: DealBoardColumn): StagePage => ({
  ...column,
  items: cards,
});

export const stageCards = (data: StageData | undefined) => columnItems<DealCard, StagePage>(data);

/** A deal's share of its column's weighted sum, rounded as the server rounds it. */
export const weighted = (amount: number, probability: number) =>
  Math.round((amount * probability) / 100);

/** The column's count, sum and weighted sum, from its first page. */
export function stageTotals(data: StageData | undefined) {
  const first = data?.pages[0];
  return first
    ? { count: first.count, sum: first.sum, weightedSum: first.weightedSum }
    : { count: 0, sum: 0, weightedSum: 0 };
}

function withSums(data: StageData | undefined, card: DealCard, sign: 1 | -1) {
  if (!data) return data;
  return patchPages(data, (p) => ({
    ...p,
    sum: Math.max(0, p.sum + sign * card.amount),
    weightedSum: Math.max(0, p.weightedSum + sign * weighted(card.amount, card.probability)),
  }));
}

/**
 * A drop, at once: the deal leaves its column (count and sums drop by its amount) and lands on
 * top of the target (which gains them, at the target stage's probability) until the server's
 * answer and the refetch put it in its place. Nothing changes when the card is not loaded.
 */
export function moveDeal(
  from: StageData | undefined,
  to: StageData | undefined,
  card: DealCard,
  target: { stageId: string; state: DealCard['state']; probability: number },
): { from: StageData | undefined; to: StageData | undefined } {
  const had = stageCards(from).some((c) => c.id === card.id);
  const moved: DealCard = { ...card, ...target };
  const left = had ? withSums(removeItem<DealCard, StagePage>(from, card.id), card, -1) : from;
  const landed = insertItem<DealCard, StagePage>(to, moved, null);
  return { from: left, to: landed === to ? to : withSums(landed, moved, 1) };
}
