import type { Group, GroupTreeItem } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import { bodyOf, formErrorsOf, parentChoices, valuesOf } from './group-form.ts';

const item = (id: string, depth: number, archived = false): GroupTreeItem => ({
  id,
  parentId: null,
  name: id,
  description: null,
  type: 'standard',
  members: [],
  archived,
  version: 1,
  createdAt: '2026-12-06T10:00:00.000Z',
  updatedAt: '2026-12-06T10:00:00.000Z',
  depth,
});

describe('the group form', () => {
  it('offers as parent every live group but the group itself and its sub-groups', () => {
    const tree = [
      item('sales', 0),
      item('north', 1),
      item('kiruna', 2),
      item('south', 1),
      item('old', 1, true),
      item('reception', 0),
    ];
    const north = tree[1] as Group;
    expect(parentChoices(tree, north).map((g) => g.id)).toEqual(['sales', 'south', 'reception']);
    expect(parentChoices(tree, null).map((g) => g.id)).toEqual([
      'sales',
      'north',
      'kiruna',
      'south',
      'reception',
    ]);
  });

  it('sends members with their role, and no parent as null', () => {
    const values = {
      ...valuesOf(null),
      name: 'Team',
      description: '  ',
      memberIds: ['a', 'b'],
      managerIds: ['b'],
    };
    expect(bodyOf(values)).toEqual({
      name: 'Team',
      description: null,
      type: 'standard',
      parentId: null,
      members: [
        { userId: 'a', role: 'member' },
        { userId: 'b', role: 'manager' },
      ],
    });
    const group = { ...item('g', 0), members: [{ userId: 'm', role: 'manager' as const }] };
    expect(valuesOf(group)).toMatchObject({ memberIds: ['m'], managerIds: ['m'], parentId: '' });
  });

  it('puts a member problem on the members field', () => {
    expect(formErrorsOf({ 'members.1.userId': 'Unknown', name: 'Taken' })).toEqual({
      memberIds: 'Unknown',
      name: 'Taken',
    });
  });
});
