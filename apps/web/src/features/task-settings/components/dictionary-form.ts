import { dictionaryCreateSchema, type Dictionary, type DictionaryCreate } from '@spotter/contracts';
import { z } from 'zod';
import { newKey } from '../../../lib/reorder.ts';

/** One option in the form; `key` keeps rows stable while they move, `id` marks a saved one. */
export type OptionValues = { key: string; id?: string; name: string; archived: boolean };
export type DictionaryValues = { name: string; options: OptionValues[] };

export const newDictionaryOption = (): OptionValues => ({
  key: newKey(),
  name: '',
  archived: false,
});

export function valuesOfDictionary(d: Dictionary | null): DictionaryValues {
  if (!d) return { name: '', options: [newDictionaryOption()] };
  return { name: d.name, options: d.options.map((o) => ({ key: o.id, ...o })) };
}

/** Paths match the API's (`options.0.name`) so server errors land on the same inputs. */
export const dictionaryFormSchema = z.object({
  name: dictionaryCreateSchema.shape.name,
  options: z
    .array(
      z.object({
        key: z.string(),
        id: z.string().optional(),
        name: z.string().trim().min(1).max(80),
        archived: z.boolean(),
      }),
    )
    .max(200),
});

/**
 * Saved options keep their ids: tasks store the chosen option's id, so a renamed option shows
 * its new name on them and an archived one still reads on old tasks.
 */
export function dictionaryBody(
  v: DictionaryValues,
): Required<Pick<DictionaryCreate, 'name' | 'options'>> {
  return {
    name: v.name.trim(),
    options: v.options.map(({ key: _key, id, name, archived }) => ({
      ...(id ? { id } : {}),
      name: name.trim(),
      archived,
    })),
  };
}
