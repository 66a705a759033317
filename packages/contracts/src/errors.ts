import { z } from 'zod';

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
  'default_template',
  /** The organization requires two-step for this role, so it cannot be turned off. */
  'two_step_required',
  /** Undoing someone else's result: reopen the task instead. */
  'not_yours',
  // 500: ours, never with details
  'internal',
  // 501: this installation cannot do it (a backup download on PostgreSQL: use pg_dump)
  'backup_not_embedded',
] as const;
export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/**
 * What is wrong with one field of a request. The UI says it in the user's language from the
 * code (and `fieldParams`); the English message beside it is for API users.
 */
export const FIELD_ERROR_CODES = [
  'required',
  'invalid',
  'invalid_format',
  'invalid_email',
  'invalid_phone',
  'invalid_date',
  'invalid_number',
  'invalid_option',
  'invalid_characters',
  'too_short',
  'too_long',
  'too_small',
  'too_large',
  'too_few',
  'too_many',
  /** A key the schema does not have. */
  'unknown_field',
  /** An id (or a column, a name) that does not exist in this organization. */
  'unknown_reference',
  'archived',
  'deactivated',
  /** A reference to a record of the wrong kind or type (a company where a person is needed). */
  'wrong_kind',
  /** The value is fine, but not in this combination (a private task that is not internal). */
  'not_allowed',
  /** The same id, name or label twice in one list. */
  'duplicate',
  /** Already used by another record (a name, an email): the UI picks its text by the field. */
  'taken',
  /** Still used by other records (`count`). */
  'in_use',
  /** The same record on both sides (merging a record with itself). */
  'same_record',
  /** The end of a range (a working day) that does not come after its start. */
  'before_start',
  'identify_required',
  'password_common',
  'password_same',
  'password_wrong',
  /** A two-step or recovery code that is not right (or was already used). */
  'code_wrong',
  'unknown_timezone',
  'unknown_currency',
] as const;
export const fieldErrorCodeSchema = z.enum(FIELD_ERROR_CODES);
export type FieldErrorCode = z.infer<typeof fieldErrorCodeSchema>;

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

export const isFieldErrorCode = (value: unknown): value is FieldErrorCode =>
  fieldErrorCodeSchema.safeParse(value).success;

/**
 * The options of a `.refine()` whose failure has a code of its own: zod reports it as a
 * `custom` issue carrying `params.code`, which `fieldErrorOfIssue` reads.
 */
export const coded = (code: FieldErrorCode, message: string) => ({ message, params: { code } });

/** The parts of a zod issue the mapping reads (zod's own issues, or fastify's copies of them). */
export interface IssueLike {
  code: string;
  origin?: unknown;
  format?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  params?: unknown;
  /** The value that failed; treated as given when the key is present. */
  input?: unknown;
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

/** A zod issue as a field error code with its params: one mapping for server and browser. */
export function fieldErrorOfIssue(issue: IssueLike): {
  code: FieldErrorCode;
  params?: ErrorParams;
} {
  const origin = String(issue.origin ?? '');
  const min = Number(issue.minimum);
  const max = Number(issue.maximum);
  switch (issue.code) {
    case 'invalid_type':
      return { code: 'input' in issue && !isEmpty(issue.input) ? 'invalid' : 'required' };
    case 'too_small':
      if (origin === 'string')
        return min <= 1 ? { code: 'required' } : { code: 'too_short', params: { min } };
      if (origin === 'array' || origin === 'set') {
        return min <= 1 ? { code: 'required' } : { code: 'too_few', params: { min } };
      }
      return { code: 'too_small', params: { min } };
    case 'too_big':
      if (origin === 'string') return { code: 'too_long', params: { max } };
      if (origin === 'array' || origin === 'set') return { code: 'too_many', params: { max } };
      return { code: 'too_large', params: { max } };
    case 'invalid_format':
      if (issue.format === 'email') return { code: 'invalid_email' };
      if (issue.format === 'date' || issue.format === 'datetime') return { code: 'invalid_date' };
      return { code: 'invalid_format' };
    case 'invalid_value':
    case 'invalid_union':
      return { code: 'invalid_option' };
    case 'unrecognized_keys':
      return { code: 'unknown_field' };
    case 'custom': {
      const own = (issue.params as { code?: unknown } | undefined)?.code;
      return { code: isFieldErrorCode(own) ? own : 'invalid' };
    }
    default:
      return { code: 'invalid' };
  }
}
