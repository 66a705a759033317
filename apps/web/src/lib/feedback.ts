import { notifications } from '@mantine/notifications';
import { ApiError } from './api.ts';
import { errorMessage, serverFieldErrors } from './validation.ts';

export type SetErrors = (errors: Record<string, string>) => void;

/** Problems with a field go next to it (keeping what was typed); anything else to a notification. */
export function showFailure(err: unknown, setErrors?: SetErrors) {
  const fields = serverFieldErrors(err);
  if (setErrors && Object.keys(fields).length > 0) setErrors(fields);
  else notifications.show({ color: 'red', message: errorMessage(err) });
}

export const notifySaved = (message: string) => notifications.show({ color: 'teal', message });

/** How many records a 409 `in_use` answer says still use the entry (its `params.count`). */
export function inUseCount(err: unknown): number | undefined {
  if (!(err instanceof ApiError) || err.code !== 'in_use') return undefined;
  const n = Number(err.params.count);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/**
 * Mutation callbacks for a confirm dialog: either way `close` it first, then report `success`
 * (given the server's answer) or hand the error to `failure` (a notification unless told otherwise).
 */
export const closeThen = <R = unknown>(
  close: () => void,
  success: (answer: R) => void,
  failure: (err: unknown) => void = (err) => showFailure(err),
) => ({
  onSuccess: (answer: R) => {
    close();
    success(answer);
  },
  onError: (err: unknown) => {
    close();
    failure(err);
  },
});
