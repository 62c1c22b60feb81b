import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { lockNow, useSession } from '../../stores/session';
import { errorText, payloadOf } from '../../ui/errors';
import { AuthLayout } from '../../ui/AuthLayout';
import { FormError } from '../../ui/FormError';

/** While a staff member has handed the unlocked vault over, a peer signs in with username and PIN. */
export function PeerSignInScreen() {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useAppForm({ mode: 'controlled', initialValues: { username: '', pin: '' } });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      await useSession.getState().applyStatus(await call('session.peerSignIn', values));
    } catch (caught) {
      const payload = payloadOf(caught);
      form.setFieldValue('pin', '');
      if (payload.code === 'WRONG_CREDENTIALS') setError(t('handover.wrong'));
      else if (payload.code === 'RATE_LIMITED') setError(t('handover.tooMany', { seconds: payload.params?.retryAfterSeconds ?? 0 }));
      else setError(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  });

  return (
    <AuthLayout title={t('handover.title')}>
      <Text>{t('handover.intro')}</Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label={t('handover.username')} autoComplete="off" autoFocus {...form.getInputProps('username')} />
          <PasswordInput label={t('handover.pin')} inputMode="numeric" autoComplete="off" {...form.getInputProps('pin')} />
          <FormError error={error} />
          <Button type="submit" loading={busy}>
            {t('handover.submit')}
          </Button>
          <Text ta="center" fz="sm">
            <Anchor component="button" type="button" onClick={() => void lockNow('manual')}>
              {t('handover.cancel')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
