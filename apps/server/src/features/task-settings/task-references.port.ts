import type { Db } from '../../db/client.ts';
import { Port } from '../../lib/hooks.ts';

/**
 * What task settings need to know of the tasks that use them before archiving or deleting a
 * setting: the tasks feature owns those rows and provides this (tasks.feature.ts).
 */
export interface TaskReferences {
  /** Tasks made from the template, or holding one of its results. */
  usesTemplate(db: Db, orgId: string, templateId: string): Promise<boolean>;
  /** Tasks that were completed with this result. */
  usesResult(db: Db, orgId: string, resultId: string): Promise<boolean>;
  /** Open tasks showing the status; completed ones simply lose it (the foreign key sets null). */
  usesStatus(db: Db, orgId: string, statusId: string): Promise<boolean>;
  /**
   * Which of `optionIds` completed tasks store as the value of a choice field bound to the
   * dictionary: those options must stay (archived) so history still reads.
   */
  storedDictionaryOptions(
    db: Db,
    orgId: string,
    dictionaryId: string,
    optionIds: string[],
  ): Promise<Set<string>>;
}

export const taskReferences = new Port<TaskReferences>('taskReferences');
