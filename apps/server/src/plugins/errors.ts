import type { FastifyError, FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { AppError, pgErrorCode } from '../lib/errors.ts';

/**
 * Input PostgreSQL itself refuses (a NUL character in text, an out-of-range date or number)
 * is the caller's mistake, not ours: 400, never 500.
 */
const PG_BAD_INPUT = new Set(['22021', '22P05', '22007', '22008', '22003', '22P02']);

/** "/owner/email" → "owner.email"; query and params errors keep their plain names. */
function fieldPath(instancePath: string): string {
  return instancePath.replace(/^\//, '').replaceAll('/', '.') || '_';
}

/** One handler for every error: `{ code, message, fields? }`, never a stack trace. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      if (err.headers) void reply.headers(err.headers);
      return reply.code(err.status).send({
        code: err.code,
        message: err.message,
        ...(err.fields && { fields: err.fields }),
      });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: Record<string, string> = {};
      for (const v of err.validation) {
        if (v.keyword === 'unrecognized_keys') {
          const keys = (v.params as { keys?: unknown }).keys;
          for (const key of Array.isArray(keys) ? keys.map(String) : []) {
            const base = fieldPath(v.instancePath);
            fields[base === '_' ? key : `${base}.${key}`] = 'Unknown field';
          }
          continue;
        }
        fields[fieldPath(v.instancePath)] ??= v.message ?? 'Invalid value';
      }
      return reply.code(400).send({ code: 'validation', message: 'Invalid input', fields });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
      return reply.code(500).send({ code: 'internal', message: 'Something went wrong' });
    }
    const pgCode = pgErrorCode(err);
    if (pgCode && PG_BAD_INPUT.has(pgCode)) {
      req.log.warn({ err }, 'input refused by the database');
      return reply.code(400).send({ code: 'validation', message: 'Invalid characters or value' });
    }
    const status = err.statusCode ?? 500;
    if (status >= 500) {
      req.log.error({ err }, 'request failed');
      return reply.code(500).send({ code: 'internal', message: 'Something went wrong' });
    }
    const code =
      err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 'payload_too_large'
        : err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'unsupported_media_type'
          : status === 429
            ? 'rate_limited'
            : 'bad_request';
    return reply.code(status).send({ code, message: err.message });
  });
}
