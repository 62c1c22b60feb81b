import { Anchor, Button, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { methods, type Language } from '../../contract';
import { changeLanguage, currentLanguage } from '../../i18n';
import { useSession } from '../../stores/session';
import { contractValidator } from '../../ui/forms';
import { PasswordStrength } from '../../ui/PasswordStrength';
import { RestoreScreen } from '../backups';
import { AuthLayout } from '../../ui/AuthLayout';
import { FormError } from '../../ui/FormError';
import { useFormAction } from '../../ui/useFormAction';

interface SetupValues {
  schoolName: string;
  fullName: string;
  username: string;
  password: string;
  confirmPassword: string;
  language: Language;
}

/** First run: the school, the first coordinator and their password; then the recovery key. */
export function SetupScreen() {
  const { t } = useTranslation();
  const [restoring, setRestoring] = useState(false);
  const form = useAppForm<SetupValues>({
    mode: 'controlled',
    initialValues: { schoolName: '', fullName: '', username: '', password: '', confirmPassword: '', language: currentLanguage() },
    validate: contractValidator<SetupValues>(
      methods['vault.create'].input,
      t,
      ({ confirmPassword: _confirm, ...input }) => input,
      (values) => ({ confirmPassword: values.confirmPassword !== values.password ? t('setup.passwordsDiffer') : null }),
    ),
  });
  const { busy, error, run } = useFormAction(form);

  if (restoring) return <RestoreScreen mode="new" onBack={() => setRestoring(false)} />;

  const submit = form.onSubmit(async ({ confirmPassword: _confirm, ...input }) => {
    await run(async () => {
      const created = await call('vault.create', input);
      useSession.getState().showRecoveryKey({ key: created.recoveryKey, fresh: true });
      await useSession.getState().applyStatus(created.status);
    });
  });

  return (
    <AuthLayout title={t('setup.title')} width={520}>
      <Text>{t('setup.intro')}</Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('setup.schoolName')}
            placeholder={t('setup.schoolNamePlaceholder')}
            withAsterisk
            data-autofocus
            autoFocus
            {...form.getInputProps('schoolName')}
          />
          <TextInput label={t('setup.fullName')} withAsterisk autoComplete="name" {...form.getInputProps('fullName')} />
          <TextInput
            label={t('setup.username')}
            description={t('setup.usernameHint')}
            withAsterisk
            autoComplete="username"
            {...form.getInputProps('username')}
          />
          <PasswordInput
            label={t('setup.password')}
            description={t('setup.passwordHint')}
            withAsterisk
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <PasswordStrength password={form.values.password} />
          <PasswordInput
            label={t('setup.confirmPassword')}
            withAsterisk
            autoComplete="new-password"
            {...form.getInputProps('confirmPassword')}
          />
          <Stack gap={4}>
            <Text fz="sm" fw={500} id="setup-language">
              {t('setup.language')}
            </Text>
            <SegmentedControl
              aria-labelledby="setup-language"
              value={form.values.language}
              onChange={(value) => {
                form.setFieldValue('language', value as Language);
                void changeLanguage(value as Language);
              }}
              data={[
                { value: 'id', label: t('language.id') },
                { value: 'en', label: t('language.en') },
              ]}
            />
          </Stack>
          <FormError error={error} />
          <Button type="submit" loading={busy} mt="sm">
            {t('setup.create')}
          </Button>
          <Text c="dimmed" fz="sm" ta="center">
            {t('backups.restore.linkHint')}{' '}
            <Anchor component="button" type="button" fz="sm" onClick={() => setRestoring(true)}>
              {t('backups.restore.link')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
