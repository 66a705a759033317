import type { Db } from '../../db/client.ts';
import { findContact, toContactDtos, type ContactChange } from '../contacts/index.ts';
import type { LeadFormSubmission } from '../lead-forms/index.ts';
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

/** lead_form.submitted: the submission, with its person as the API returns it. */
export function emitLeadFormEvent(tx: Db, s: LeadFormSubmission) {
  return emitWebhookEvent(tx, {
    orgId: s.orgId,
    type: 'lead_form.submitted',
    now: s.submittedAt,
    data: async () => {
      const row = await findContact(tx, s.orgId, 'person', s.contactId);
      const [person] = row ? await toContactDtos(tx, s.orgId, [row]) : [];
      return {
        id: s.submissionId,
        formId: s.formId,
        submittedAt: s.submittedAt.toISOString(),
        personCreated: s.created,
        taskId: s.taskId,
        person: person ?? null,
      };
    },
  });
}
