import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSession } from '../../stores/session';
import { errorText, payloadOf } from '../../ui/errors';
import { AuthLayout } from '../../ui/AuthLayout';
import { useCountdown } from './useCountdown';
import { FormError } from '../../ui/FormError';

/** "Forgot password": the recovery key opens the vault, then a new password is required. */
export function RecoverScreen({ onBack }: { onBack(): void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [wait, setWait] = useCountdown(0);
  const form = useAppForm({ mode: 'controlled', initialValues: { username: '', recoveryKey: '' } });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      await useSession.getState().applyStatus(await call('vault.unlockWithRecoveryKey', values));
    } catch (caught) {
      const payload = payloadOf(caught);
      if (payload.code === 'RATE_LIMITED') setWait(Number(payload.params?.retryAfterSeconds ?? 0));
      else setError(payload.code === 'WRONG_CREDENTIALS' ? t('recover.wrong') : errorText(t, caught));
    } finally {
      setBusy(false);
    }
  });

  return (
    <AuthLayout title={t('recover.title')} width={520}>
      <Text>{t('recover.intro')}</Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('recover.username')} autoComplete="username" autoFocus {...form.getInputProps('username')} />
          <TextInput
            label={t('recover.recoveryKey')}
            placeholder={t('recover.recoveryKeyPlaceholder')}
            autoComplete="off"
            spellCheck={false}
            ff="monospace"
            {...form.getInputProps('recoveryKey')}
          />
          <FormError error={error} />
          {wait > 0 ? (
            <Alert color="orange" role="status">
              {t('unlock.tooMany', { seconds: wait })}
            </Alert>
          ) : null}
          <Button type="submit" loading={busy} disabled={wait > 0}>
            {t('recover.submit')}
          </Button>
          <Text ta="center" fz="sm">
            <Anchor component="button" type="button" onClick={onBack}>
              {t('recover.backToUnlock')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
