/**
 * Field error codes and the mapping of a zod issue to one, without zod itself: the web says
 * every form error in the user's language with these from its first download, the login page
 * included, which should not build zod's full API for them (decision 0023). Re-exported from
 * errors.ts, where the API's error schemas use them.
 */

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
  /** A `{{ name }}` in a mail template that is not one of MAIL_PLACEHOLDERS: `params.names`. */
  'unknown_placeholder',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** Values a message names (errors.ts: `ErrorParams`). */
type ErrorParams = Record<string, string | number>;

const fieldErrorCodes: ReadonlySet<unknown> = new Set(FIELD_ERROR_CODES);
export const isFieldErrorCode = (value: unknown): value is FieldErrorCode =>
  fieldErrorCodes.has(value);

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
