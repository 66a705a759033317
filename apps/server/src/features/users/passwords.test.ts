import { describe, expect, it } from 'vitest';
import {
  generateTemporaryPassword,
  hashPassword,
  isCommonPassword,
  verifyPassword,
} from './passwords.ts';

describe('passwords', () => {
  it('knows common passwords regardless of case', () => {
    expect(isCommonPassword('password123')).toBe(true);
    expect(isCommonPassword('PASSWORD123')).toBe(true);
    expect(isCommonPassword('1234567890')).toBe(true);
    expect(isCommonPassword('Rowing-Boat-Sunrise-42')).toBe(false);
  });

  it('hashes with argon2 and verifies', async () => {
    const hashed = await hashPassword('Rowing-Boat-Sunrise-42');
    expect(hashed).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hashed, 'Rowing-Boat-Sunrise-42')).toBe(true);
    expect(await verifyPassword(hashed, 'rowing-boat-sunrise-42')).toBe(false);
    expect(await verifyPassword(undefined, 'anything')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });

  it('generates readable temporary passwords long enough to pass the rules', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const p = generateTemporaryPassword();
      expect(p).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
      expect(p).not.toMatch(/[01lIoO]/);
      seen.add(p);
    }
    expect(seen.size).toBe(50);
  });
});
