import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LongJob } from '../../api/useLongJob';
import type { BackupCredential, BackupFile } from '../../contract';
import { AppModal } from '../../ui/AppModal';
import { JobProgress, showAlreadyRunning } from '../../ui/JobProgress';
import { BackupContentsView } from './BackupContentsView';
import { backupErrorText, problemText } from './backupTexts';
import { CredentialForm } from './CredentialForm';

/** The backup a full check is for: a row of the folder's list, or the file of a check still running. */
export type CheckedFile = Pick<BackupFile, 'file' | 'name'>;

export function checkedFile(file: string): CheckedFile {
  return { file, name: file.split(/[\\/]/).pop() ?? file };
}

/**
 * Opens a backup with a password or the recovery key of its day and shows what the full check
 * found. The check runs beside the backend's queue with its progress; the dialog may be closed
 * and the page left meanwhile, and shows it again (still running, or its result) when reopened.
 */
export function FullCheckModal({ backup, check, onClose }: { backup: CheckedFile | null; check: LongJob<'backups.verify'>; onClose(): void }) {
  const { t } = useTranslation();
  // The latest check is this dialog's only when it was of this backup.
  const mine = backup !== null && check.input?.file === backup.file;
  const busy = mine && check.running;
  const result = mine ? check.value : undefined;
  const error = mine && check.error ? backupErrorText(t, check.error) : null;

  const close = () => {
    if (!check.running) check.dismiss();
    onClose();
  };

  const start = (credential: BackupCredential) => {
    if (!backup) return;
    if (!check.start({ file: backup.file, credential })) showAlreadyRunning(t);
  };

  return (
    <AppModal opened={backup !== null} onClose={close} title={t('backups.checkTitle')} size="lg">
      <Stack>
        <Text fz="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {backup?.name}
        </Text>
        {result ? (
          <>
            {result.ok && result.contents ? (
              <>
                <Alert color="teal" role="status">
                  {t('backups.restore.checked')}
                </Alert>
                <BackupContentsView contents={result.contents} />
              </>
            ) : (
              <Alert color="red" role="alert">
                {result.problem ? problemText(t, result.problem) : t('backups.failures.unknown')}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button onClick={close}>{t('common.close')}</Button>
            </Group>
          </>
        ) : (
          <>
            <Text fz="sm">{t('backups.checkIntro')}</Text>
            <JobProgress running={busy} progress={check.progress} />
            {busy ? null : <CredentialForm submitLabel={t('backups.checkSubmit')} busy={false} error={error} onSubmit={start} />}
          </>
        )}
      </Stack>
    </AppModal>
  );
}
