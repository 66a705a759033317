import { describe, expect, it } from 'vitest';
import { insertTask } from './task-board.fixtures.ts';
import {
  boardOrg,
  clock,
  column,
  columnsById,
  getBoard,
  useBoardTestApp,
  type BoardOrg,
} from './task-board.test-setup.ts';

/**
 * T-8 / acceptance 1: columns are days in the organization's timezone, weeks start on Monday,
 * and daylight-saving days are 23 or 25 hours long. The clock is pinned; every instant is UTC.
 */
const t = useBoardTestApp();

/** Inserts one task per label due at that instant (with a status, so it is on a date column). */
async function dueTasks(org: BoardOrg, due: Record<string, string>) {
  const byLabel: Record<string, string> = {};
  for (const [label, at] of Object.entries(due)) {
    byLabel[label] = await insertTask(t.database.db, {
      orgId: org.orgId,
      templateId: org.templateId,
      statusId: org.statusId,
      dueAt: new Date(at),
      comment: label,
    });
  }
  return byLabel;
}

/** label → column, as the board of `org` shows it now. */
async function placed(org: BoardOrg, byLabel: Record<string, string>) {
  const where = columnsById(await getBoard(org.owner));
  return Object.fromEntries(Object.entries(byLabel).map(([label, id]) => [label, where[id]]));
}

// Sunday 2026-11-22 23:30 in Stockholm (CET, UTC+1) is Monday 05:30 in Novosibirsk (UTC+7).
const SUNDAY_2330_STOCKHOLM = '2026-11-22T22:30:00Z';
const SUNDAY_NIGHT = {
  'Sunday 23:00': '2026-11-22T22:00:00Z',
  'Sunday 23:45': '2026-11-22T22:45:00Z',
  'Monday 09:00': '2026-11-23T08:00:00Z',
  'Monday 23:59': '2026-11-23T22:59:00Z',
  'Tuesday 10:00': '2026-11-24T09:00:00Z',
  'Wednesday 11:00': '2026-11-25T10:00:00Z',
  'in two weeks': '2026-12-06T22:30:00Z',
};

