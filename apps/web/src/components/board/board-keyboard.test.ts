import { describe, expect, it } from 'vitest';
import { columnStep } from './board-keyboard.ts';

// Four columns that take drops, 280 px wide with 12 px between them.
const columns = [0, 1, 2, 3].map((i) => ({ left: 600 + i * 292, width: 280 }));
const card = (left: number) => ({ left, width: 264 });

describe('moving a held card with the arrow keys', () => {
  it('goes to the next column right, centred in it', () => {
    expect(columnStep('ArrowRight', card(608), columns)).toBe(892 + 8);
  });

  it('goes left from a column that takes no drops to the nearest that does', () => {
    // Held over Overdue, left of every drop column: nothing to the left.
    expect(columnStep('ArrowLeft', card(300), columns)).toBeNull();
    expect(columnStep('ArrowRight', card(300), columns)).toBe(608);
    expect(columnStep('ArrowLeft', card(1176 + 8), columns)).toBe(892 + 8);
  });

  it('stays at the last column, and ignores other keys', () => {
    expect(columnStep('ArrowRight', card(1476 + 8), columns)).toBeNull();
    expect(columnStep('ArrowDown', card(608), columns)).toBeNull();
  });
});
