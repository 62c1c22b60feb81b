import type { AppErrorPayload, ErrorCode } from '../../src/contract';

/**
 * The one error type services throw on purpose. The dispatcher turns it into
 * `{ code, message }`; anything else becomes INTERNAL with no detail.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly reason: string | undefined;
  readonly params: Record<string, string | number> | undefined;

  constructor(payload: AppErrorPayload) {
    super(payload.message);
    this.name = 'AppError';
    this.code = payload.code;
    this.field = payload.field;
    this.reason = payload.reason;
    this.params = payload.params;
  }

  toPayload(): AppErrorPayload {
    const payload: AppErrorPayload = { code: this.code, message: this.message };
    if (this.field !== undefined) payload.field = this.field;
    if (this.reason !== undefined) payload.reason = this.reason;
    if (this.params !== undefined) payload.params = this.params;
    return payload;
  }
}

export const forbidden = (message = 'You are not allowed to do this.') => new AppError({ code: 'FORBIDDEN', message });

export const locked = (message = 'The vault is locked.') => new AppError({ code: 'LOCKED', message });

export const notFound = (what: string) => new AppError({ code: 'NOT_FOUND', message: `${what} was not found.`, reason: what });

export const conflict = (reason: string, message: string) => new AppError({ code: 'CONFLICT', message, reason });

export const staleEdit = () =>
  conflict('stale', 'Someone else changed this record after you opened it. Reload it and make your change again.');

export const invalidField = (field: string, reason: string, message: string, params?: Record<string, string | number>) =>
  new AppError({ code: 'VALIDATION', message: `${field}: ${message}`, field, reason, ...(params ? { params } : {}) });

export const wrongCredentials = () =>
  new AppError({ code: 'WRONG_CREDENTIALS', message: 'The username or password is not correct.' });
