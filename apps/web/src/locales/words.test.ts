import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LOCALES } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';

const dir = path.dirname(new URL(import.meta.url).pathname);

/** One label by `namespace:dotted.key`. */
function label(lng: string, id: string): string {
  const [ns, key] = id.split(':') as [string, string];
  let node: unknown = JSON.parse(readFileSync(path.join(dir, lng, `${ns}.json`), 'utf8'));
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`${lng} has no label ${id}`);
  return node;
}

/** Buttons that confirm a dialog, each shown next to Cancel. */
const CONFIRMS = [
  'tasks:result.save',
  'tasks:conflict.resultOverwrite',
  'board:expanded.complete',
  'tasks:takeOver.confirm',
  'card:delete.confirm',
  'card:merge.confirm',
  'crm:move.confirm',
];

// The words staff already use (shared/GLOSSARY.md): one name per thing across the whole UI.
describe.each(LOCALES)('the %s words', (lng) => {
  it.each(CONFIRMS)('%s does what it says, and does not read as closing the dialog', (id) => {
    const confirm = label(lng, id).toLowerCase();
    const cancel = label(lng, 'common:actions.cancel').toLowerCase();
    const close = label(lng, 'common:a11y.close').toLowerCase();
    expect(confirm).not.toBe(cancel);
    // "Stäng" beside "Avbryt" reads as "close the dialog", not "complete the task".
    expect(confirm.split(/\s+/)[0]).not.toBe(close);
    expect(confirm.startsWith(close.slice(0, 4)), `${lng} ${id}: ${confirm}`).toBe(false);
  });

  it('the menu, the task list and task control call tasks by one name', () => {
    const menu = label(lng, 'common:nav.tasks');
    const title = label(lng, 'tasks:page.title');
    expect(menu).toBe(title);
    const stem = title.toLowerCase().slice(0, 4);
    expect(label(lng, 'tasks:page.my').toLowerCase()).toContain(stem);
    expect(label(lng, 'tasks:page.all').toLowerCase()).toContain(stem);
    expect(label(lng, 'tasks:control.title').toLowerCase()).toContain(stem);
  });

  it("a task's status is named as on the board, never as a person's status", () => {
    const taskStatus = label(lng, 'board:filters.status');
    expect(label(lng, 'tasks:fields.status')).toBe(taskStatus);
    expect(label(lng, 'tasks:filters.status')).toBe(taskStatus);
    const personStatus = label(lng, 'card:fields.status');
    if (personStatus !== taskStatus) {
      expect(label(lng, 'board:expanded.status')).not.toBe(personStatus);
    }
  });
});
