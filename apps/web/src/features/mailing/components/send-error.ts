import { isApiError } from '../../../lib/api.ts';
import { errorMessage } from '../../../lib/validation.ts';

/** What went wrong, with the mail server's or gateway's own words when it answered. */
export function sendErrorText(err: unknown): string {
  const text = errorMessage(err);
  if (isApiError(err, 'smtp_failed') || isApiError(err, 'sms_failed')) {
    const response = err.params.response;
    if (typeof response === 'string' && response) return `${text} ${response}`;
  }
  return text;
}
