import { Alert, Button, Group, NumberInput, Paper, PasswordInput, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { IconCalendar, IconDatabase, IconFlag, IconSchool, IconShieldLock, IconUser } from '@tabler/icons-react';
import { useAppForm } from '../../ui/useAppForm';
import { notifications } from '@mantine/notifications';
import { type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { autoLockRange, methods } from '../../contract';
import { useSession } from '../../stores/session';
import { contractValidator } from '../../ui/forms';
import { LoadState } from '../../ui/LoadState';
import { PageHeader } from '../../ui/PageHeader';
import { PasswordStrength } from '../../ui/PasswordStrength';
import { SchoolProfileSettings } from '../peers';
import { VaultFolder } from './VaultFolder';
import { BackupSettings } from '../backups';
import { CaseSettings } from '../cases';
import { RotateDataKey } from './RotateDataKey';
import { VaultCheck } from './VaultCheck';
import { TermsSettings } from '../reports';
import { useFormAction } from '../../ui/useFormAction';
import { useValuesFromData } from '../../ui/useValuesFromData';
import { useFormDraft } from '../../drafts/useFormDraft';
import { useSettingsTab, type SettingsTab } from '../../navigation/places';

export function Section({ title, children }: { title: string; children: ReactNode }) {
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

export function SchoolAndLockSettings() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useCall('settings.get', {});
  const form = useAppForm({
    mode: 'controlled',
    initialValues: { schoolName: '', autoLockMinutes: 10 as number | string },
    validate: contractValidator(methods['settings.update'].input, t, (v) => ({ ...v, autoLockMinutes: Number(v.autoLockMinutes) })),
  });
  const { busy, error: formError, run } = useFormAction(form);

  useValuesFromData(form, data, (d) => ({ schoolName: d.schoolName, autoLockMinutes: d.autoLockMinutes as number | string }));
  useFormDraft(form, 'settings:school', 'settings', true);

  const submit = form.onSubmit(async (values) => {
    await run(async () => {
      await call('settings.update', { schoolName: values.schoolName, autoLockMinutes: Number(values.autoLockMinutes) });
      // Saved: leaving now asks nothing, though the refetched settings have not come back yet.
      form.resetDirty(values);
      notifications.show({ color: 'teal', message: t('settings.saved') });
      await reload();
      await useSession.getState().refresh();
    });
  });

  return (
    <LoadState loading={loading && !data} error={error} retry={() => void reload()}>
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          <Section title={t('settings.school')}>
            <TextInput label={t('settings.schoolName')} withAsterisk {...form.getInputProps('schoolName')} />
          </Section>
          <Section title={t('settings.security')}>
            <NumberInput
              label={t('settings.autoLock')}
              description={t('settings.autoLockHint')}
              min={autoLockRange.min}
              max={autoLockRange.max}
              allowDecimal={false}
              w={360}
              {...form.getInputProps('autoLockMinutes')}
            />
            <VaultFolder path={data?.vaultLocation ?? ''} />
          </Section>
          {formError ? (
            <Alert color="red" role="alert" maw={720}>
              {formError}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </LoadState>
  );
}

function ChangePassword() {
  const { t } = useTranslation();
  const form = useAppForm({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: contractValidator<{ currentPassword: string; newPassword: string; confirmPassword: string }>(
      methods['users.changeOwnPassword'].input,
      t,
      ({ confirmPassword: _c, ...input }) => input,
      (v) => ({ confirmPassword: v.confirmPassword !== v.newPassword ? t('setup.passwordsDiffer') : null }),
    ),
  });
  const { busy, error, run } = useFormAction(form);

  const submit = form.onSubmit(async ({ currentPassword, newPassword }) => {
    await run(async () => {
      await call('users.changeOwnPassword', { currentPassword, newPassword });
      form.reset();
      notifications.show({ color: 'teal', message: t('settings.passwordChanged') });
    });
  });

  return (
    <Section title={t('settings.changePassword')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={420}>
          <PasswordInput label={t('settings.currentPassword')} autoComplete="current-password" {...form.getInputProps('currentPassword')} />
          <PasswordInput
            label={t('settings.newPassword')}
            description={t('setup.passwordHint')}
            autoComplete="new-password"
            {...form.getInputProps('newPassword')}
          />
          <PasswordStrength password={form.values.newPassword} />
          <PasswordInput label={t('settings.confirmPassword')} autoComplete="new-password" {...form.getInputProps('confirmPassword')} />
          {error ? (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={busy}>
              {t('settings.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function NewRecoveryKey() {
  const { t } = useTranslation();
  const form = useAppForm({ mode: 'controlled', initialValues: { password: '' } });
  const { busy, error, run } = useFormAction(form);

  const submit = form.onSubmit(async ({ password }) => {
    await run(async () => {
      const { recoveryKey, changeId } = await call('vault.newRecoveryKey', { password });
      form.reset();
      useSession.getState().showRecoveryKey({ key: recoveryKey, fresh: false, changeId });
    });
  });

  return (
    <Section title={t('settings.recoveryTitle')}>
      <Text fz="sm">{t('settings.recoveryIntro')}</Text>
      <form onSubmit={submit} noValidate>
        <Group align="flex-end">
          <PasswordInput label={t('settings.confirmWithPassword')} autoComplete="current-password" w={300} {...form.getInputProps('password')} />
          <Button type="submit" variant="default" loading={busy}>
            {t('settings.newRecoveryKey')}
          </Button>
        </Group>
        {error ? (
          <Alert color="red" role="alert" mt="sm">
            {error}
          </Alert>
        ) : null}
      </form>
    </Section>
  );
}

/** The coordinator's settings, one tab per concern, each tab's sections saved on their own. */
const coordinatorTabs: Array<{ tab: SettingsTab; icon: ReactNode; panel: ReactNode }> = [
  { tab: 'school', icon: <IconSchool size={16} />, panel: <><SchoolAndLockSettings /><SchoolProfileSettings /></> },
  { tab: 'cases', icon: <IconFlag size={16} />, panel: <CaseSettings /> },
  { tab: 'terms', icon: <IconCalendar size={16} />, panel: <TermsSettings /> },
  { tab: 'account', icon: <IconUser size={16} />, panel: <ChangePassword /> },
  { tab: 'vault', icon: <IconShieldLock size={16} />, panel: <><NewRecoveryKey /><RotateDataKey /><VaultCheck /></> },
  { tab: 'backups', icon: <IconDatabase size={16} />, panel: <BackupSettings /> },
];

export function SettingsPage() {
  const { t } = useTranslation();
  const role = useSession((s) => s.status?.user?.role);
  const [tab, setTab] = useSettingsTab();
  if (role !== 'coordinator') {
    return (
      <>
        <PageHeader title={t('settings.title')} />
        <ChangePassword />
      </>
    );
  }
  // Every tab stays mounted, so text typed on one tab is still there after a look at another.
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Tabs value={tab} onChange={(value) => setTab((value as SettingsTab | null) ?? 'school')}>
        <Tabs.List mb="lg">
          {coordinatorTabs.map(({ tab: value, icon }) => (
            <Tabs.Tab key={value} value={value} leftSection={icon}>
              {t(`settings.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {coordinatorTabs.map(({ tab: value, panel }) => (
          <Tabs.Panel key={value} value={value}>
            <Stack gap="lg">{panel}</Stack>
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
