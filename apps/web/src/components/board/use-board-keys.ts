import type { RefObject } from 'react';
import { useShortcuts } from '../shortcuts.tsx';

const CARD = '[data-card-id]';

function focusedCard(): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement ? active.closest<HTMLElement>(CARD) : null;
}

/** The cards in reading order: down each column, then on to the next one. */
export function stepCard(
  cards: readonly HTMLElement[],
  current: HTMLElement | null,
  step: 1 | -1,
): HTMLElement | undefined {
  const i = current ? cards.indexOf(current) : -1;
  if (i < 0) return step > 0 ? cards[0] : cards.at(-1);
  return cards[i + step];
}

/** Focuses the first card shown, else the content itself (the skip link's target). */
export function focusFirstCard(content: HTMLElement | null) {
  const first = content?.querySelector<HTMLElement>(CARD);
  (first ?? content)?.focus();
}

/**
 * The board's keys: J and K move to the next and previous card, O opens the focused one (as
 * Enter does). A card held for a keyboard move keeps the keys for itself. (`/` is the
 * header's search, everywhere.)
 */
export function useBoardKeys(content: RefObject<HTMLElement | null>, onOpen: (id: string) => void) {
  const move = (step: 1 | -1) => {
    const current = focusedCard();
    if (current?.getAttribute('aria-pressed') === 'true') return;
    const cards = Array.from(content.current?.querySelectorAll<HTMLElement>(CARD) ?? []);
    stepCard(cards, current, step)?.focus();
  };
  const open = () => {
    const id = focusedCard()?.dataset.cardId;
    if (id) onOpen(id);
  };
  useShortcuts([
    { key: 'j', physical: true, run: () => move(1) },
    { key: 'k', physical: true, run: () => move(-1) },
    { key: 'o', physical: true, run: open },
  ]);
}
