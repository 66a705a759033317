import { BOARD_COLUMNS, type BoardColumn } from '@spotter/contracts';
import { COLUMN_MIN, columnsSpan as span } from '../../components/board/board-layout.ts';

export { COLUMN_GAP, COLUMN_WIDTH, columnWidth } from '../../components/board/board-layout.ts';
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
 * A saved choice read back from the device: known columns only, in the board's order; null
 * when nothing usable is saved (never an empty board).
 */
export function parseColumns(raw: unknown): BoardColumn[] | null {
  if (!Array.isArray(raw)) return null;
  const chosen = BOARD_COLUMNS.filter((c) => raw.includes(c));
  return chosen.length > 0 ? chosen : null;
}
