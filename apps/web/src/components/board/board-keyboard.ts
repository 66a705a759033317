import {
  pointerWithin,
  rectIntersection,
  type CollisionDetection,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';

interface Span {
  left: number;
  width: number;
}

/**
 * Where the arrow keys take a card held with the keyboard: the next column that takes drops
 * to the right or left (columns that take none are skipped), centred in it. Null: no column
 * that way, the card stays.
 */
export function columnStep(code: string, current: Span, columns: Span[]): number | null {
  const centre = (s: Span) => s.left + s.width / 2;
  const here = centre(current);
  let best: Span | null = null;
  for (const c of columns) {
    const x = centre(c);
    if (code === 'ArrowRight' && x > here + 1 && (!best || x < centre(best))) best = c;
    if (code === 'ArrowLeft' && x < here - 1 && (!best || x > centre(best))) best = c;
  }
  return best ? best.left + (best.width - current.width) / 2 : null;
}

/** dnd-kit's keyboard sensor asks this on every key while a card is held. */
export const boardKeyboardCoordinates: KeyboardCoordinateGetter = (
  event,
  { context, currentCoordinates },
) => {
  if (event.code !== 'ArrowRight' && event.code !== 'ArrowLeft') return undefined;
  event.preventDefault();
  const rect = context.collisionRect;
  if (!rect) return undefined;
  const columns: Span[] = [];
  for (const container of context.droppableContainers.getEnabled()) {
    const r = context.droppableRects.get(container.id);
    if (r) columns.push(r);
  }
  const x = columnStep(event.code, rect, columns);
  return x === null ? undefined : { x, y: currentCoordinates.y };
};

/**
 * The column under the pointer; with the keyboard (no pointer) the column the card overlaps
 * most.
 */
export const boardCollision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};
