import { z } from 'zod';
import { i18n } from './i18n.ts';
import { ApiError } from './api.ts';

/**
 * The contracts' zod schemas validate forms in the browser too; this turns zod's issues into
 * messages in the user's language instead of zod's English ones.
 */
export function installZodMessages() {
  z.config({
    customError: (issue) => {
      const t = i18n.t.bind(i18n);
      switch (issue.code) {
        case 'too_small':
          if (issue.origin === 'string') {
            return Number(issue.minimum) <= 1
              ? t('common:validation.required')
              : t('common:validation.minLength', { count: Number(issue.minimum) });
          }
          return t('common:validation.required');
        case 'too_big':
          return issue.origin === 'string'
            ? t('common:validation.maxLength', { count: Number(issue.maximum) })
            : t('common:validation.invalid');
        case 'invalid_format':
          return issue.format === 'email'
            ? t('common:validation.email')
            : t('common:validation.invalid');
        case 'invalid_type':
          return issue.input === undefined || issue.input === null || issue.input === ''
            ? t('common:validation.required')
            : t('common:validation.invalid');
        default:
          return t('common:validation.invalid');
      }
    },
  });
}

/** The server's English field messages that the UI knows how to say in every language. */
const KNOWN_FIELD_MESSAGES: Record<string, string> = {
  'This password is too common; choose another': 'common:validation.passwordCommon',
  'Choose a password different from the current one': 'common:validation.passwordSame',
  'The current password is not correct': 'common:validation.passwordWrong',
  'Unknown time zone': 'common:validation.timezone',
  'Unknown currency code': 'common:validation.currency',
};

/** Codes of conflicts whose fields get a message of their own. */
const CODE_FIELD_MESSAGES: Record<string, string> = {
  email_taken: 'common:validation.emailTaken',
  name_taken: 'common:validation.nameTaken',
  wrong_password: 'common:validation.passwordWrong',
};

/** Field errors from a 400/409 answer, keyed by form path ("owner.email"), translated. */
export function serverFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.fields)) {
    const key = CODE_FIELD_MESSAGES[error.code] ?? KNOWN_FIELD_MESSAGES[message];
    out[field] = key ? i18n.t(key) : message;
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
