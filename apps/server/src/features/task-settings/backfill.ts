import { sql } from 'drizzle-orm';
import type { Locale } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { organizations } from '../organizations/index.ts';
import { seedTaskDefaults } from './defaults.ts';
import { taskTemplates } from './task-settings.table.ts';

/**
 * Organizations created before tasks existed get the default templates, statuses and
 * dictionary at start-up, so their settings pages and "new task" are not empty.
 */
export async function backfillTaskDefaults(db: Db): Promise<number> {
  const missing = await db
    .select({ id: organizations.id, locale: organizations.locale })
    .from(organizations)
    .where(
      sql`not exists (select 1 from ${taskTemplates} where ${taskTemplates.orgId} = ${organizations.id})`,
    );
  for (const org of missing) {
    await db.transaction((tx) => seedTaskDefaults(tx, org.id, org.locale as Locale));
  }
  return missing.length;
}
