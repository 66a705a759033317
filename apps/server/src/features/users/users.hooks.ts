import type { Db } from '../../db/client.ts';
import { Hook } from '../../lib/hooks.ts';

/**
 * A user lost the right to their current sessions: deactivated, or given a new temporary
 * password. Runs inside the transaction that changed the user (the auth feature ends the sessions).
 */
export const userAccessRevoked = new Hook<[tx: Db, user: { orgId: string; userId: string }]>(
  'userAccessRevoked',
);
