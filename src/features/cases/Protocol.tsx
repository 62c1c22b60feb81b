import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppModal } from '../../ui/AppModal';

/** The school's escalation protocol as written in Settings, line breaks kept. */
export function ProtocolText({ text }: { text: string }) {
  const { t } = useTranslation();
  if (!text.trim()) return <Text fz="sm">{t('casePage.protocolMissing')}</Text>;
  return (
    <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="escalation-protocol">
      {text}
    </Text>
  );
}

export function ProtocolAlert({ text, title }: { text: string; title?: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} />} title={title ?? t('casePage.protocolTitle')} role="alert">
      <ProtocolText text={text} />
    </Alert>
  );
}

/**
 * Shown the moment a case opens (by hand, by escalation, or from a peer's
 * risk screen), so whoever opened it sees at once what the school does next.
 */
export function ProtocolModal({
  opened,
  title,
  intro,
  protocol,
  onClose,
  actions,
}: {
  opened: boolean;
  title: string;
  intro?: ReactNode;
  protocol: string;
  onClose(): void;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={title} size="lg">
      <Stack>
        {intro}
        <ProtocolAlert text={protocol} />
        <Group justify="flex-end">
          {actions}
          <Button onClick={onClose} data-autofocus>
            {t('flagged.understood')}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
