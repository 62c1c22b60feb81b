import { Alert, Button, Checkbox, Group, List, PasswordInput, Stack, Text } from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { MethodOutput } from '../../contract';
import { useSession } from '../../stores/session';
import { AppModal } from '../../ui/AppModal';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormError } from '../../ui/FormError';
import { showCallError } from '../../ui/forms';
import { ShownOnce } from '../../ui/ShownOnce';
import { Section } from './SettingsPage';

type Rotated = MethodOutput<'vault.rotateDataKey'>;

/**
 * After a suspected leak (a password seen, the recovery key or a backup lost),
 * the vault is re-encrypted under a new data key. Other staff get temporary
 * passwords shown here once; the new recovery key follows on its own screen.
 */
export function RotateDataKey() {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rotated, setRotated] = useState<Rotated | null>(null);
  const [noted, setNoted] = useState(false);
  const form = useAppForm({ mode: 'controlled', initialValues: { password: '' } });

  const rotate = async () => {
    setError(null);
    try {
      const result = await call('vault.rotateDataKey', { password: form.values.password });
      form.reset();
      setConfirming(false);
      setNoted(false);
      setRotated(result);
    } catch (caught) {
      setConfirming(false);
      setError(showCallError(form, t, caught));
    }
  };

  const finish = () => {
    setRotated(null);
    // The rotation's secrets count as shown with the first of them on screen (ShownOnce).
    if (rotated) useSession.getState().showRecoveryKey({ key: rotated.recoveryKey, fresh: false, changeId: rotated.changeId });
  };

  return (
    <Section title={t('settings.rotation.title')}>
      <Text fz="sm">{t('settings.rotation.intro')}</Text>
      <List fz="sm" spacing={4}>
        <List.Item>{t('settings.rotation.effectPasswords')}</List.Item>
        <List.Item>{t('settings.rotation.effectBackups')}</List.Item>
        <List.Item>{t('settings.rotation.effectRecovery')}</List.Item>
      </List>
      <form
        onSubmit={form.onSubmit(() => {
          setError(null);
          setConfirming(true);
        })}
        noValidate
      >
        <Group align="flex-end">
          <PasswordInput
            label={t('settings.confirmWithPassword')}
            autoComplete="current-password"
            w={300}
            {...form.getInputProps('password')}
          />
          <Button type="submit" color="red" variant="light" leftSection={<IconKey size={16} />} disabled={!form.values.password}>
            {t('settings.rotation.button')}
          </Button>
        </Group>
      </form>
      <FormError error={error} />
      <ConfirmDialog
        opened={confirming}
        danger
        title={t('settings.rotation.confirmTitle')}
        body={t('settings.rotation.confirmBody')}
        confirmLabel={t('settings.rotation.button')}
        onCancel={() => setConfirming(false)}
        onConfirm={rotate}
      />
      <AppModal
        opened={rotated !== null}
        onClose={() => undefined}
        withCloseButton={false}
        closeOnEscape={false}
        closeOnClickOutside={false}
        size="lg"
        title={t('settings.rotation.doneTitle')}
      >
        <Stack>
          <Alert color="teal" role="status">
            {t('settings.rotation.done')}
          </Alert>
          {rotated && rotated.temporaryPasswords.length > 0 ? (
            <>
              <Text>{t('settings.rotation.temporaryIntro')}</Text>
              {rotated.temporaryPasswords.map((person, index) => (
                <Stack key={person.userId} gap={4}>
                  <Text fw={600}>
                    {person.fullName} ({person.username})
                  </Text>
                  <ShownOnce
                    secret={person.temporaryPassword}
                    label={t('users.temporaryTitle', { name: person.fullName })}
                    changeId={index === 0 ? rotated.changeId : null}
                  />
                </Stack>
              ))}
              <Checkbox label={t('settings.rotation.noted')} checked={noted} onChange={(e) => setNoted(e.currentTarget.checked)} />
            </>
          ) : null}
          <Text fz="sm">{t('settings.rotation.nextBackup')}</Text>
          <Group justify="flex-end">
            <Button onClick={finish} disabled={(rotated?.temporaryPasswords.length ?? 0) > 0 && !noted}>
              {t('settings.rotation.toRecoveryKey')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </Section>
  );
}
