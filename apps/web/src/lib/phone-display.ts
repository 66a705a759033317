import type { TaskContact } from '@spotter/contracts';

/**
 * A task contact's phone as people write it — national for numbers of the club's own country,
 * international for the rest — from the forms the server sends beside it (`phoneDisplay`), so
 * the board and task lists carry no phone library; as stored when the server could not read it.
 */
export function shownPhone(
  contact: Pick<TaskContact, 'phone' | 'phoneDisplay'> | null | undefined,
  homeRegion?: string | null,
): string {
  const shown = contact?.phoneDisplay;
  if (!shown) return contact?.phone ?? '';
  return homeRegion && shown.country === homeRegion.toUpperCase()
    ? shown.national
    : shown.international;
}

/** A `tel:` link target for a stored phone. */
export const telHref = (stored: string) => `tel:${stored.replace(/[^\d+]/g, '')}`;
