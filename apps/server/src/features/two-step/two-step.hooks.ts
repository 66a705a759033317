import type { Db } from '../../db/client.ts';
import { Hook } from '../../lib/hooks.ts';

/**
 * An admin reset a user's two-step (a lost phone): whoever holds that user's sessions may be
 * the one who found it. Runs inside the reset's transaction (the auth feature ends them).
 */
export const twoStepReset = new Hook<[tx: Db, user: { orgId: string; userId: string }]>(
  'twoStepReset',
);
