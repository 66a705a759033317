import { useLocalStorage } from '@mantine/hooks';
import type { BoardColumn } from '@spotter/contracts';
import { parseColumns } from './board-layout.ts';

/**
 * Per device, not per user: a desk tablet is shared by whoever is on duty, and what fits
 * depends on the screen, not on the person (decision 0015).
 */
const COLUMNS_KEY = 'spotter.board.columns';
const VIEW_KEY = 'spotter.board.view';

export type BoardViewMode = 'board' | 'day';

function readJson(raw: string | undefined): unknown {
  if (!raw) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

/** The columns chosen on this device, or null (then the screen's width decides). */
export function useChosenColumns() {
  const [chosen, setChosen, reset] = useLocalStorage<BoardColumn[] | null>({
    key: COLUMNS_KEY,
    defaultValue: null,
    getInitialValueInEffect: false,
    serialize: (v) => JSON.stringify(v),
    deserialize: (raw) => parseColumns(readJson(raw)),
  });
  return { chosen, setChosen, reset };
}

/** The board or "my day", as last chosen on this device. */
export function useLastView() {
  const [view, setView] = useLocalStorage<BoardViewMode>({
    key: VIEW_KEY,
    defaultValue: 'board',
    getInitialValueInEffect: false,
    serialize: (v) => v,
    deserialize: (raw) => (raw === 'day' ? 'day' : 'board'),
  });
  return { view, setView };
}
