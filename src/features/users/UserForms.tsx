import { Button, Group, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { AppModal } from '../../ui/AppModal';
import { useAppForm } from '../../ui/useAppForm';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { methods, type StaffRole, type UserSummary } from '../../contract';
import { contractValidator } from '../../ui/forms';
import { FormError } from '../../ui/FormError';
import { PeerPicker } from '../../ui/PeerPicker';
import { useFormAction } from '../../ui/useFormAction';
import { useGuardedClose } from '../../ui/DiscardPrompt';
import { useFormDraft } from '../../drafts/useFormDraft';
import { RestoredDraftNotice } from '../../ui/RestoredDraftNotice';

function FormButtons({ busy, onCancel }: { busy: boolean; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt="sm">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={busy}>
        {t('common.save')}
      </Button>
    </Group>
  );
}

/** A staff account gets a generated temporary password; the person picks their own at first unlock. */
export function AddStaffModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose(): void;
  onCreated(user: UserSummary, temporaryPassword: string, changeId: string): Promise<void>;
}) {
  const { t } = useTranslation();
  const form = useAppForm<{ username: string; fullName: string; role: StaffRole }>({
    mode: 'controlled',
    initialValues: { username: '', fullName: '', role: 'supervisor' },
    validate: contractValidator(methods['users.createStaff'].input, t),
  });
  const close = useGuardedClose(form, onClose);
  const { busy, error, setError, run } = useFormAction(form);

  useEffect(() => {
    if (opened) {
      form.reset();
      setError(null);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);
  const restored = useFormDraft(form, 'staff-account:new', 'users', opened);

  const submit = form.onSubmit(async (values) => {
    await run(async () => {
      const created = await call('users.createStaff', values);
      await onCreated(created.user, created.temporaryPassword, created.changeId);
    });
  });

  return (
    <AppModal opened={opened} onClose={close} title={t('users.addStaff')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <RestoredDraftNotice shown={restored} />
          <TextInput label={t('users.fullName')} withAsterisk data-autofocus {...form.getInputProps('fullName')} />
          <TextInput label={t('users.username')} description={t('setup.usernameHint')} withAsterisk {...form.getInputProps('username')} />
          <Select
            label={t('users.role')}
            withAsterisk
            allowDeselect={false}
            data={[
              { value: 'supervisor', label: t('roles.supervisor') },
              { value: 'coordinator', label: t('roles.coordinator') },
            ]}
            {...form.getInputProps('role')}
          />
          <FormError error={error} />
          <FormButtons busy={busy} onCancel={close} />
        </Stack>
      </form>
    </AppModal>
  );
}

interface PeerAccountValues {
  peerId: string | null;
  username: string;
  pin: string;
}

/** A peer account is linked to a peer in the roster who has none yet, and signs in with a PIN; it holds no key slot. */
export function AddPeerAccountModal({
  opened,
  anyPeer,
  onClose,
  onCreated,
}: {
  opened: boolean;
  /** Whether any peer on the roster is still without an account. */
  anyPeer: boolean;
  onClose(): void;
  onCreated(user: UserSummary): Promise<void>;
}) {
  const { t } = useTranslation();
  const toInput = (values: PeerAccountValues) => ({ ...values, peerId: values.peerId ? Number(values.peerId) : undefined });
  const form = useAppForm<PeerAccountValues>({
    mode: 'controlled',
    initialValues: { peerId: null, username: '', pin: '' },
    validate: contractValidator(methods['users.createPeerAccount'].input, t, toInput),
  });
  const close = useGuardedClose(form, onClose);
  const { busy, error, setError, run } = useFormAction(form);

  useEffect(() => {
    if (opened) {
      form.reset();
      setError(null);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  const submit = form.onSubmit(async (values) => {
    await run(async () => {
      const created = await call('users.createPeerAccount', { peerId: Number(values.peerId), username: values.username, pin: values.pin });
      await onCreated(created.user);
    });
  });

  return (
    <AppModal opened={opened} onClose={close} title={t('users.addPeer')}>
      {!anyPeer ? (
        <Stack>
          <Text>{t('users.noPeersToLink')}</Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <PeerPicker
              choice={{ withoutAccount: true }}
              label={t('users.peer')}
              placeholder={t('common.findPeer')}
              withAsterisk
              data-autofocus
              value={form.values.peerId}
              onChange={(value) => form.setFieldValue('peerId', value)}
              error={form.errors.peerId}
            />
            <TextInput label={t('users.username')} description={t('setup.usernameHint')} withAsterisk {...form.getInputProps('username')} />
            <PasswordInput label={t('users.pin')} description={t('users.pinHint')} inputMode="numeric" withAsterisk {...form.getInputProps('pin')} />
            <FormError error={error} />
            <FormButtons busy={busy} onCancel={close} />
          </Stack>
        </form>
      )}
    </AppModal>
  );
}

export function SetPinModal({ user, onClose, onSaved }: { user: UserSummary | null; onClose(): void; onSaved(user: UserSummary): Promise<void> }) {
  const { t } = useTranslation();
  const form = useAppForm<{ pin: string }>({
    mode: 'controlled',
    initialValues: { pin: '' },
    validate: contractValidator(methods['users.setPeerPin'].input, t, (values) => ({ userId: user?.id ?? 1, pin: values.pin })),
  });
  const close = useGuardedClose(form, onClose);
  const { busy, error, setError, run } = useFormAction(form);

  useEffect(() => {
    if (user) {
      form.reset();
      setError(null);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user?.id]);

  const submit = form.onSubmit(async (values) => {
    if (!user) return;
    await run(async () => {
      const saved = await call('users.setPeerPin', { userId: user.id, pin: values.pin });
      await onSaved(saved.user);
    });
  });

  return (
    <AppModal opened={user !== null} onClose={close} title={t('users.pinTitle', { name: user?.fullName ?? '' })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <PasswordInput label={t('users.pin')} description={t('users.pinHint')} inputMode="numeric" data-autofocus {...form.getInputProps('pin')} />
          <FormError error={error} />
          <FormButtons busy={busy} onCancel={close} />
        </Stack>
      </form>
    </AppModal>
  );
}
