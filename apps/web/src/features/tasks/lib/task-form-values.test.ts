import type { Task, TaskTemplate } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';
import {
  applyTemplateDefaults,
  EMPTY_TASK_VALUES,
  pickableTemplates,
  toCreateBody,
  toUpdateBody,
  valuesOfTask,
} from './task-form-values.ts';

const TZ = 'Europe/Stockholm';
const template = (over: Partial<TaskTemplate>): TaskTemplate => ({
  id: 't1',
  type: 'call',
  name: 'Call',
  defaultComment: '',
  defaultAssigneeId: null,
  dueOffsetMinutes: null,
  color: '#000',
  background: '#fff',
  callTemplateId: null,
  position: 0,
  archived: false,
  isDefault: false,
  results: [],
  version: 1,
  ...over,
});

describe('the task dialog values', () => {
  it('fills a picked template’s defaults into what was not typed yet', () => {
    const now = new Date('2025-06-02T08:00:00Z');
    const call = template({
      id: 'a',
      defaultComment: 'Ask about the trial',
      dueOffsetMinutes: 120,
      defaultAssigneeId: 'u1',
    });
    const filled = applyTemplateDefaults(EMPTY_TASK_VALUES, call, undefined, now, TZ);
    expect(filled).toMatchObject({
      templateId: 'a',
      comment: 'Ask about the trial',
      assigneeId: 'u1',
      dueAt: '2025-06-02 12:00:00',
    });
    // Switching templates replaces the untouched default comment, never a typed one.
    const visit = template({ id: 'b', defaultComment: 'Visit' });
    expect(applyTemplateDefaults(filled, visit, call, now, TZ).comment).toBe('Visit');
    expect(
      applyTemplateDefaults({ ...filled, comment: 'Mine' }, visit, call, now, TZ).comment,
    ).toBe('Mine');
  });

  it('drops the client of an internal task and the privacy of a client task', () => {
    const now = new Date();
    const internal = template({ id: 'i', type: 'internal' });
    expect(
      applyTemplateDefaults({ ...EMPTY_TASK_VALUES, contactId: 'c1' }, internal, undefined, now, TZ)
        .contactId,
    ).toBeNull();
    expect(
      applyTemplateDefaults(
        { ...EMPTY_TASK_VALUES, private: true },
        template({}),
        undefined,
        now,
        TZ,
      ).private,
    ).toBe(false);
  });

  it('sends the club’s wall time as an instant, and leaves an empty due to the template', () => {
    const values = {
      ...EMPTY_TASK_VALUES,
      templateId: 'a',
      contactId: 'c1',
      dueAt: '2025-06-02 10:00:00',
      comment: '  hi ',
    };
    expect(toCreateBody(values, 'call', TZ)).toEqual({
      templateId: 'a',
      contactId: 'c1',
      assigneeId: null,
      comment: 'hi',
      dueAt: '2025-06-02T08:00:00.000Z',
      remindAt: null,
      statusId: null,
      private: false,
    });
    expect(toCreateBody({ ...values, dueAt: null }, 'call', TZ)).not.toHaveProperty('dueAt');
    // An edit clears a due date that was cleared in the dialog.
    expect(toUpdateBody({ ...values, dueAt: null }, 'call', TZ).dueAt).toBeNull();
    expect(toCreateBody({ ...values, private: true }, 'internal', TZ)).toMatchObject({
      contactId: null,
      private: true,
    });
  });

  it('reads a task back into the dialog in the club’s zone', () => {
    const task = {
      template: { id: 'a' },
      contact: { id: 'c1' },
      assignee: null,
      status: null,
      dueAt: '2025-01-10T08:30:00.000Z',
      remindAt: null,
      comment: 'x',
      private: false,
    } as unknown as Task;
    expect(valuesOfTask(task, TZ)).toMatchObject({
      templateId: 'a',
      contactId: 'c1',
      dueAt: '2025-01-10 09:30:00',
      remindAt: null,
    });
  });

  it('offers live templates but no rounds for a new task, the same type for an edit', () => {
    const list = [
      template({ id: 'call' }),
      template({ id: 'old', archived: true }),
      template({ id: 'round', type: 'round' }),
      template({ id: 'inner', type: 'internal' }),
    ];
    expect(pickableTemplates(list, undefined).map((x) => x.id)).toEqual(['call', 'inner']);
    const editing = { type: 'call', template: { id: 'old' } } as Task;
    expect(pickableTemplates(list, editing).map((x) => x.id)).toEqual(['call', 'old']);
  });
});
