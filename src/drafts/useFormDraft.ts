import type { UseFormReturnType } from '@mantine/form';
import { useEffect, useState } from 'react';
import { call } from '../api/client';
import { registerDraftSource, takePendingDraft } from './registry';

/**
 * Keeps an open form's unsaved text safe across a lock: registered while the
 * form is open, restored when it opens again after the same user unlocks.
 * Returns whether a draft was restored, so the form can say so.
 */
export function useFormDraft<Values extends object>(
  form: UseFormReturnType<Values>,
  formKey: string,
  area: string,
  opened: boolean,
): boolean {
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    if (!opened) return undefined;
    const draft = takePendingDraft<Values>(formKey);
    if (draft) {
      form.setValues(draft);
      setRestored(true);
      void call('drafts.discard', { formKey }).catch(() => undefined);
    } else {
      setRestored(false);
    }
    return registerDraftSource({ formKey, area, read: () => (form.isDirty() ? form.getValues() : null) });
    // The form object is stable for the component's life; re-run only when the form opens or changes record.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, formKey, area]);

  return restored;
}
