/** Errors are data: services throw these, one handler turns them into `{ code, message, fields? }`. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const validationError = (fields: Record<string, string>, message = 'Invalid input') =>
  new AppError(400, 'validation', message, fields);

export const unauthorized = (code = 'unauthorized', message = 'Please log in') =>
  new AppError(401, code, message);

export const forbidden = (message = 'You do not have permission to do this') =>
  new AppError(403, 'forbidden', message);

export const notFound = (what = 'Record') => new AppError(404, 'not_found', `${what} not found`);

export const conflict = (code: string, message: string, fields?: Record<string, string>) =>
  new AppError(409, code, message, fields);

export const ruleBroken = (code: string, message: string, fields?: Record<string, string>) =>
  new AppError(422, code, message, fields);

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
