/**
 * What crosses the boundary between renderer and backend: never a thrown error,
 * always a result (the way Signal Desktop's IPC does it). Errors carry a code the
 * renderer translates, and never a stack trace, SQL or personal data.
 */
export const errorCodes = [
  'VALIDATION',
  'FORBIDDEN',
  'LOCKED',
  'NOT_FOUND',
  'CONFLICT',
  'WRONG_CREDENTIALS',
  'RATE_LIMITED',
  'VAULT_TOO_NEW',
  'VAULT_DAMAGED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface AppErrorPayload {
  code: ErrorCode;
  /** Plain English, for logs and tests; the renderer shows its own translation. */
  message: string;
  /** For VALIDATION: the input field at fault, as a dotted path (`peers.0.fullName`). */
  field?: string;
  /** A finer reason the renderer can translate (`too_long`, `stale`, `last-coordinator`). */
  reason?: string;
  /** Numbers or words the translated message needs (`maximum`, `retryAfterSeconds`). */
  params?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorPayload };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: AppErrorPayload): Result<T> {
  return { ok: false, error };
}
