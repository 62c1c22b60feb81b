import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { AppStatus } from '../../contract';
import { useSession } from '../../stores/session';
import { errorText, payloadOf } from '../../ui/errors';
import { AuthLayout } from '../../ui/AuthLayout';
import { RestoreScreen } from '../backups';
import { RecoverScreen } from './RecoverScreen';
import { useCountdown } from './useCountdown';
import { FormError } from '../../ui/FormError';

/**
 * Username and password; a wrong one says so plainly and never which part was wrong. The username
 * that last unlocked on this PC is filled in (issue 14: after every idle lock the counselor typed
 * it again), focus waits in the password, and "Not you?" empties it for someone else.
 */
export function UnlockScreen({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const [recovering, setRecovering] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [wait, setWait] = useCountdown(status.retryAfterSeconds);
  const remembered = status.lastUsername;
  const form = useAppForm({ mode: 'controlled', initialValues: { username: remembered ?? '', password: '' } });
  const usernameField = useRef<HTMLInputElement>(null);

  if (recovering) return <RecoverScreen onBack={() => setRecovering(false)} />;
  if (restoring) return <RestoreScreen mode="locked" onBack={() => setRestoring(false)} />;

  const submit = form.onSubmit(async (values) => {
    if (!values.username.trim() || !values.password) {
      setError(t('unlock.wrong'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await useSession.getState().applyStatus(await call('vault.unlock', values));
    } catch (caught) {
      const payload = payloadOf(caught);
      form.setFieldValue('password', '');
      if (payload.code === 'RATE_LIMITED') {
        setWait(Number(payload.params?.retryAfterSeconds ?? 0));
        setError(null);
      } else {
        setError(payload.code === 'WRONG_CREDENTIALS' ? t('unlock.wrong') : errorText(t, caught));
        // The next attempt may already be slowed down; ask how long.
        const next = await call('app.status', {}).catch(() => null);
        if (next?.retryAfterSeconds) setWait(next.retryAfterSeconds);
      }
    } finally {
      setBusy(false);
    }
  });

  const reason = status.lockReason ? t(`unlock.lockedBecause.${status.lockReason}`) : '';

  return (
    <AuthLayout title={t('unlock.title')}>
      {reason ? (
        <Alert color="blue" variant="light" role="status">
          {reason}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput ref={usernameField} label={t('unlock.username')} autoComplete="username" autoFocus={!remembered} {...form.getInputProps('username')} />
          {remembered && form.values.username === remembered ? (
            <Text fz="sm" mt={-6}>
              <Anchor
                component="button"
                type="button"
                onClick={() => {
                  form.setFieldValue('username', '');
                  usernameField.current?.focus();
                }}
              >
                {t('unlock.notYou')}
              </Anchor>
            </Text>
          ) : null}
          <PasswordInput label={t('unlock.password')} autoComplete="current-password" autoFocus={Boolean(remembered)} {...form.getInputProps('password')} />
          <FormError error={error} />
          {wait > 0 ? (
            <Alert color="orange" role="status">
              {t('unlock.tooMany', { seconds: wait })}
            </Alert>
          ) : null}
          <Button type="submit" loading={busy} disabled={wait > 0}>
            {busy ? t('unlock.unlocking') : t('unlock.submit')}
          </Button>
          <Text ta="center" fz="sm">
            <Anchor component="button" type="button" onClick={() => setRecovering(true)}>
              {t('unlock.forgot')}
            </Anchor>
          </Text>
          <Text ta="center" fz="sm">
            <Anchor component="button" type="button" c="dimmed" onClick={() => setRestoring(true)}>
              {t('backups.restore.link')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
