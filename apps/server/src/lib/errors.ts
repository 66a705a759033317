import type { ApiError, ErrorCode, ErrorParams, FieldErrorCode } from '@spotter/contracts';

/** One field's problem: a code the UI translates, English for API users, and its values. */
export interface FieldError {
  code: FieldErrorCode;
  message: string;
  params?: ErrorParams;
}

/** Field path ("owner.email") → its problem, collected so one answer names every wrong field. */
export type FieldErrors = Record<string, FieldError>;

export const fieldError = (
  code: FieldErrorCode,
  message: string,
  params?: ErrorParams,
): FieldError => (params ? { code, message, params } : { code, message });

/** Errors are data: services throw these, one handler turns them into `{ code, message, fields? }`. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldErrors,
    readonly extra: { params?: ErrorParams; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }

  /** The answer's body (decision 0008): messages in `fields`, their codes beside them. */
  toBody(): ApiError {
    const body: ApiError = { code: this.code, message: this.message };
    if (this.fields) {
      const entries = Object.entries(this.fields);
      body.fields = Object.fromEntries(entries.map(([k, f]) => [k, f.message]));
      body.fieldCodes = Object.fromEntries(entries.map(([k, f]) => [k, f.code]));
      const withParams = entries.filter(([, f]) => f.params);
      if (withParams.length > 0) {
        body.fieldParams = Object.fromEntries(withParams.map(([k, f]) => [k, f.params!]));
      }
    }
    if (this.extra.params) body.params = this.extra.params;
    return body;
  }
}

export const validationError = (fields: FieldErrors, message = 'Invalid input') =>
  new AppError(400, 'validation', message, fields);

/** Throws a 400 naming every collected field, if there are any. */
export function throwIfAny(errors: FieldErrors, message?: string) {
  if (Object.keys(errors).length > 0) throw validationError(errors, message);
}

/** A 400 about one field. */
export const fieldInvalid = (
  field: string,
  code: FieldErrorCode,
  message: string,
  params?: ErrorParams,
) => validationError({ [field]: fieldError(code, message, params) });

export const unauthorized = (
  code: Extract<
    ErrorCode,
    'unauthorized' | 'invalid_credentials' | 'invalid_token' | 'session_required'
  > = 'unauthorized',
  message = 'Please log in',
) => new AppError(401, code, message);

export const forbidden = (message = 'You do not have permission to do this') =>
  new AppError(403, 'forbidden', message);

export const notFound = (what = 'Record') => new AppError(404, 'not_found', `${what} not found`);

export const conflict = (
  code: ErrorCode,
  message: string,
  fields?: FieldErrors,
  params?: ErrorParams,
) => new AppError(409, code, message, fields, { params });

export const ruleBroken = (code: ErrorCode, message: string, fields?: FieldErrors) =>
  new AppError(422, code, message, fields);

/**
 * A save carrying a stale `version`: the UI offers to reload or overwrite (habit 5).
 * `current` is the version now stored, when the record has one the caller can name.
 */
export const versionConflict = (current: number | null, what = 'this record') =>
  conflict(
    'version_conflict',
    `Someone else saved ${what} in the meantime` +
      (current === null ? '' : ` (current version ${current})`),
    undefined,
    current === null ? undefined : { version: current },
  );

/** 409 `name_taken` naming the field `name`; `what` starts the sentence ("A branch"). */
export function nameTaken(what: string) {
  const message = `${what} with this name already exists`;
  return conflict('name_taken', message, { name: fieldError('taken', message) });
}

/** Runs `work`, turning a unique violation (the name's index) into `nameTaken(what)`. */
export async function catchNameTaken<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(what);
    throw err;
  }
}

/** 409 `email_taken` naming the email field of the request. */
export const emailTaken = (message: string, field = 'email', fieldMessage = message) =>
  conflict('email_taken', message, { [field]: fieldError('taken', fieldMessage) });

/**
 * The same error with its field paths renamed, for a check whose fields sit elsewhere in the
 * request (a nested object, a bulk body); other errors come back as they are.
 */
export function renameFields(err: unknown, rename: (key: string) => string): unknown {
  if (!(err instanceof AppError) || !err.fields) return err;
  const fields = Object.fromEntries(Object.entries(err.fields).map(([k, f]) => [rename(k), f]));
  return new AppError(err.status, err.code, err.message, fields, err.extra);
}

/** Postgres unique_violation, as thrown by both pg and PGlite. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = findPgError(err);
  if (!e || e.code !== '23505') return false;
  return constraint === undefined || e.constraint === constraint;
}

/** The SQLSTATE of a database error, as thrown by pg or PGlite (possibly wrapped by Drizzle). */
export function pgErrorCode(err: unknown): string | undefined {
  const code = findPgError(err)?.code;
  return code && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

function findPgError(err: unknown): { code?: string; constraint?: string } | undefined {
  let cur: unknown = err;
  for (let depth = 0; depth < 4 && cur && typeof cur === 'object'; depth++) {
    const c = cur as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof c.code === 'string') {
      return {
        code: c.code,
        constraint: typeof c.constraint === 'string' ? c.constraint : undefined,
      };
    }
    cur = c.cause;
  }
  return undefined;
}
