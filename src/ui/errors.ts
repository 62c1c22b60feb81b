import type { TFunction } from 'i18next';
import type { AppErrorPayload } from '../contract';
import { ApiError } from '../api/client';

type AnyT = TFunction<'translation', undefined>;

function fieldLabel(t: AnyT, field: string): string {
  const leaf = field.split('.').filter((part) => !/^\d+$/.test(part)).pop() ?? field;
  const key = `fields.${leaf}`;
  return t(key as never, { defaultValue: leaf }) as string;
}

/** One sentence for a VALIDATION error that names the field in the user's language. */
export function validationText(t: AnyT, error: AppErrorPayload): string {
  const field = error.field ?? 'input';
  const leaf = field.split('.').pop() ?? field;
  if (error.reason === 'invalid_format') {
    const specific = t(`validation.format.${leaf}` as never, { defaultValue: '' }) as string;
    if (specific) return specific;
  }
  const reason = error.reason ?? 'invalid';
  return t(`validation.${reason}` as never, {
    field: fieldLabel(t, field),
    ...(error.params ?? {}),
    defaultValue: t('validation.invalid', { field: fieldLabel(t, field) }),
  }) as string;
}

export function payloadOf(error: unknown): AppErrorPayload {
  if (error instanceof ApiError) return error.payload;
  return { code: 'INTERNAL', message: 'Unexpected error' };
}

/** What to show for any error from a call, in the user's language, without technical detail. */
export function errorText(t: AnyT, error: unknown): string {
  const payload = payloadOf(error);
  if (payload.reason === 'network') return t('errors.NETWORK');
  switch (payload.code) {
    case 'VALIDATION':
      return validationText(t, payload);
    case 'CONFLICT':
      return t(`conflict.${payload.reason ?? ''}` as never, { defaultValue: t('errors.CONFLICT') }) as string;
    case 'RATE_LIMITED':
      return t('errors.RATE_LIMITED', { retryAfterSeconds: payload.params?.retryAfterSeconds ?? 0 });
    default:
      return t(`errors.${payload.code}` as never) as string;
  }
}
