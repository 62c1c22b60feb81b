import { Alert, Anchor, Button, Code, Group, Radio, Stack, Stepper, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconLock } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { sameSchoolName, type BackupContents, type BackupCredential, type BackupFile, type MethodOutput } from '../../contract';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatBytes, formatDateTime } from '../../ui/format';
import { FormError } from '../../ui/FormError';
import { payloadOf } from '../../ui/errors';
import { BackupContentsView } from './BackupContentsView';
import { backupErrorText, problemText } from './backupTexts';
import { CredentialForm } from './CredentialForm';
import { FolderField } from './FolderField';

export type RestoreMode = 'new' | 'locked' | 'replace';
type Restored = MethodOutput<'backups.restore'>;
type BelongsTo = MethodOutput<'backups.verify'>['belongsTo'];


/**
 * Restoring, in three steps: find the backup (a USB drive, a chosen or typed
 * folder), open it with a password or recovery key of its day (the full check
 * shows what is inside), and, after a confirmation, restore. Used on the
 * first-run screen, the unlock screen and in Settings.
 */
export function RestoreFlow({
  mode,
  onCancel,
  onRestored,
  onDone,
}: {
  mode: RestoreMode;
  onCancel?: () => void;
  /** The vault was replaced (the screen still shows where the old one is kept). */
  onRestored?: (result: Restored) => void;
  /** The person read the result and goes on to unlock. */
  onDone(result: Restored): void;
}) {
  const { t, i18n } = useTranslation();
  const [step, setStep] = useState(0);
  const [folder, setFolder] = useState('');
  const [found, setFound] = useState<BackupFile[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [contents, setContents] = useState<BackupContents | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<Restored | null>(null);
  const [belongsTo, setBelongsTo] = useState<BelongsTo>(null);
  const [typedSchool, setTypedSchool] = useState('');
  // Set when the backend asks for current authority over the vault here (issue 11).
  const [needAuthority, setNeedAuthority] = useState(false);
  const authorityBox = useRef<HTMLDivElement>(null);
  // The request for a current secret appears below the backup's contents: bring it to the person's eyes and cursor.
  useEffect(() => {
    if (!needAuthority) return;
    authorityBox.current?.scrollIntoView?.({ block: 'start' });
    authorityBox.current?.querySelector<HTMLInputElement>('input[type="text"], input:not([type])')?.focus();
  }, [needAuthority]);
  // Held only between the check and the restore, then dropped.
  const credential = useRef<BackupCredential | null>(null);

  const chosen = found?.find((b) => b.file === selected) ?? null;

  const look = async (target = folder) => {
    if (!target.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const listing = await call('backups.folder', { folder: target.trim() });
      setFound(listing.backups);
      setSelected(listing.backups.find((b) => b.problem === null)?.file ?? null);
      if (!listing.exists) setError(t('backups.folderMissing'));
    } catch (caught) {
      setError(backupErrorText(t, caught));
    } finally {
      setBusy(false);
    }
  };

  const open = async (given: BackupCredential) => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      const checked = await call('backups.verify', { file: chosen.file, credential: given });
      if (checked.ok && checked.contents) {
        credential.current = given;
        setBelongsTo(checked.belongsTo);
        setTypedSchool('');
        setNeedAuthority(false);
        setContents(checked.contents);
      } else {
        setError(problemText(t, checked.problem ?? 'damaged-header'));
      }
    } catch (caught) {
      setError(backupErrorText(t, caught));
    } finally {
      setBusy(false);
    }
  };

  const restore = async (authority?: BackupCredential) => {
    if (!chosen || !credential.current) return;
    const restored = await call('backups.restore', {
      file: chosen.file,
      credential: credential.current,
      ...(authority ? { authority } : {}),
      ...(belongsTo === 'other-vault' ? { confirmSchoolName: typedSchool } : {}),
    });
    credential.current = null;
    setConfirming(false);
    setResult(restored);
    setStep(3);
    onRestored?.(restored);
  };

  /** A refusal for want of current authority keeps the checked backup and asks for it; anything else starts the opening again. */
  const restoreFailed = (caught: unknown) => {
    setConfirming(false);
    if (payloadOf(caught).reason === 'current-authority-required') {
      setError(null);
      setNeedAuthority(true);
      return;
    }
    if (needAuthority && payloadOf(caught).reason?.startsWith('current-authority')) {
      setError(backupErrorText(t, caught));
      return;
    }
    credential.current = null;
    setNeedAuthority(false);
    setContents(null);
    setError(backupErrorText(t, caught));
  };

  const restoreWithAuthority = async (authority: BackupCredential) => {
    setBusy(true);
    setError(null);
    try {
      await restore(authority);
    } catch (caught) {
      restoreFailed(caught);
    } finally {
      setBusy(false);
    }
  };

  const schoolConfirmed = belongsTo !== 'other-vault' || (contents !== null && sameSchoolName(typedSchool, contents.schoolName));

  const backToFind = () => {
    credential.current = null;
    setNeedAuthority(false);
    setContents(null);
    setError(null);
    setStep(0);
  };

  const cancel = onCancel ? (
    <Anchor component="button" type="button" fz="sm" onClick={onCancel}>
      {mode === 'new' ? t('backups.restore.cancelSetup') : t('backups.restore.cancelUnlock')}
    </Anchor>
  ) : null;

  return (
    <Stack gap="md">
      <Text fz="sm">{mode === 'new' ? t('backups.restore.introNew') : t('backups.restore.introReplace')}</Text>
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('backups.restore.stepFind')}>
          <Stack gap="md" mt="sm">
            <FolderField
              value={folder}
              onChange={setFolder}
              onCommit={(value) => void look(value)}
              label={t('backups.restore.folder')}
            />
            <Group>
              <Button variant="light" onClick={() => void look()} loading={busy} disabled={!folder.trim()}>
                {t('backups.restore.look')}
              </Button>
            </Group>
            {found && found.length === 0 && !error ? (
              <Text c="dimmed" fz="sm">
                {t('backups.restore.noneFound')}
              </Text>
            ) : null}
            {found && found.length > 0 ? (
              <Radio.Group label={t('backups.restore.pick')} value={selected} onChange={setSelected}>
                <Stack gap="xs" mt="xs">
                  {found.map((backup) => (
                    <Radio
                      key={backup.file}
                      value={backup.file}
                      disabled={backup.problem !== null}
                      label={<Text ff="monospace" fz="sm">{backup.name}</Text>}
                      description={
                        backup.problem
                          ? problemText(t, backup.problem)
                          : [formatDateTime(backup.createdAt, i18n.language), formatBytes(backup.bytes, i18n.language)].join(' · ')
                      }
                    />
                  ))}
                </Stack>
              </Radio.Group>
            ) : null}
            <FormError error={error} />
            <Group justify="space-between">
              {cancel ?? <span />}
              <Button
                disabled={!chosen}
                onClick={() => {
                  setError(null);
                  setStep(1);
                }}
              >
                {t('backups.restore.next')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>

        <Stepper.Step label={t('backups.restore.stepOpen')}>
          <Stack gap="md" mt="sm">
            <Text fz="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
              {chosen?.name}
            </Text>
            {contents ? (
              <>
                <Alert color="teal" icon={<IconCheck size={18} />} role="status">
                  {t('backups.restore.checked')}
                </Alert>
                <BackupContentsView contents={contents} />
                {belongsTo === 'this-vault' ? (
                  <Text fz="sm" c="dimmed">
                    {t('backups.restore.thisVault')}
                  </Text>
                ) : null}
                {belongsTo === 'other-vault' ? (
                  <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('backups.restore.otherVaultTitle')}>
                    <Stack gap="xs">
                      <Text fz="sm">{t('backups.restore.otherVault', { school: contents.schoolName })}</Text>
                      <TextInput
                        label={t('backups.restore.typeSchool', { school: contents.schoolName })}
                        value={typedSchool}
                        onChange={(event) => setTypedSchool(event.currentTarget.value)}
                        autoComplete="off"
                        maxLength={200}
                        error={
                          typedSchool.trim() && !schoolConfirmed ? t('backups.restore.typeSchoolMismatch', { school: contents.schoolName }) : null
                        }
                      />
                    </Stack>
                  </Alert>
                ) : null}
                {needAuthority ? (
                  <Stack gap="sm" ref={authorityBox}>
                    <Alert color="blue" icon={<IconLock size={18} />} title={t('backups.restore.authorityTitle')} role="status">
                      {t('backups.restore.authorityIntro')}
                    </Alert>
                    <CredentialForm
                      submitLabel={t('backups.restore.authoritySubmit')}
                      busy={busy}
                      error={error}
                      onSubmit={(authority) => void restoreWithAuthority(authority)}
                      secondary={
                        <Button variant="default" onClick={backToFind}>
                          {t('backups.restore.back')}
                        </Button>
                      }
                    />
                  </Stack>
                ) : (
                  <Group justify="space-between">
                    <Button variant="default" onClick={backToFind}>
                      {t('backups.restore.back')}
                    </Button>
                    <Button color={mode === 'new' ? undefined : 'red'} disabled={!schoolConfirmed} onClick={() => setConfirming(true)}>
                      {t('backups.restore.restore')}
                    </Button>
                  </Group>
                )}
              </>
            ) : (
              <>
                <Text fz="sm">{t('backups.checkIntro')}</Text>
                {busy ? (
                  <Text fz="sm" c="dimmed" role="status">
                    {t('backups.checkingFull')}
                  </Text>
                ) : null}
                <CredentialForm
                  submitLabel={t('backups.checkSubmit')}
                  busy={busy}
                  error={error}
                  onSubmit={(given) => void open(given)}
                  secondary={
                    <Button variant="default" onClick={backToFind}>
                      {t('backups.restore.back')}
                    </Button>
                  }
                />
              </>
            )}
          </Stack>
        </Stepper.Step>

        <Stepper.Step label={t('backups.restore.stepRestore')} />
        <Stepper.Completed>
          {result ? (
            <Stack gap="md" mt="sm">
              <Alert color="teal" icon={<IconCheck size={18} />} title={t('backups.restore.doneTitle')} role="status">
                {t('backups.restore.done')}
              </Alert>
              {result.keptAt ? (
                <Stack gap={4}>
                  <Text fz="sm">{t('backups.restore.keptAt')}</Text>
                  <Code block>{result.keptAt}</Code>
                </Stack>
              ) : null}
              <Group justify="flex-end">
                <Button onClick={() => onDone(result)}>{t('backups.restore.continue')}</Button>
              </Group>
            </Stack>
          ) : null}
        </Stepper.Completed>
      </Stepper>

      <ConfirmDialog
        opened={confirming}
        danger={mode !== 'new'}
        title={t('backups.restore.confirmTitle')}
        body={
          contents ? (
            <Stack gap="xs">
              <Text>
                {t(mode === 'new' ? 'backups.restore.confirmNew' : 'backups.restore.confirmReplace', {
                  school: contents.schoolName,
                  date: formatDateTime(contents.createdAt, i18n.language),
                })}
              </Text>
              <Text fz="sm" c="dimmed">
                {t('backups.restore.confirmPasswords')}
              </Text>
            </Stack>
          ) : (
            ''
          )
        }
        confirmLabel={t('backups.restore.confirm')}
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          try {
            await restore();
          } catch (caught) {
            // Nothing was replaced; say why under the form that needs something else.
            restoreFailed(caught);
          }
        }}
      />
    </Stack>
  );
}
