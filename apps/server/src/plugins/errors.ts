import { fieldErrorOfIssue, type ErrorCode } from '@spotter/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import {
  AppError,
  fieldError,
  notFound,
  pgErrorCode,
  validationError,
  type FieldErrors,
} from '../lib/errors.ts';

/**
 * Input PostgreSQL itself refuses (a NUL character in text, an out-of-range date or number)
 * is the caller's mistake, not ours: 400, never 500.
 */
const PG_BAD_INPUT = new Set(['22021', '22P05', '22007', '22008', '22003', '22P02']);

/** "/owner/email" → "owner.email"; query and params errors keep their plain names. */
function fieldPath(instancePath: string): string {
  return instancePath.replace(/^\//, '').replaceAll('/', '.') || '_';
}

type ValidationItem = {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
};

/** The value a validation issue is about, so "missing" and "of the wrong type" differ. */
function inputAt(req: FastifyRequest, context: string | undefined, instancePath: string): unknown {
  const sources: Record<string, unknown> = {
    body: req.body,
    querystring: req.query,
    params: req.params,
    headers: req.headers,
  };
  let cur = sources[context ?? 'body'];
  for (const key of instancePath.split('/').filter(Boolean)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** zod's issues as our field errors: its English message, our code (decision 0008). */
function zodFieldErrors(req: FastifyRequest, err: FastifyError, validation: ValidationItem[]) {
  const fields: FieldErrors = {};
  for (const v of validation) {
    const base = fieldPath(v.instancePath);
    if (v.keyword === 'unrecognized_keys') {
      const keys = v.params.keys;
      for (const key of Array.isArray(keys) ? keys.map(String) : []) {
        fields[base === '_' ? key : `${base}.${key}`] = fieldError(
          'unknown_field',
          'Unknown field',
        );
      }
      continue;
    }
    const input = inputAt(req, err.validationContext, v.instancePath);
    const { code, params } = fieldErrorOfIssue({ ...v.params, code: v.keyword, input });
    fields[base] ??= fieldError(code, v.message ?? 'Invalid value', params);
  }
  return fields;
}

const send = (reply: FastifyReply, err: AppError) => {
  if (err.extra.headers) void reply.headers(err.extra.headers);
  return reply.code(err.status).send(err.toBody());
};

/** One handler for every error: `{ code, message, fields? }`, never a stack trace. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return send(reply, err);
    if (hasZodFastifySchemaValidationErrors(err)) {
      // A path names a record; a malformed id (`/api/tasks/abc`) names none, so it is not
      // found, like any other id the caller may not see (decision 0008).
      if (err.validationContext === 'params') return send(reply, notFound());
      return send(reply, validationError(zodFieldErrors(req, err, err.validation)));
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
      return send(reply, internal());
    }
    const pgCode = pgErrorCode(err);
    if (pgCode && PG_BAD_INPUT.has(pgCode)) {
      req.log.warn({ err }, 'input refused by the database');
      return send(reply, new AppError(400, 'validation', 'Invalid characters or value'));
    }
    const status = err.statusCode ?? 500;
    if (status >= 500) {
      req.log.error({ err }, 'request failed');
      return send(reply, internal());
    }
    return send(reply, new AppError(status, frameworkCode(err, status), err.message));
  });
}

const internal = () => new AppError(500, 'internal', 'Something went wrong');

/** Errors Fastify raises itself (a body too large, a media type it cannot parse). */
function frameworkCode(err: FastifyError, status: number): ErrorCode {
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'payload_too_large';
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'unsupported_media_type';
  return status === 429 ? 'rate_limited' : 'bad_request';
}
