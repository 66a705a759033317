import type { Db } from '../../db/client.ts';
import type { ContactChange } from '../contacts/index.ts';
import type { TaskChange } from '../tasks/index.ts';
import { emitWebhookEvent } from './emit.ts';

/** person.created, company.deleted …: inside the change's transaction. */
export function emitContactEvent(tx: Db, change: ContactChange) {
  return emitWebhookEvent(tx, {
    orgId: change.orgId,
    type: `${change.kind}.${change.change}`,
    data: change.dto,
  });
}

/** task.created, task.completed, task.result_recorded: inside the change's transaction. */
export function emitTaskEvent(tx: Db, change: TaskChange) {
  return emitWebhookEvent(tx, {
    orgId: change.orgId,
    type: `task.${change.change}`,
    data: change.dto,
    now: change.now,
  });
}
