import { Button, Code, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFolderOpen } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { SebayaBridge } from '../../contract/bridge';

/** "Show the vault folder", where the shell can (the desktop app); null in the web harness. */
export function vaultFolderOpener(): (() => Promise<boolean>) | null {
  const bridge = (globalThis as { sebaya?: SebayaBridge }).sebaya;
  return bridge?.desktop ? async () => (await call('desktop.openVaultFolder', {})).opened : null;
}

/** Where the vault lives on this PC, with a button that opens the folder (issue 7). */
export function VaultFolder({ path }: { path: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const open = vaultFolderOpener();

  const openFolder = async () => {
    if (!open) return;
    setBusy(true);
    try {
      if (!(await open())) notifications.show({ color: 'red', message: t('settings.openVaultFolderFailed') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap={4}>
      <Text fz="sm" fw={500} id="vault-folder-label">
        {t('settings.vaultLocation')}
      </Text>
      <Group gap="sm" wrap="nowrap" align="center">
        <Code block aria-labelledby="vault-folder-label" style={{ flex: 1, wordBreak: 'break-all' }}>
          {path}
        </Code>
        {open ? (
          <Button variant="default" leftSection={<IconFolderOpen size={16} />} loading={busy} onClick={() => void openFolder()}>
            {t('settings.openVaultFolder')}
          </Button>
        ) : null}
      </Group>
      <Text fz="xs" c="dimmed">
        {t('settings.vaultLocationHint')}
      </Text>
    </Stack>
  );
}
