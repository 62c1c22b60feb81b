import { Button, Group, Text } from '@mantine/core';
import { AppModal } from '../../ui/AppModal';
import { useTranslation } from 'react-i18next';

export function IdleWarning({ secondsLeft, onStay }: { secondsLeft: number | null; onStay(): void }) {
  const { t } = useTranslation();
  return (
    <AppModal opened={secondsLeft !== null} onClose={onStay} title={t('shell.idleTitle')}>
      <Text role="alert">{t('shell.idleBody', { seconds: secondsLeft ?? 0 })}</Text>
      <Group justify="flex-end" mt="md">
        <Button onClick={onStay} data-autofocus>
          {t('shell.idleStay')}
        </Button>
      </Group>
    </AppModal>
  );
}
