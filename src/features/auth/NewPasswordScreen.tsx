import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { methods, type AppStatus } from '../../contract';
import { lockNow, useSession } from '../../stores/session';
import { contractValidator } from '../../ui/forms';
import { PasswordStrength } from '../../ui/PasswordStrength';
import { AuthLayout } from '../../ui/AuthLayout';
import { FormError } from '../../ui/FormError';
import { useFormAction } from '../../ui/useFormAction';

/** After a recovery-key unlock or a temporary password: the user must choose their own password. */
export function NewPasswordScreen({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const form = useAppForm({
    mode: 'controlled',
    initialValues: { newPassword: '', confirmPassword: '' },
    validate: contractValidator<{ newPassword: string; confirmPassword: string }>(
      methods['vault.setNewPassword'].input,
      t,
      ({ newPassword }) => ({ newPassword }),
      (values) => ({ confirmPassword: values.confirmPassword !== values.newPassword ? t('setup.passwordsDiffer') : null }),
    ),
  });
  const { busy, error, run } = useFormAction(form);
  const name = status.user?.fullName ?? '';

  const submit = form.onSubmit(async ({ newPassword }) => {
    await run(async () => {
      await useSession.getState().applyStatus(await call('vault.setNewPassword', { newPassword }));
    });
  });

  return (
    <AuthLayout title={t('newPassword.title')}>
      <Text>
        {status.passwordRequiredReason === 'recovery'
          ? t('newPassword.introRecovery', { name })
          : t('newPassword.introTemporary', { name })}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <PasswordInput
            label={t('newPassword.password')}
            description={t('setup.passwordHint')}
            autoComplete="new-password"
            autoFocus
            {...form.getInputProps('newPassword')}
          />
          <PasswordStrength password={form.values.newPassword} />
          <PasswordInput label={t('newPassword.confirm')} autoComplete="new-password" {...form.getInputProps('confirmPassword')} />
          <FormError error={error} />
          <Group justify="space-between">
            <Button variant="subtle" onClick={() => void lockNow('manual')}>
              {t('newPassword.lockInstead')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('newPassword.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}
