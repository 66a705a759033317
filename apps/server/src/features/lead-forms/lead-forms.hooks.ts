import type { Db } from '../../db/client.ts';
import { Hook } from '../../lib/hooks.ts';

export interface LeadFormSubmission {
  orgId: string;
  formId: string;
  submissionId: string;
  contactId: string;
  /** Whether the submission created the person (else it matched one by phone or email). */
  created: boolean;
  taskId: string | null;
  submittedAt: Date;
}

/**
 * A website visitor's submission was accepted and recorded; runs inside the transaction that
 * recorded it (`recordSubmission`), so a reaction (a `lead_form.submitted` webhook) is queued
 * only when the submission is really kept.
 */
export const leadFormSubmitted = new Hook<[tx: Db, submission: LeadFormSubmission]>(
  'leadFormSubmitted',
);
