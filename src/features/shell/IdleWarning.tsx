import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function IdleWarning({ secondsLeft, onStay }: { secondsLeft: number | null; onStay(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={secondsLeft !== null} onClose={onStay} title={t('shell.idleTitle')} centered>
      <Text role="alert">{t('shell.idleBody', { seconds: secondsLeft ?? 0 })}</Text>
      <Group justify="flex-end" mt="md">
        <Button onClick={onStay} data-autofocus>
          {t('shell.idleStay')}
        </Button>
      </Group>
    </Modal>
  );
}
