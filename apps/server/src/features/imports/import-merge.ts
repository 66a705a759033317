import type { ContactInput } from '../contacts/index.ts';
import type { RowInput } from './import-rows.ts';

/** A row as the contacts feature takes it (tags and company resolved by the batch). */
export function toContactInput(
  input: RowInput,
  extra: { tagIds: string[]; companyId?: string },
): ContactInput {
  return {
    ...input,
    tagIds: extra.tagIds,
    ...(extra.companyId && { companyId: extra.companyId }),
  };
}
