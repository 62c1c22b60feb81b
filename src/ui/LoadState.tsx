import { Alert, Button, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './errors';

/** Loader while loading, a plain error with "Try again" on failure, otherwise the content. */
export function LoadState({ loading, error, retry, children }: { loading: boolean; error: unknown; retry(): void; children: ReactNode }) {
  const { t } = useTranslation();
  if (error) {
    return (
      <Alert color="red" role="alert" title={errorText(t, error)}>
        <Button variant="light" color="red" size="xs" onClick={retry}>
          {t('common.retry')}
        </Button>
      </Alert>
    );
  }
  if (loading) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  return <>{children}</>;
}
