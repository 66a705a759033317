import type { GuardianRef, TaskContact } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { dialTarget } from './dial-target.ts';

const display = (national: string) => ({ country: 'SE', national, international: national });

const child = (phone: string | null, guardian: GuardianRef | null): TaskContact => ({
  id: 'c1',
  kind: 'person',
  name: 'Maja Berg',
  phone,
  phoneDisplay: phone ? display('070-999 99 99') : null,
  email: null,
  responsibleId: null,
  guardian,
});

const mother = (phone: string | null): GuardianRef => ({
  id: 'g1',
  name: 'Anna Berg',
  role: 'Mother',
  phone,
  phoneDisplay: phone ? display('070-123 45 67') : null,
});

describe('dialTarget', () => {
  it("dials a child's primary guardian, not the child", () => {
    const target = dialTarget(child('+46709999999', mother('+46701234567')));
    expect(target?.phone).toBe('+46701234567');
    expect(target?.phoneDisplay?.national).toBe('070-123 45 67');
  });

  it("falls back to the child's own phone when the guardian has none", () => {
    expect(dialTarget(child('+46709999999', mother(null)))?.phone).toBe('+46709999999');
  });

  it('dials an adult (no guardian) directly, and nobody without any phone', () => {
    expect(dialTarget(child('+46709999999', null))?.phone).toBe('+46709999999');
    expect(dialTarget(child(null, mother(null)))).toBeNull();
    expect(dialTarget(null)).toBeNull();
  });
});
