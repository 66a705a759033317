import type { Family, FamilyRelation, Lookup } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import {
  childrenUnlinked,
  emptyRelation,
  guardianLabel,
  relationBody,
  validateRelation,
} from './family-values.ts';

const ID = '0190a0b0-0000-7000-8000-000000000001';
const ROLE = '0190a0b0-0000-7000-8000-000000000002';

const member = (displayName: string, deletedAt: string | null = null) => ({
  id: ID,
  displayName,
  birthDate: null,
  age: null,
  minor: false,
  phone: null,
  email: null,
  consentEmail: false,
  consentSms: false,
  deletedAt,
});
const relation = (name: string, roleId: string | null = null): FamilyRelation => ({
  id: ID,
  roleId,
  primary: false,
  person: member(name),
  createdAt: '2026-01-01T00:00:00.000Z',
});
const mother: Lookup = {
  id: ROLE,
  kind: 'relation-roles',
  name: 'Mother',
  color: null,
  scope: 'both',
  position: 0,
  archived: false,
};

describe('adding to a family', () => {
  it('links an existing person by id, and needs one picked', () => {
    const v = emptyRelation('guardian');
    expect(validateRelation(v)).toHaveProperty('personId');
    v.personId = ID;
    v.roleId = ROLE;
    v.primary = true;
    expect(validateRelation(v)).toEqual({});
    expect(relationBody(v)).toEqual({ as: 'guardian', personId: ID, roleId: ROLE, primary: true });
  });

  it('creates a new child with the parent’s last name, trimmed, empty fields as null', () => {
    const v = emptyRelation('child', 'Berg');
    v.mode = 'new';
    expect(v.person.lastName).toBe('Berg');
    v.person.lastName = '';
    expect(validateRelation(v)).toHaveProperty(['person.firstName']);
    v.person = {
      firstName: ' Maja ',
      lastName: 'Berg',
      birthDate: '2019-03-04',
      phone: ' ',
      email: '',
    };
    expect(validateRelation(v)).toEqual({});
    expect(relationBody(v)).toEqual({
      as: 'child',
      roleId: null,
      person: {
        firstName: 'Maja',
        lastName: 'Berg',
        birthDate: '2019-03-04',
        phone: null,
        email: null,
      },
    });
  });

  it('starts a new guardian without the child’s last name', () => {
    expect(emptyRelation('guardian', 'Berg').person.lastName).toBe('');
  });
});

describe('naming guardians and children', () => {
  it('names a guardian with their role when they have one', () => {
    expect(guardianLabel(relation('Anna Berg', ROLE), [mother])).toBe('Anna Berg (Mother)');
    expect(guardianLabel(relation('Per Berg'), [mother])).toBe('Per Berg');
  });

  it('lists every child an erasure unlinks, those in the trash too', () => {
    const family: Family = {
      guardians: [],
      children: [
        relation('Maja'),
        { ...relation('Olle'), person: member('Olle', '2026-01-02T00:00:00.000Z') },
      ],
      siblings: [],
    };
    expect(childrenUnlinked(family)).toEqual(['Maja', 'Olle']);
    expect(childrenUnlinked(undefined)).toEqual([]);
  });
});
