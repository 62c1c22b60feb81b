import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { AppModal } from './AppModal';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './errors';

interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  /** When "Cancel" would be ambiguous, e.g. beside "Cancel the meeting". */
  cancelLabel?: string;
  danger?: boolean;
  onCancel(): void;
  /** Runs the action; an error is shown in the dialog and the dialog stays open. */
  onConfirm(): Promise<void>;
}

/** Asks before anything destructive; Escape or Cancel leaves everything as it was. */
export function ConfirmDialog({ opened, title, body, confirmLabel, cancelLabel, danger, onCancel, onConfirm }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (caught) {
      setError(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AppModal opened={opened} onClose={onCancel} title={title}>
      <Stack>
        {typeof body === 'string' ? <Text>{body}</Text> : body}
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={busy}>
            {cancelLabel ?? t('common.cancel')}
          </Button>
          <Button color={danger ? 'red' : undefined} onClick={() => void confirm()} loading={busy} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
