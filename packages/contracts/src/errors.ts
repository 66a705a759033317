import { z } from 'zod';
import { FIELD_ERROR_CODES } from './field-errors.ts';

export {
  coded,
  fieldErrorOfIssue,
  isFieldErrorCode,
  type FieldErrorCode,
  type IssueLike,
} from './field-errors.ts';

/**
 * Every `code` an API error answers with (CONVENTIONS.md habit 4). Clients branch on these,
 * never on the English `message`; adding a code here is how a new error becomes possible.
 */
export const ERROR_CODES = [
  // 400: the request itself is wrong
  'validation',
  'bad_request',
  'wrong_password',
  /** The two-step code (or recovery code) is not right: the field `code` says so. */
  'wrong_code',
  'empty_file',
  'no_header',
  'too_many_rows',
  'not_text',
  /** An event of a type (or a version of it) Spotter does not know: the field `type` says which. */
  'unknown_event_type',
  // 401: who is asking is unknown
  'unauthorized',
  'invalid_credentials',
  'invalid_token',
  'session_required',
  /** The code step came too late, or without its password step: log in again. */
  'login_expired',
  /**
   * A club system's delivery whose signature does not verify: wrong or rotated-out secret, a
   * changed body, a timestamp more than 5 minutes off, or no such source (never says which).
   */
  'invalid_signature',
  // 403: known, but not allowed
  'forbidden',
  'cross_site',
  'password_change_required',
  /** The organization requires two-step for this role: set it up before anything else. */
  'two_step_setup_required',
  'signup_closed',
  'backup_shared_database',
  // 404
  'not_found',
  // 409: the data changed or already exists
  'version_conflict',
  'name_taken',
  'email_taken',
  /** Open signup refused the details, without saying why (an email with an account). */
  'signup_refused',
  'in_use',
  /** The two persons are already guardian and child (issue 17): the field `personId` says so. */
  'relation_exists',
  'already_set_up',
  'already_completed',
  /** Undoing a result of a task that is open (someone reopened it meanwhile). */
  'not_completed',
  /** A deleted task cannot come back: its round or its person is gone for good since. */
  'cannot_restore',
  /** Another staff member has the task in work: `params.userId` and `params.name` say who. */
  'task_taken',
  'already_imported',
  'import_running',
  'job_not_failed',
  'two_step_enabled',
  'two_step_not_enabled',
  // 413, 415, 429
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  // 422: a business rule refuses it
  'self_change',
  'last_owner',
  'no_call_template',
  'needs_user',
  'not_droppable',
  /** Moving a group under itself or one of its own sub-groups (U-4). */
  'group_cycle',
  /**
   * A guardian ↔ child link that cannot be (issue 17): a company, a person in the trash, the
   * person themself, or the reverse of an existing link; the field `personId` says which.
   */
  'relation_not_allowed',
  /** Restoring a group whose parent is archived: restore or change the parent first. */
  'parent_archived',
  /** A user whose role the CRM settings do not allow as responsible or deal owner (U-2). */
  'responsible_role',
  'default_template',
  /** The organization requires two-step for this role, so it cannot be turned off. */
  'two_step_required',
  /** Undoing someone else's result: reopen the task instead. */
  'not_yours',
  /** Archiving or deleting the only pipeline left: deals need one. */
  'last_pipeline',
  /** A pipeline keeps at least one open stage, where new deals start. */
  'last_open_stage',
  /** Sending mail before the sending settings are saved. */
  'mail_not_configured',
  /** The SMTP server refused or could not be reached: `params.response` is what it said. */
  'smtp_failed',
  /** The SMS gateway refused or could not be reached: `params.response` is what it said. */
  'sms_failed',
  /** Sending SMS before the gateway is set up. */
  'sms_not_configured',
  /**
   * A message to a person with no address on that channel (no email for an email, no mobile
   * number for an SMS): the field (`email`, `phone`) says which.
   */
  'no_address',
  /** A campaign in a state that does not allow this (sending a sent one, editing a running one). */
  'campaign_state',
  // 500: ours, never with details
  'internal',
  // 501: this installation cannot do it (a backup download on PostgreSQL: use pg_dump)
  'backup_not_embedded',
  /** An organization has as many webhook endpoints as it may (20). */
  'too_many_endpoints',
  /** An organization has as many mail templates as it may (500). */
  'too_many_templates',
] as const;
export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export { FIELD_ERROR_CODES };
export const fieldErrorCodeSchema = z.enum(FIELD_ERROR_CODES);

/** A problem in one row of an imported file; the UI translates it with its `params`. */
export const IMPORT_ROW_ERROR_CODES = [
  'invalid_email',
  'invalid_phone',
  'invalid_date',
  'future_birth_date',
  'not_number',
  'not_yes_no',
  'too_long',
  'unknown_status',
  'unknown_staff',
  'unknown_branch',
  'unknown_source',
  'unknown_industry',
  'unknown_category',
  'unknown_company',
  'category_not_for_person',
  'category_not_for_company',
  'tag_not_for_person',
  'tag_not_for_company',
  'tag_too_long',
  'custom_not_number',
  'custom_invalid_date',
  'custom_unknown_option',
  'custom_too_long',
  'custom_invalid',
  'no_identity',
  'no_company_name',
  'duplicate_skipped',
  'duplicate_updated',
] as const;
export const importRowErrorCodeSchema = z.enum(IMPORT_ROW_ERROR_CODES);
export type ImportRowErrorCode = z.infer<typeof importRowErrorCodeSchema>;

/** Values a message names (a maximum length, a count), for the UI to put into its own text. */
export const errorParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type ErrorParams = z.infer<typeof errorParamsSchema>;

/** Every error the API sends has this shape (CONVENTIONS.md habit 4; decision 0008). */
export const errorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** Field path ("owner.email") → what is wrong with it, in English. */
  fields: z.record(z.string(), z.string()).optional(),
  /** The same keys as `fields`, each with its code. */
  fieldCodes: z.record(z.string(), fieldErrorCodeSchema).optional(),
  /** Only for the fields whose message names values. */
  fieldParams: z.record(z.string(), errorParamsSchema).optional(),
  /** Values the message names, such as how many records still use an entry. */
  params: errorParamsSchema.optional(),
});
export type ApiError = z.infer<typeof errorSchema>;
