import type { TaskContact } from '@spotter/contracts';

type Dialable = Pick<TaskContact, 'phone' | 'phoneDisplay'>;

/**
 * Whose phone a card about this contact dials (issue 17): a minor's primary guardian when they
 * have a phone — the child rarely answers — else the contact's own; null with neither.
 */
export function dialTarget(contact: TaskContact | null | undefined): Dialable | null {
  if (!contact) return null;
  if (contact.guardian?.phone) return contact.guardian;
  return contact.phone ? contact : null;
}
