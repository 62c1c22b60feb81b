import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconCircleCheck } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/useCall';
import type { MethodOutput } from '../../contract';
import { formatDateTime } from '../../ui/format';
import { goToArea } from '../../navigation/places';

type Overview = MethodOutput<'backups.overview'>;

function reminderText(t: TFunction<'translation', undefined>, overview: Overview, language: string): string {
  if (!overview.lastBackupAt) return t('backups.reminderNone');
  const date = formatDateTime(overview.lastBackupAt, language);
  return overview.reminderDue ? t('backups.reminderOld', { date, days: overview.reminderDays }) : t('backups.reminderOk', { date });
}

/** On the Backups screen: how old the last verified backup is, always. */
export function BackupReminderText({ overview }: { overview: Overview }) {
  const { t, i18n } = useTranslation();
  return overview.reminderDue ? (
    <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('backups.reminderTitle')} role="status">
      {reminderText(t, overview, i18n.language)}
    </Alert>
  ) : (
    <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} role="status">
      {reminderText(t, overview, i18n.language)}
    </Alert>
  );
}

/** On the dashboard, for the coordinator: only when a backup is due (none yet, or older than the days set). */
export function BackupReminder() {
  const { t, i18n } = useTranslation();
  const { data } = useCall('backups.overview', {});
  if (!data?.reminderDue) return null;
  return (
    <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('backups.reminderTitle')} role="status" mb="lg">
      <Stack gap="xs" align="flex-start">
        <Text fz="sm">{reminderText(t, data, i18n.language)}</Text>
        <Button size="xs" color="orange" rightSection={<IconArrowRight size={14} />} onClick={() => goToArea('backups')}>
          {t('backups.reminderAction')}
        </Button>
      </Stack>
    </Alert>
  );
}
