import type { UseFormReturnType } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import { keepEdits } from './keepEdits';

/**
 * Fills a form from its loaded record without racing the person typing. The form is built from
 * each new version of the data once; a refetch with the same content changes nothing, and a
 * newer version changes only the fields the person has not touched (a draft restored before
 * the data came counts as touched). `recordKey` names the record: when it changes (a dialog
 * opened on another row, or opened again), the form is built again from that record; null (a
 * closed dialog) leaves the fields as they are, so they do not blank while it fades out.
 *
 * Returns whether the data has arrived: until it has, the form's fields stay disabled
 * (`LoadingFieldset`), so nothing is typed over values about to appear.
 */
export function useValuesFromData<Values extends object, Data>(
  form: UseFormReturnType<Values>,
  data: Data | null | undefined,
  toValues: (data: Data) => Values,
  recordKey: string | number | null = 'record',
): boolean {
  const [empty] = useState(() => form.getValues());
  const filledWith = useRef<{ key: string | number | null; values: Values } | null>(null);

  useEffect(() => {
    if (recordKey === null) {
      // Closed: opened again, even on the same record, the form starts from the record.
      filledWith.current = null;
      return;
    }
    const sameRecord = filledWith.current?.key === recordKey;
    if (data == null) {
      // Another record's values must not sit in a form still waiting for this one's.
      if (!sameRecord) {
        filledWith.current = { key: recordKey, values: empty };
        form.setInitialValues(empty);
        form.setValues(empty);
      }
      return;
    }
    const previous = sameRecord ? filledWith.current!.values : empty;
    const next = toValues(data);
    if (sameRecord && JSON.stringify(previous) === JSON.stringify(next)) return;
    filledWith.current = { key: recordKey, values: next };
    form.setInitialValues(next);
    form.setValues(sameRecord ? keepEdits(previous, next, form.getValues()) : next);
    // toValues is a mapping the caller writes inline; the data and the record are what change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, recordKey]);

  return data != null;
}

/**
 * The same for a dialog whose record its page has already loaded: built from `values()` each
 * time it opens, and from a newer version of the record only where the person has typed nothing.
 */
export function useDialogValues<Values extends object>(
  form: UseFormReturnType<Values>,
  opened: boolean,
  recordKey: string | number,
  values: () => Values,
): void {
  useValuesFromData(form, opened ? values : null, (current) => current(), opened ? recordKey : null);
}
