import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { LOCALES } from '@spotter/contracts';
import { describe, expect, it } from 'vitest';

const dir = path.dirname(new URL(import.meta.url).pathname);
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(obj: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') Object.assign(out, flatten(v, key));
    else out[key] = String(v);
  }
  return out;
}

const load = (lng: string, ns: string) =>
  flatten(JSON.parse(readFileSync(path.join(dir, lng, ns), 'utf8')));

const namespaces = readdirSync(path.join(dir, 'en')).filter((f) => f.endsWith('.json'));
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe.each(LOCALES.filter((l) => l !== 'en'))('the %s translation', (lng) => {
  it.each(namespaces)('%s has every English key, and no others', (ns) => {
    const en = load('en', ns);
    const other = load(lng, ns);
    const base = (keys: string[]) => [...new Set(keys.map((k) => k.replace(PLURAL, '')))].sort();
    expect(base(Object.keys(other))).toEqual(base(Object.keys(en)));
  });

  it.each(namespaces)(
    '%s keeps every placeholder and the plural forms its language needs',
    (ns) => {
      const en = load('en', ns);
      const other = load(lng, ns);
      const rules = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
      for (const [key, text] of Object.entries(other)) {
        expect(text.trim(), `${lng}/${ns} ${key} is empty`).not.toBe('');
        const enText = en[key] ?? en[key.replace(PLURAL, '_other')] ?? '';
        expect(placeholders(text), `${lng}/${ns} ${key}`).toEqual(placeholders(enText));
        const plural = PLURAL.exec(key);
        if (plural) {
          const stem = key.replace(PLURAL, '');
          for (const category of rules) {
            expect(other[`${stem}_${category}`], `${lng}/${ns} ${stem}_${category}`).toBeDefined();
          }
        }
      }
    },
  );
});
