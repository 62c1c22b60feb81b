import { ActionIcon, CopyButton, Group, Paper, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../api/client';

/** Changes already confirmed by this page, so a secret shown in two places is confirmed once. */
const confirmed = new Set<string>();

/**
 * A secret shown once (a temporary password, a recovery key), large and grouped for copying by hand.
 * With `changeId`, the backend hears that it is on screen as soon as it is: the old secret stops
 * working only then, and a secret a crash kept from the screen is withdrawn (vault.confirmSecretShown).
 */
export function ShownOnce({ secret, label, changeId }: { secret: string; label: string; changeId?: string | null | undefined }) {
  const { t } = useTranslation();
  useEffect(() => {
    if (!changeId || confirmed.has(changeId)) return;
    confirmed.add(changeId);
    call('vault.confirmSecretShown', { changeId }).catch((error: unknown) => {
      confirmed.delete(changeId);
      if (error instanceof ApiError && error.code === 'CONFLICT') {
        notifications.show({ color: 'red', autoClose: false, message: t('secrets.withdrawn') });
      }
    });
  }, [changeId, t]);
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
