import { Alert, Button, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './errors';

/**
 * Loader while loading, a plain error with "Try again" on failure, otherwise the content. Content
 * that is `stale` (the previous page or filter's answer while the new one loads) stays in view but
 * takes no click, so a slow answer cannot turn a click into the wrong row. The wrapper has no box
 * of its own (`display: contents`), so the content lays out as before; pointer-events is inherited.
 */
export function LoadState({
  loading,
  error,
  retry,
  stale = false,
  children,
}: {
  loading: boolean;
  error: unknown;
  retry(): void;
  stale?: boolean;
  children: ReactNode;
}) {
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
  return (
    <div aria-busy={stale} style={{ display: 'contents', pointerEvents: stale ? 'none' : undefined }}>
      {children}
    </div>
  );
}
