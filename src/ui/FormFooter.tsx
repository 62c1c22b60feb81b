import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from './FormError';

/**
 * The end of a form: the message of a failed call that names no field, then, in a dialog, its
 * Cancel (the dialog's guarded close, so typed text is asked about) and the submit button.
 */
export function FormFooter({ error, busy, submitLabel, onCancel }: { error: string | null; busy: boolean; submitLabel?: ReactNode; onCancel?: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <FormError error={error} />
      <Group justify={onCancel ? 'flex-end' : 'flex-start'} mt={onCancel ? 'sm' : undefined}>
        {onCancel ? (
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
        <Button type="submit" loading={busy}>
          {submitLabel ?? t('common.save')}
        </Button>
      </Group>
    </>
  );
}
