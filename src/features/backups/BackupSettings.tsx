import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { notifications } from '@mantine/notifications';
import { IconRestore } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { methods } from '../../contract';
import { reloadRenderer } from '../../stores/session';
import { AppModal } from '../../ui/AppModal';
import { FormError } from '../../ui/FormError';
import { contractValidator } from '../../ui/forms';
import { RestoreFlow } from './RestoreFlow';
import { useFormAction } from '../../ui/useFormAction';
import { LoadingFieldset } from '../../ui/LoadingFieldset';
import { useValuesFromData } from '../../ui/useValuesFromData';
import { useFormDraft } from '../../drafts/useFormDraft';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md" maw={720}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

interface Values {
  backupKeepLast: number | string;
  backupReminderDays: number | string;
}

/** Settings for the coordinator: how many backups to keep, when to remind, and restoring over this vault. */
export function BackupSettings() {
  const { t } = useTranslation();
  const { data, reload } = useCall('settings.get', {});
  const [restoring, setRestoring] = useState(false);
  const [restored, setRestored] = useState(false);
  const form = useAppForm<Values>({
    mode: 'controlled',
    initialValues: { backupKeepLast: 10, backupReminderDays: 7 },
    validate: contractValidator<Values>(methods['settings.update'].input, t, (v) => ({
      backupKeepLast: Number(v.backupKeepLast),
      backupReminderDays: Number(v.backupReminderDays),
    })),
  });
  const { busy, error, run } = useFormAction(form);

  const loaded = useValuesFromData(form, data, (d): Values => ({ backupKeepLast: d.backupKeepLast, backupReminderDays: d.backupReminderDays }));
  useFormDraft(form, 'settings:backups', 'settings', true);

  const submit = form.onSubmit(async (values) => {
    await run(async () => {
      await call('settings.update', { backupKeepLast: Number(values.backupKeepLast), backupReminderDays: Number(values.backupReminderDays) });
      // Saved: leaving now asks nothing, though the refetched settings have not come back yet.
      form.resetDirty(values);
      notifications.show({ color: 'teal', message: t('backups.settings.saved') });
      await reload();
    });
  });

  return (
    <>
      <Section title={t('backups.settings.title')}>
        <form onSubmit={submit} noValidate>
          <LoadingFieldset loaded={loaded}>
            <Stack gap="sm">
              <NumberInput
                label={t('backups.settings.keepLast')}
                description={t('backups.settings.keepLastHint')}
                min={1}
                max={100}
                allowDecimal={false}
                w={420}
                {...form.getInputProps('backupKeepLast')}
              />
              <NumberInput
                label={t('backups.settings.reminderDays')}
                description={t('backups.settings.reminderDaysHint')}
                min={1}
                max={90}
                allowDecimal={false}
                w={420}
                {...form.getInputProps('backupReminderDays')}
              />
              <FormError error={error} />
              <Group>
                <Button type="submit" variant="default" loading={busy}>
                  {t('backups.settings.save')}
                </Button>
              </Group>
            </Stack>
          </LoadingFieldset>
        </form>
      </Section>
      <Section title={t('backups.settings.restoreTitle')}>
        <Text fz="sm">{t('backups.settings.restoreIntro')}</Text>
        <Group>
          <Button variant="default" color="red" leftSection={<IconRestore size={16} />} onClick={() => setRestoring(true)}>
            {t('backups.settings.restoreButton')}
          </Button>
        </Group>
      </Section>
      {/* After a restore the vault is locked; reloading drops every screen that showed the old one. */}
      <AppModal opened={restoring} onClose={() => (restored ? reloadRenderer() : setRestoring(false))} title={t('backups.restore.title')} size="xl">
        <RestoreFlow mode="replace" onRestored={() => setRestored(true)} onDone={() => reloadRenderer()} />
      </AppModal>
    </>
  );
}
