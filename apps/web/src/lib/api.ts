import type {
  ApiError as ApiErrorBody,
  ErrorCode,
  ErrorParams,
  FieldErrorCode,
} from '@spotter/contracts';

/** Codes the browser gives an error itself: no answer at all, or one without our body. */
export type ApiErrorCode = ErrorCode | 'network' | `http_${number}`;

/** An answer from the API that was not 2xx, carrying the `{ code, message, fields }` body. */
export class ApiError extends Error {
  /** Field path → the server's English message (shown only when the UI has no text). */
  readonly fields: Record<string, string>;
  /** Field path → what is wrong, for the UI to say in the user's language. */
  readonly fieldCodes: Record<string, FieldErrorCode>;
  readonly fieldParams: Record<string, ErrorParams>;
  readonly params: ErrorParams;

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    body: Partial<ApiErrorBody> = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
    this.fields = body.fields ?? {};
    this.fieldCodes = body.fieldCodes ?? {};
    this.fieldParams = body.fieldParams ?? {};
    this.params = body.params ?? {};
  }
}

export const isApiError = (e: unknown, code?: ApiErrorCode): e is ApiError =>
  e instanceof ApiError && (code === undefined || e.code === code);

export const networkError = () => new ApiError(0, 'network', 'The server could not be reached');

/** The error of a non-2xx answer, from its status, `retry-after` and parsed JSON body. */
export function apiErrorOf(res: Response, data: unknown): ApiError {
  const body = (data ?? {}) as Partial<ApiErrorBody>;
  const retry = Number(res.headers.get('retry-after'));
  return new ApiError(
    res.status,
    body.code ?? `http_${res.status}`,
    body.message ?? res.statusText,
    body,
    Number.isFinite(retry) && retry > 0 ? retry : undefined,
  );
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw networkError();
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) throw apiErrorOf(res, data);
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
