import { Button, Group, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupCredential } from '../../contract';
import { FormError } from '../../ui/FormError';

interface CredentialValues {
  kind: BackupCredential['kind'];
  username: string;
  password: string;
  recoveryKey: string;
}

/** A password (with its username) or the recovery key, valid when the backup was made. */
export function CredentialForm({
  submitLabel,
  busy,
  error,
  onSubmit,
  secondary,
}: {
  submitLabel: string;
  busy: boolean;
  error: string | null;
  onSubmit(credential: BackupCredential): void;
  secondary?: ReactNode;
}) {
  const { t } = useTranslation();
  const form = useAppForm<CredentialValues>({
    mode: 'controlled',
    initialValues: { kind: 'password', username: '', password: '', recoveryKey: '' },
    validate: (values) =>
      values.kind === 'password'
        ? {
            username: values.username.trim() ? null : t('validation.required', { field: t('backups.username') }),
            password: values.password ? null : t('validation.required', { field: t('backups.password') }),
          }
        : { recoveryKey: values.recoveryKey.trim() ? null : t('validation.required', { field: t('backups.recoveryKey') }) },
  });

  const submit = form.onSubmit((values) =>
    onSubmit(
      values.kind === 'password'
        ? { kind: 'password', username: values.username.trim(), password: values.password }
        : { kind: 'recoveryKey', recoveryKey: values.recoveryKey.trim() },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Stack gap={4}>
          <Text fz="sm" fw={500} id="backup-credential-kind">
            {t('backups.credentialKind')}
          </Text>
          <SegmentedControl
            aria-labelledby="backup-credential-kind"
            value={form.values.kind}
            onChange={(value) => form.setFieldValue('kind', value as CredentialValues['kind'])}
            data={[
              { value: 'password', label: t('backups.withPassword') },
              { value: 'recoveryKey', label: t('backups.withRecoveryKey') },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
        </Stack>
        {form.values.kind === 'password' ? (
          <>
            <TextInput label={t('backups.username')} autoComplete="off" maxLength={32} data-autofocus {...form.getInputProps('username')} />
            <PasswordInput label={t('backups.password')} autoComplete="off" maxLength={256} {...form.getInputProps('password')} />
          </>
        ) : (
          <TextInput
            label={t('backups.recoveryKey')}
            placeholder={t('backups.recoveryKeyPlaceholder')}
            autoComplete="off"
            spellCheck={false}
            ff="monospace"
            maxLength={80}
            {...form.getInputProps('recoveryKey')}
          />
        )}
        <FormError error={error} />
        <Group justify="flex-end">
          {secondary}
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
