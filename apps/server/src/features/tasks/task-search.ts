import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { escapeLike } from '../../lib/like.ts';
import { contactSearchIn } from '../contacts/index.ts';
import { tasks } from './tasks.table.ts';

/**
 * The search of the board and the task lists: the contact's name or phone by the search box's
 * own rule (live contacts, trigram index), or words of the task's comment.
 */
export async function taskSearchCondition(db: Db, orgId: string, text: string): Promise<SQL> {
  const byContact = await contactSearchIn(db, orgId, text, tasks.contactId);
  const byComment = sql`${tasks.comment} ilike ${`%${escapeLike(text)}%`}`;
  return byContact ? sql`(${byContact} or ${byComment})` : byComment;
}
