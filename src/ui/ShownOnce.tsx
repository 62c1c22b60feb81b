import { ActionIcon, CopyButton, Group, Paper, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A secret shown once (a temporary password, a recovery key), large and grouped for copying by hand. */
export function ShownOnce({ secret, label }: { secret: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" bg="var(--mantine-color-gray-0)">
      <Group justify="space-between" wrap="nowrap">
        <Text
          ff="monospace"
          fz={22}
          fw={600}
          lts={1}
          aria-label={label}
          data-testid="shown-once"
          style={{ wordBreak: 'break-word' }}
        >
          {secret}
        </Text>
        <CopyButton value={secret} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
              <ActionIcon variant="subtle" onClick={copy} aria-label={t('common.copy')} size="lg">
                {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Paper>
  );
}
