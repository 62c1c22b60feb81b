import { Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onBackendLocked } from '../api/client';
import { useSession, reloadRenderer } from '../stores/session';
import { errorText } from '../ui/errors';
import { NewPasswordScreen, PeerSignInScreen, RecoveryKeyScreen, SetupScreen, UnlockScreen } from '../features/auth';
import { FeedbackKiosk } from '../features/evaluation';
import { AppLayout } from '../features/shell';

/** Chooses the screen from the vault's state; the backend's answer is the only source of that state. */
export function App() {
  const { t } = useTranslation();
  const status = useSession((s) => s.status);
  const shownKey = useSession((s) => s.recoveryKeyToShow);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    // The backend locked on its own (idle safety net, OS lock): drop everything by reloading.
    onBackendLocked(reloadRenderer);
    useSession
      .getState()
      .refresh()
      .catch((caught: unknown) => setError(caught));
  }, []);

  if (error && !status) {
    return (
      <Center mih="100vh">
        <Text role="alert">{errorText(t, error)}</Text>
      </Center>
    );
  }
  if (!status) {
    return (
      <Center mih="100vh">
        <Stack align="center">
          <Loader />
          <Text c="dimmed">{t('app.loading')}</Text>
        </Stack>
      </Center>
    );
  }
  if (shownKey) {
    return (
      <RecoveryKeyScreen
        recoveryKey={shownKey.key}
        schoolName={status.schoolName ?? ''}
        fresh={shownKey.fresh}
        changeId={shownKey.changeId}
        onDone={() => useSession.getState().showRecoveryKey(null)}
      />
    );
  }
  switch (status.state) {
    case 'no-vault':
      return <SetupScreen />;
    case 'locked':
      return <UnlockScreen status={status} />;
    case 'password-required':
      return <NewPasswordScreen status={status} />;
    case 'handover':
      return <PeerSignInScreen />;
    case 'feedback-handover':
      return <FeedbackKiosk />;
    case 'unlocked':
      return <AppLayout status={status} />;
  }
}
