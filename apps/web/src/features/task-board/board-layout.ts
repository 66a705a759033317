import { BOARD_COLUMNS, type BoardColumn } from '@spotter/contracts';

/** The narrowest a column may get while its cards still read well (a phone number, a name). */
export const COLUMN_MIN = 220;
/** The width of a column when the board scrolls sideways (as on a desktop with all six). */
export const COLUMN_WIDTH = 280;
/** Wider than this a column only spreads its cards thin. */
const COLUMN_MAX = 480;
export const COLUMN_GAP = 12;
/** A board this wide shows all six columns by default, scrolling sideways if need be. */
const WIDE = 900;

/**
 * Which columns a narrow board shows when nobody chose: today's work first, then new cards,
 * then what comes later.
 */
const PRIORITY: readonly BoardColumn[] = [
  'today',
  'overdue',
  'unsorted',
  'tomorrow',
  'week',
  'later',
];

const span = (n: number, width: number) => n * width + (n - 1) * COLUMN_GAP;

/** How many columns fit side by side, each at least COLUMN_MIN wide (at least one). */
export function fittingColumns(boardWidth: number): number {
  let n = 1;
  while (n < BOARD_COLUMNS.length && span(n + 1, COLUMN_MIN) <= boardWidth) n++;
  return n;
}

/**
 * The columns shown when this device has no choice saved: all six on a wide board, else as
 * many as fit whole, most urgent first, in the board's order.
 */
export function defaultColumns(boardWidth: number): BoardColumn[] {
  const n = fittingColumns(boardWidth);
  if (n === BOARD_COLUMNS.length || boardWidth >= WIDE) return [...BOARD_COLUMNS];
  const picked = new Set(PRIORITY.slice(0, n));
  return BOARD_COLUMNS.filter((c) => picked.has(c));
}

/**
 * A column's width: columns that fit share the board (so Today is never cut in half); too
 * many for the board keep the usual width and the board scrolls sideways.
 */
export function columnWidth(boardWidth: number, count: number): number {
  if (count < 1 || span(count, COLUMN_MIN) > boardWidth) return COLUMN_WIDTH;
  const share = Math.floor((boardWidth - (count - 1) * COLUMN_GAP) / count);
  return Math.min(COLUMN_MAX, share);
}

/**
 * A saved choice read back from the device: known columns only, in the board's order; null
 * when nothing usable is saved (never an empty board).
 */
export function parseColumns(raw: unknown): BoardColumn[] | null {
  if (!Array.isArray(raw)) return null;
  const chosen = BOARD_COLUMNS.filter((c) => raw.includes(c));
  return chosen.length > 0 ? chosen : null;
}
