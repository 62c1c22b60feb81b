import type { UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { issueToError } from '../contract';
import { errorText, payloadOf, validationText } from './errors';
import { focusField } from './useAppForm';

type AnyT = TFunction<'translation', undefined>;

/**
 * Validates a form with the same zod schema the backend uses, so the message
 * under a field before sending is the one the backend would give after.
 */
export function contractValidator<Values>(
  schema: z.ZodType,
  t: AnyT,
  toInput: (values: Values) => unknown = (values) => values,
  extra?: (values: Values) => Record<string, string | null>,
) {
  return (values: Values): Record<string, string> => {
    const errors: Record<string, string> = {};
    const parsed = schema.safeParse(toInput(values));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const payload = issueToError(issue);
        const field = payload.field ?? 'input';
        errors[field] ??= validationText(t, payload);
      }
    }
    for (const [field, message] of Object.entries(extra?.(values) ?? {})) {
      if (message) errors[field] ??= message;
    }
    return errors;
  };
}

/**
 * Puts a backend error under its field when the form has that field, and takes the person there;
 * otherwise returns the text for a message above the form.
 */
export function showCallError<Values extends object>(
  form: UseFormReturnType<Values>,
  t: AnyT,
  error: unknown,
): string | null {
  const payload = payloadOf(error);
  const field = payload.field;
  if (payload.code === 'VALIDATION' && field && field in form.getValues()) {
    form.setFieldError(field as Parameters<typeof form.setFieldError>[0], validationText(t, payload));
    requestAnimationFrame(() => focusField(form.getInputNode(field)));
    return null;
  }
  return errorText(t, error);
}
