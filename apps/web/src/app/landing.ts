import type { Me } from '@spotter/contracts';

/**
 * Where a signed-in member of staff starts: where their work is. Reception and sales work the
 * board; someone who may see contacts but no tasks starts at the persons; anyone else (an
 * instructor has no CRM work yet) at the first-steps page.
 */
export function landingPath(me: Pick<Me, 'permissions'>): '/board' | '/persons' | '/start' {
  if (me.permissions.includes('tasks.read')) return '/board';
  if (me.permissions.includes('contacts.read')) return '/persons';
  return '/start';
}
