import { ROLE_PERMISSIONS, ROLES } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { landingPath } from './landing.ts';

describe('where staff land after logging in or setting up', () => {
  it.each(ROLES)('%s lands where their work is', (role) => {
    const permissions = [...ROLE_PERMISSIONS[role]];
    const expected = role === 'instructor' ? '/start' : '/board';
    expect(landingPath({ permissions })).toBe(expected);
  });

  it('someone who sees contacts but no tasks starts at the persons', () => {
    expect(landingPath({ permissions: ['contacts.read'] })).toBe('/persons');
  });
});
