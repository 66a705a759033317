export { leadForms, leadFormSubmissions } from './lead-forms.table.ts';
/** A submission was recorded (inside its transaction): a reaction such as a webhook subscribes. */
export { leadFormSubmitted, type LeadFormSubmission } from './lead-forms.hooks.ts';
/** The board's speed to lead: `waitingSinceSql(orgId, contactIdSql)` for its one statement. */
export { waitingSinceSql } from './submissions.repo.ts';
export type { LeadFormLimits } from './spam.ts';
