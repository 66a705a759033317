/** The narrowest a column may get while its cards still read well (a phone number, a name). */
export const COLUMN_MIN = 220;
/** The width of a column when the board scrolls sideways. */
export const COLUMN_WIDTH = 280;
/** Wider than this a column only spreads its cards thin. */
const COLUMN_MAX = 480;
/** Space between two columns, in pixels. */
export const COLUMN_GAP = 12;

/** The width of `n` columns of `width` side by side. */
export const columnsSpan = (n: number, width: number) => n * width + (n - 1) * COLUMN_GAP;

/**
 * A column's width: columns that fit share the board (so no column is cut in half); too
 * many for the board keep the usual width and the board scrolls sideways.
 */
export function columnWidth(boardWidth: number, count: number): number {
  if (count < 1 || columnsSpan(count, COLUMN_MIN) > boardWidth) return COLUMN_WIDTH;
  const share = Math.floor((boardWidth - (count - 1) * COLUMN_GAP) / count);
  return Math.min(COLUMN_MAX, share);
}
