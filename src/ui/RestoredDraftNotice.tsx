import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Tells the user that the text in the form is what they had typed before Sebaya locked (see useFormDraft). */
export function RestoredDraftNotice({ shown }: { shown: boolean }) {
  const { t } = useTranslation();
  return shown ? (
    <Alert color="blue" variant="light" role="status">
      {t('shell.restoredDraft')}
    </Alert>
  ) : null;
}
