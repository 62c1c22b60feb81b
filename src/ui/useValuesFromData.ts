import type { UseFormReturnType } from '@mantine/form';
import { useEffect, useRef, useState } from 'react';
import { keepEdits } from './forms';

/**
 * Fills a form from its loaded record without racing the person typing. The form is built from
 * each new version of the data once; a refetch with the same content changes nothing, and a
 * newer version changes only the fields the person has not touched (a draft restored before
 * the data came counts as touched). `recordKey` names the record: when it changes (a dialog
 * opened on another row, or closed with null), the form starts again from its empty values.
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
    const sameRecord = filledWith.current?.key === recordKey;
    if (!sameRecord) {
      filledWith.current = { key: recordKey, values: empty };
      form.setInitialValues(empty);
      form.setValues(empty);
    }
    if (recordKey === null || data == null) return;
    const previous = filledWith.current!.values;
    const next = toValues(data);
    if (JSON.stringify(previous) === JSON.stringify(next) && sameRecord) return;
    const current = sameRecord ? form.getValues() : empty;
    filledWith.current = { key: recordKey, values: next };
    form.setInitialValues(next);
    form.setValues(keepEdits(previous, next, current));
    // toValues is a mapping the caller writes inline; the data and the record are what change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, recordKey]);

  return data != null;
}
