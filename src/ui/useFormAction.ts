import type { UseFormReturnType } from '@mantine/form';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showCallError } from './forms';

/**
 * The busy flag and the error line every form shows while it sends: a backend
 * VALIDATION error lands under its field, anything else above the buttons.
 */
export function useFormAction<Values extends object>(form: UseFormReturnType<Values>) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (action: () => Promise<void>) => {
      setBusy(true);
      setError(null);
      try {
        await action();
      } catch (caught) {
        setError(showCallError(form, t, caught));
      } finally {
        setBusy(false);
      }
    },
    [form, t],
  );
  return { busy, error, setError, run };
}
