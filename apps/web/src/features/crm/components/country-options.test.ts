import { describe, expect, it } from 'vitest';
import { countryOptions } from './country-options.ts';

describe('countryOptions', () => {
  it('names every phone region in the UI language, sorted by that name', () => {
    const en = countryOptions('en');
    expect(en.find((o) => o.value === 'SE')?.label).toBe('Sweden (SE)');
    expect(countryOptions('sv').find((o) => o.value === 'SE')?.label).toBe('Sverige (SE)');
    expect(countryOptions('pl').find((o) => o.value === 'DE')?.label).toBe('Niemcy (DE)');
    const labels = en.map((o) => o.label);
    expect(labels).toEqual([...labels].sort(new Intl.Collator('en').compare));
    expect(new Set(en.map((o) => o.value)).size).toBe(en.length);
    expect(en.length).toBeGreaterThan(200);
  });

  it('falls back to the codes when the locale is unusable', () => {
    const options = countryOptions('not a locale!');
    expect(options.find((o) => o.value === 'SE')).toBeDefined();
  });
});
