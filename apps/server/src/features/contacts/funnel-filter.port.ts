import type { ContactFilter } from '@spotter/contracts';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { Port } from '../../lib/hooks.ts';

export type FunnelFilterStep = NonNullable<ContactFilter['funnelStep']>;

/**
 * The persons list's `funnelStep` filter: the condition on a `contacts` row that it reached a
 * step of the organization's sales funnel. The reports feature owns the funnel and provides it.
 */
export const personFunnelFilter = new Port<
  (db: Db, orgId: string, step: FunnelFilterStep) => Promise<SQL>
>('personFunnelFilter');
