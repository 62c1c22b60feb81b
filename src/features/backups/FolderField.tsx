import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconFolderOpen, IconRefresh, IconUsb } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/useCall';
import { formatBytes } from '../../ui/format';
import { folderPicker } from './backupTexts';

interface FolderFieldProps {
  value: string;
  onChange(value: string): void;
  /** The person settled on a folder (picked a drive, chose in the dialog, pressed Enter or left the field). */
  onCommit(value: string): void;
  label: string;
  description?: string;
  error?: string | null;
}

/**
 * Where backups go or come from: the USB drives the OS reports, a typed path
 * (always; the web harness has nothing else), and the OS folder picker where
 * the shell has one.
 */
export function FolderField({ value, onChange, onCommit, label, description, error }: FolderFieldProps) {
  const { t, i18n } = useTranslation();
  const drives = useCall('backups.drives', {});
  const picker = folderPicker();

  const commit = (folder: string) => {
    onChange(folder);
    onCommit(folder);
  };

  return (
    <Stack gap="sm">
      <Stack gap={6}>
        <Group gap="xs">
          <Text fz="sm" fw={500} id="usb-drives-label">
            {t('backups.drivesLabel')}
          </Text>
          <Button variant="subtle" size="compact-xs" leftSection={<IconRefresh size={14} />} onClick={() => void drives.reload()} loading={drives.loading}>
            {t('backups.drivesRefresh')}
          </Button>
        </Group>
        {drives.data && drives.data.drives.length > 0 ? (
          <Group gap="xs" role="group" aria-labelledby="usb-drives-label">
            {drives.data.drives.map((drive) => (
              <Button
                key={drive.path}
                variant={value === drive.path ? 'filled' : 'light'}
                leftSection={<IconUsb size={16} />}
                onClick={() => commit(drive.path)}
              >
                {[drive.label ?? drive.description, drive.path, formatBytes(drive.sizeBytes, i18n.language)].filter(Boolean).join(' · ')}
              </Button>
            ))}
          </Group>
        ) : (
          <Text fz="sm" c="dimmed">
            {t('backups.drivesNone')}
          </Text>
        )}
      </Stack>
      <TextInput
        label={label}
        description={description}
        placeholder={t('backups.folderPlaceholder')}
        value={value}
        error={error ?? undefined}
        spellCheck={false}
        autoComplete="off"
        maxLength={1024}
        onChange={(event) => onChange(event.currentTarget.value)}
        onBlur={() => value.trim() && onCommit(value.trim())}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && value.trim()) {
            event.preventDefault();
            onCommit(value.trim());
          }
        }}
        rightSectionWidth={picker ? 150 : undefined}
        rightSectionPointerEvents="all"
        rightSection={
          picker ? (
            <Button
              variant="default"
              size="compact-sm"
              leftSection={<IconFolderOpen size={14} />}
              onClick={() =>
                void picker(t('backups.chooseFolderTitle')).then(
                  (chosen) => {
                    if (chosen) commit(chosen);
                  },
                  // Refused or failed: the typed path stays, as after a cancel.
                  () => undefined,
                )
              }
            >
              {t('backups.chooseFolder')}
            </Button>
          ) : undefined
        }
      />
    </Stack>
  );
}
