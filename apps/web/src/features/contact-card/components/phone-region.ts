import { useQuery } from '@tanstack/react-query';
import { crmSettingsQuery } from '../../../lib/crm-reference.ts';

/**
 * The club's phone country, for writing its own numbers the national way. A file of its own:
 * the board asks for it on every card, and importing it must not bring the contact card's
 * custom-field editors and date pickers along.
 */
export function usePhoneRegion() {
  return useQuery(crmSettingsQuery).data?.phoneRegion ?? null;
}
