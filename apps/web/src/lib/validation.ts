import type { ErrorParams } from '@spotter/contracts';
import {
  fieldErrorOfIssue,
  isFieldErrorCode,
  type FieldErrorCode,
} from '@spotter/contracts/field-errors';
import * as z from 'zod/mini';
import { i18n } from './i18n.ts';
import { ApiError } from './api.ts';

/**
 * Each field error code's text (common namespace). Typed over every code, so a code added to
 * the contracts does not compile here until the UI can say it.
 */
const FIELD_ERROR_KEYS: Record<FieldErrorCode, string> = {
  required: 'validation.required',
  invalid: 'validation.invalid',
  invalid_format: 'validation.invalid',
  invalid_email: 'validation.email',
  invalid_phone: 'validation.phone',
  invalid_date: 'validation.date',
  invalid_number: 'validation.number',
  invalid_option: 'validation.option',
  invalid_characters: 'validation.characters',
  too_short: 'validation.minLength',
  too_long: 'validation.maxLength',
  too_small: 'validation.minValue',
  too_large: 'validation.maxValue',
  too_few: 'validation.minItems',
  too_many: 'validation.maxItems',
  unknown_field: 'validation.unknownField',
  unknown_reference: 'validation.unknownReference',
  archived: 'validation.archived',
  deactivated: 'validation.deactivated',
  wrong_kind: 'validation.wrongKind',
  not_allowed: 'validation.notAllowed',
  duplicate: 'validation.duplicate',
  taken: 'validation.taken',
  in_use: 'validation.inUse',
  same_record: 'validation.sameRecord',
  before_start: 'validation.beforeStart',
  identify_required: 'validation.identify',
  password_common: 'validation.passwordCommon',
  password_same: 'validation.passwordSame',
  password_wrong: 'validation.passwordWrong',
  code_wrong: 'validation.codeWrong',
  unknown_timezone: 'validation.timezone',
  unknown_currency: 'validation.currency',
  unknown_placeholder: 'validation.unknownPlaceholder',
};

/** A taken name or email says which; anything else taken says so plainly. */
const TAKEN_KEYS: Record<string, string> = {
  email: 'validation.emailTaken',
  name: 'validation.nameTaken',
};

export const fieldErrorKey = (code: FieldErrorCode, field?: string) =>
  `common:${(code === 'taken' && TAKEN_KEYS[field?.split('.').pop() ?? '']) || FIELD_ERROR_KEYS[code]}`;

/** One field's problem in the user's language; `field` is its path ("owner.email"). */
export function fieldErrorText(code: FieldErrorCode, params: ErrorParams = {}, field?: string) {
  const count = params.max ?? params.min ?? params.count;
  return i18n.t(fieldErrorKey(code, field), { ...params, ...(count !== undefined && { count }) });
}

/**
 * The contracts' zod schemas validate forms in the browser too; this says zod's issues in the
 * user's language, with the same texts as the server's field codes.
 */
export function installZodMessages() {
  z.config({
    customError: (issue) => {
      const { code, params } = fieldErrorOfIssue(issue);
      return fieldErrorText(code, params);
    },
  });
}

/**
 * A zod issue's message for a form: zod's own issues are already translated (above); a
 * refinement's fixed English message is replaced by the text of its code.
 */
export function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'custom') return issue.message;
  const code: unknown = issue.params?.code;
  return isFieldErrorCode(code) ? fieldErrorText(code) : issue.message;
}

/**
 * Field errors from a 400/409 answer, keyed by form path ("owner.email"), said by their code;
 * the server's English only for a field that came without one.
 */
export function serverFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.fields)) {
    const code = error.fieldCodes[field];
    out[field] = code ? fieldErrorText(code, error.fieldParams[field], field) : message;
  }
  return out;
}

/** A sentence for the whole error, for a notification or an alert above a form. */
export function errorMessage(error: unknown): string {
  const t = i18n.t.bind(i18n);
  if (!(error instanceof ApiError)) return t('common:errors.unexpected');
  if (error.status === 0) return t('common:errors.network');
  const key = `common:errors.codes.${error.code}`;
  if (i18n.exists(key)) return t(key);
  if (error.status === 400) return t('common:errors.validation');
  if (error.status === 403) return t('common:errors.forbidden');
  if (error.status === 404) return t('common:errors.notFound');
  if (error.status >= 500) return t('common:errors.server');
  return t('common:errors.unexpected');
}
