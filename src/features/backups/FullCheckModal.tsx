import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { BackupCredential, BackupFile, BackupVerification } from '../../contract';
import { AppModal } from '../../ui/AppModal';
import { BackupContentsView } from './BackupContentsView';
import { backupErrorText, problemText } from './backupTexts';
import { CredentialForm } from './CredentialForm';

/** Opens a backup with a password or the recovery key of its day and shows what the full check found. */
export function FullCheckModal({ backup, onClose }: { backup: BackupFile | null; onClose(): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<BackupVerification | null>(null);

  const close = () => {
    setError(null);
    setResult(null);
    onClose();
  };

  const check = async (credential: BackupCredential) => {
    if (!backup) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await call('backups.verify', { file: backup.file, credential }));
    } catch (caught) {
      setError(backupErrorText(t, caught));
    } finally {
      setBusy(false);
    }
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
            {busy ? (
              <Text fz="sm" c="dimmed" role="status">
                {t('backups.checkingFull')}
              </Text>
            ) : null}
            <CredentialForm submitLabel={t('backups.checkSubmit')} busy={busy} error={error} onSubmit={(credential) => void check(credential)} />
          </>
        )}
      </Stack>
    </AppModal>
  );
}
