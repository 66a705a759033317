import { BOARD_COLUMNS } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import {
  COLUMN_WIDTH,
  columnWidth,
  defaultColumns,
  fittingColumns,
  parseColumns,
} from './board-layout.ts';

describe('the board on a narrow screen', () => {
  it('shows Unsorted, Overdue and Today on a 768 px tablet, all six on a desktop', () => {
    // 768 px less the page padding: the board is about 720 px wide.
    expect(fittingColumns(720)).toBe(3);
    expect(defaultColumns(720)).toEqual(['unsorted', 'overdue', 'today']);
    expect(defaultColumns(470)).toEqual(['overdue', 'today']);
    expect(defaultColumns(300)).toEqual(['today']);
    expect(defaultColumns(984)).toEqual([...BOARD_COLUMNS]);
    expect(defaultColumns(1600)).toEqual([...BOARD_COLUMNS]);
  });

  it('lets columns that fit share the width, so none is cut off; too many scroll', () => {
    const w = columnWidth(720, 3);
    expect(3 * w + 2 * 12).toBeLessThanOrEqual(720);
    expect(w).toBeGreaterThanOrEqual(220);
    expect(columnWidth(720, 6)).toBe(COLUMN_WIDTH);
    expect(columnWidth(2000, 1)).toBe(480);
  });

  it('reads back only a usable saved choice, in the board’s order', () => {
    expect(parseColumns(['today', 'unsorted', 'nonsense'])).toEqual(['unsorted', 'today']);
    expect(parseColumns([])).toBeNull();
    expect(parseColumns('today')).toBeNull();
    expect(parseColumns(null)).toBeNull();
  });
});
