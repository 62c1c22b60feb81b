import { ActionIcon, Badge, Button, Group, Menu, Stack, Text, Title } from '@mantine/core';
import { AppModal } from '../../ui/AppModal';
import { notifications } from '@mantine/notifications';
import { IconDots, IconKey, IconPlus, IconTrash, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import type { UserSummary } from '../../contract';
import { useSession } from '../../stores/session';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DataTable } from '../../ui/DataTable';
import { formatDateTime } from '../../ui/format';
import { LoadState } from '../../ui/LoadState';
import { PageHeader } from '../../ui/PageHeader';
import { ShownOnce } from '../../ui/ShownOnce';
import { AddPeerAccountModal, AddStaffModal, SetPinModal } from './UserForms';

type Pending =
  | { kind: 'disable' | 'remove' | 'reset'; user: UserSummary }
  | { kind: 'pin'; user: UserSummary }
  | { kind: 'add-staff' }
  | { kind: 'add-peer' }
  | null;

const column = createColumnHelper<UserSummary>();

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const me = useSession((s) => s.status?.user);
  const { data, error, loading, reload } = useCall('users.list', {});
  // Whether any peer is still without an account; the form finds them by typing.
  const accountless = useCall('peers.list', { withoutAccount: true, limit: 1 });
  const [pending, setPending] = useState<Pending>(null);
  // Kept after closing so the dialog does not go blank while it fades out.
  const [shown, setShown] = useState<{ name: string; password: string; changeId: string | null } | null>(null);
  const [shownOpen, setShownOpen] = useState(false);
  const showPassword = (name: string, password: string, changeId: string | null) => {
    setShown({ name, password, changeId });
    setShownOpen(true);
  };

  const users = useMemo(() => data?.users ?? [], [data]);
  const staffUsers = users.filter((u) => u.role !== 'peer');
  const peerUsers = users.filter((u) => u.role === 'peer');

  const done = async () => {
    setPending(null);
    await reload();
  };

  const enable = async (user: UserSummary) => {
    const result = await call('users.enable', { userId: user.id });
    if (result.temporaryPassword) showPassword(user.fullName, result.temporaryPassword, result.changeId);
    await reload();
  };

  const columns = useMemo(() => {
    const statusCell = (user: UserSummary) => (
      <Group gap={4}>
        <Badge color={user.status === 'active' ? 'teal' : 'gray'} variant="light" radius="sm">
          {user.status === 'active' ? t('users.active') : t('users.disabled')}
        </Badge>
        {user.mustChangePassword && user.status === 'active' ? (
          <Badge color="yellow" variant="light" radius="sm">
            {t('users.mustChange')}
          </Badge>
        ) : null}
      </Group>
    );
    return [
      column.accessor('fullName', {
        header: t('users.fullName'),
        cell: (info) => (
          <Text fz="sm">
            {info.getValue()}
            {info.row.original.id === me?.userId ? <Text span c="dimmed" fz="sm">{` (${t('users.you')})`}</Text> : null}
          </Text>
        ),
      }),
      column.accessor('username', { header: t('users.username') }),
      column.accessor('role', { header: t('users.role'), cell: (info) => t(`roles.${info.getValue()}`) }),
      column.accessor('status', { header: t('users.status'), cell: (info) => statusCell(info.row.original) }),
      column.accessor('lastSignInAt', {
        header: t('users.lastSignIn'),
        cell: (info) => formatDateTime(info.getValue(), i18n.language) || t('common.never'),
        enableGlobalFilter: false,
      }),
      column.display({
        id: 'actions',
        header: t('common.actions'),
        cell: (info) => {
          const user = info.row.original;
          if (user.id === me?.userId) return null;
          return (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" aria-label={`${t('common.actions')}: ${user.fullName}`}>
                  <IconDots size={18} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                {user.role === 'peer' ? (
                  <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setPending({ kind: 'pin', user })}>
                    {t('users.setPin')}
                  </Menu.Item>
                ) : user.status === 'active' ? (
                  <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setPending({ kind: 'reset', user })}>
                    {t('users.resetPassword')}
                  </Menu.Item>
                ) : null}
                {user.status === 'active' ? (
                  <Menu.Item leftSection={<IconUserOff size={16} />} onClick={() => setPending({ kind: 'disable', user })}>
                    {t('users.disable')}
                  </Menu.Item>
                ) : (
                  <Menu.Item leftSection={<IconUserCheck size={16} />} onClick={() => void enable(user)}>
                    {t('users.enable')}
                  </Menu.Item>
                )}
                <Menu.Divider />
                <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => setPending({ kind: 'remove', user })}>
                  {t('users.remove')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          );
        },
      }),
    ];
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t, i18n.language, me?.userId]);

  const confirmUser = pending && 'user' in pending && pending.kind !== 'pin' ? pending : null;

  return (
    <>
      <PageHeader
        title={t('users.title')}
        intro={t('users.intro')}
        actions={
          <>
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setPending({ kind: 'add-peer' })}>
              {t('users.addPeer')}
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setPending({ kind: 'add-staff' })}>
              {t('users.addStaff')}
            </Button>
          </>
        }
      />
      <LoadState loading={loading && !data} error={error} retry={() => void reload()}>
        <Stack gap="xl">
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('users.staffTitle')}
            </Title>
            <DataTable data={staffUsers} columns={columns} caption={t('users.staffTitle')} empty={null} getRowId={(u) => String(u.id)} />
          </Stack>
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('users.peerTitle')}
            </Title>
            <DataTable
              data={peerUsers}
              columns={columns}
              caption={t('users.peerTitle')}
              getRowId={(u) => String(u.id)}
              empty={
                <Text c="dimmed" fz="sm">
                  {t('users.noPeerAccounts')}
                </Text>
              }
            />
          </Stack>
        </Stack>
      </LoadState>

      <AddStaffModal
        opened={pending?.kind === 'add-staff'}
        onClose={() => setPending(null)}
        onCreated={async (user, password, changeId) => {
          showPassword(user.fullName, password, changeId);
          await done();
        }}
      />
      <AddPeerAccountModal
        opened={pending?.kind === 'add-peer'}
        anyPeer={(accountless.data?.total ?? 0) > 0}
        onClose={() => setPending(null)}
        onCreated={async (user) => {
          notifications.show({ color: 'teal', message: t('users.created', { name: user.username }) });
          await done();
        }}
      />
      <SetPinModal
        user={pending?.kind === 'pin' ? pending.user : null}
        onClose={() => setPending(null)}
        onSaved={async (user) => {
          notifications.show({ color: 'teal', message: t('users.pinSaved', { name: user.fullName }) });
          await done();
        }}
      />
      <ConfirmDialog
        opened={confirmUser !== null}
        danger={confirmUser?.kind !== 'reset'}
        title={
          confirmUser
            ? t(confirmUser.kind === 'disable' ? 'users.disableTitle' : confirmUser.kind === 'remove' ? 'users.removeTitle' : 'users.resetTitle', {
                name: confirmUser.user.fullName,
              })
            : ''
        }
        body={
          confirmUser
            ? t(confirmUser.kind === 'disable' ? 'users.disableBody' : confirmUser.kind === 'remove' ? 'users.removeBody' : 'users.resetBody')
            : ''
        }
        confirmLabel={
          confirmUser ? t(confirmUser.kind === 'disable' ? 'users.disable' : confirmUser.kind === 'remove' ? 'users.remove' : 'users.resetPassword') : ''
        }
        onCancel={() => setPending(null)}
        onConfirm={async () => {
          if (!confirmUser) return;
          const userId = confirmUser.user.id;
          if (confirmUser.kind === 'disable') await call('users.disable', { userId });
          if (confirmUser.kind === 'remove') await call('users.remove', { userId });
          if (confirmUser.kind === 'reset') {
            const result = await call('users.resetPassword', { userId });
            showPassword(confirmUser.user.fullName, result.temporaryPassword, result.changeId);
          }
          await done();
        }}
      />
      <AppModal
        opened={shownOpen}
        onClose={() => setShownOpen(false)}
        onExitTransitionEnd={() => setShown(null)} title={t('users.temporaryTitle', { name: shown?.name ?? '' })}>
        <Stack>
          <Text>{t('users.temporaryBody', { name: shown?.name ?? '' })}</Text>
          {shown ? <ShownOnce secret={shown.password} label={t('users.temporaryTitle', { name: shown.name })} changeId={shown.changeId} /> : null}
          <Group justify="flex-end">
            <Button onClick={() => setShownOpen(false)}>{t('common.close')}</Button>
          </Group>
        </Stack>
      </AppModal>
    </>
  );
}