describe('board columns in the organization timezone', () => {
  it('places Sunday-night tasks as a Stockholm user expects (Monday starts the next week)', async () => {
    const org = await boardOrg(t, 'Europe/Stockholm');
    const tasks = await dueTasks(org, SUNDAY_NIGHT);
    clock.now = new Date(SUNDAY_2330_STOCKHOLM);
    expect(await placed(org, tasks)).toEqual({
      'Sunday 23:00': 'overdue',
      'Sunday 23:45': 'today',
      'Monday 09:00': 'tomorrow',
      'Monday 23:59': 'tomorrow',
      // This week ended with Sunday: nothing is "this week" on a Sunday evening.
      'Tuesday 10:00': 'later',
      'Wednesday 11:00': 'later',
      'in two weeks': 'later',
    });
    const board = await getBoard(org.owner);
    expect(column(board, 'week')).toMatchObject({ count: 0, items: [], droppable: false });
  });

  it('places the same instants differently for an organization in Asia/Novosibirsk', async () => {
    const org = await boardOrg(t, 'Asia/Novosibirsk');
    const tasks = await dueTasks(org, SUNDAY_NIGHT);
    clock.now = new Date(SUNDAY_2330_STOCKHOLM); // Monday 05:30 there
    expect(await placed(org, tasks)).toEqual({
      'Sunday 23:00': 'overdue', // Monday 05:00
      'Sunday 23:45': 'today', // Monday 05:45
      'Monday 09:00': 'today', // Monday 15:00
      'Monday 23:59': 'tomorrow', // Tuesday 05:59
      'Tuesday 10:00': 'tomorrow', // Tuesday 16:00
      'Wednesday 11:00': 'week', // Wednesday 17:00
      'in two weeks': 'later', // Monday 7 December 05:30
    });
    expect(column(await getBoard(org.owner), 'week').droppable).toBe(true);
  });

  it('fills This week from the day after tomorrow to Sunday on a Wednesday', async () => {
    const org = await boardOrg(t);
    const tasks = await dueTasks(org, {
      'Wednesday 08:00': '2026-11-25T07:00:00Z',
      'Wednesday 18:00': '2026-11-25T17:00:00Z',
      'Thursday 10:00': '2026-11-26T09:00:00Z',
      'Friday 10:00': '2026-11-27T09:00:00Z',
      'Sunday 23:00': '2026-11-29T22:00:00Z',
      'Monday 00:30': '2026-11-29T23:30:00Z',
    });
    clock.now = new Date('2026-11-25T11:00:00Z'); // Wednesday 12:00
    expect(await placed(org, tasks)).toEqual({
      'Wednesday 08:00': 'overdue',
      'Wednesday 18:00': 'today',
      'Thursday 10:00': 'tomorrow',
      'Friday 10:00': 'week',
      'Sunday 23:00': 'week',
      'Monday 00:30': 'later',
    });
    const board = await getBoard(org.owner);
    expect(Object.fromEntries(board.columns.map((c) => [c.column, c.droppable]))).toEqual({
      unsorted: false,
      overdue: false,
      today: true,
      tomorrow: true,
      week: true,
      later: true,
    });
    expect(column(board, 'week').count).toBe(2);
  });

  it('counts the 23-hour Sunday of the March change as one day', async () => {
    const org = await boardOrg(t);
    const tasks = await dueTasks(org, {
      'Saturday 23:30 CET': '2026-03-28T22:30:00Z',
      'Sunday 00:30 CET': '2026-03-28T23:30:00Z',
      'Sunday 23:30 CEST': '2026-03-29T21:30:00Z',
      'Monday 00:30 CEST': '2026-03-29T22:30:00Z',
    });
    clock.now = new Date('2026-03-28T11:00:00Z'); // Saturday 12:00 CET
    expect(await placed(org, tasks)).toEqual({
      'Saturday 23:30 CET': 'today',
      'Sunday 00:30 CET': 'tomorrow',
      'Sunday 23:30 CEST': 'tomorrow',
      // A 24-hour "tomorrow" would end at Monday 01:00 CEST and take this one too.
      'Monday 00:30 CEST': 'later',
    });
    expect(column(await getBoard(org.owner), 'week').droppable).toBe(false);

    clock.now = new Date('2026-03-29T21:30:00Z'); // Sunday 23:30 CEST
    const late = await placed(org, tasks);
    expect(late['Monday 00:30 CEST']).toBe('tomorrow');
  });

  it('counts the 25-hour Sunday of the October change as one day', async () => {
    const org = await boardOrg(t);
    const tasks = await dueTasks(org, {
      'Saturday 23:30 CEST': '2026-10-24T21:30:00Z',
      'Sunday 00:15 CEST': '2026-10-24T22:15:00Z',
      'Sunday 23:30 CET': '2026-10-25T22:30:00Z',
      'Monday 00:30 CET': '2026-10-25T23:30:00Z',
    });
    clock.now = new Date('2026-10-24T10:00:00Z'); // Saturday 12:00 CEST
    expect(await placed(org, tasks)).toEqual({
      'Saturday 23:30 CEST': 'today',
      'Sunday 00:15 CEST': 'tomorrow',
      // A 24-hour "tomorrow" would end at Sunday 23:00 CET and miss this one.
      'Sunday 23:30 CET': 'tomorrow',
      'Monday 00:30 CET': 'later',
    });

    clock.now = new Date('2026-10-25T22:15:00Z'); // Sunday 23:15 CET
    const late = await placed(org, tasks);
    expect(late['Sunday 23:30 CET']).toBe('today');
    expect(late['Monday 00:30 CET']).toBe('tomorrow');
  });

  it('gives every card its due colour at the same clock', async () => {
    const org = await boardOrg(t);
    const tasks = await dueTasks(org, {
      past: '2026-11-22T22:00:00Z',
      tonight: '2026-11-22T22:45:00Z',
      monday: '2026-11-23T08:00:00Z',
    });
    clock.now = new Date(SUNDAY_2330_STOCKHOLM);
    const board = await getBoard(org.owner);
    const cards = board.columns.flatMap((c) => c.items);
    const stateOf = (id: string) => cards.find((c) => c.id === id)?.dueState;
    expect(stateOf(tasks.past!)).toBe('overdue');
    expect(stateOf(tasks.tonight!)).toBe('today');
    expect(stateOf(tasks.monday!)).toBe('later');
  });
});
