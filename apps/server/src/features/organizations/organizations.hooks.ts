import type { Db } from '../../db/client.ts';
import type { Locale } from '@spotter/contracts';
import { Hook } from '../../lib/hooks.ts';

/**
 * A new organization exists (inside the transaction that created it): features seed their
 * defaults in the organization's language, so the CRM works at once.
 */
export const organizationCreated = new Hook<
  [tx: Db, organization: { orgId: string; locale: Locale }]
>('organizationCreated');
