import { describe, expect, it } from 'vitest';
import { safeRedirect } from './safe-redirect.ts';

describe('safeRedirect', () => {
  it('keeps paths of this app, with their query and hash', () => {
    expect(safeRedirect('/settings/users')).toBe('/settings/users');
    expect(safeRedirect('/settings/users?page=2#top')).toBe('/settings/users?page=2#top');
  });

  it.each([
    undefined,
    '',
    'settings',
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    'javascript:alert(1)',
  ])('sends %j home', (target) => {
    expect(safeRedirect(target)).toBe('/');
  });
});
