import { CLUB_EVENT_TYPES, CLUB_RULES, LOCALES } from '@spotter/contracts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { optionLabelKey } from './labels.ts';
import { TEST_FIELDS } from './test-event-fields.ts';

type Tree = { [key: string]: string | Tree };
const read = (lang: string) =>
  JSON.parse(
    readFileSync(path.resolve(__dirname, `../../../locales/${lang}/clubEvents.json`), 'utf8'),
  ) as Tree;
/** Looks a key up the way i18next does, a dot meaning one level down. */
const lookup = (tree: Tree, key: string) => {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return node;
};
const leaves = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`),
  );

describe('the connected systems texts', () => {
  const en = read('en');
  const needed = [
    ...CLUB_EVENT_TYPES.map((type) => `types.${type}`),
    ...CLUB_RULES.map((rule) => `log.rules.${rule}`),
    ...Object.values(TEST_FIELDS).flatMap((fields) =>
      fields.flatMap((f) => [
        `test.fields.${f.path}`,
        ...(f.options ?? []).map((o) => optionLabelKey(f.path, o)),
      ]),
    ),
  ];

  it.each(LOCALES)('%s names every event type, rule, test field and choice', (lang) => {
    const tree = read(lang);
    const missing = needed.filter((key) => typeof lookup(tree, key) !== 'string');
    expect(missing).toEqual([]);
  });

  // Plural forms differ by language (Polish and Russian have "few" and "many"): compare stems.
  const stems = (keys: string[]) =>
    [...new Set(keys.map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();

  it.each(LOCALES)('%s has the same keys as English', (lang) => {
    expect(stems(leaves(read(lang)))).toEqual(stems(leaves(en)));
  });
});
