import { ActionIcon, Badge, Button, Group, Menu, Stack, Text, Title } from '@mantine/core';
import { AppModal } from '../../ui/AppModal';
import { notifications } from '@mantine/notifications';
import { IconDots, IconKey, IconPlus, IconTrash, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useDebouncedValue } from '@mantine/hooks';
import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { sortInput, useListChoice, usePage } from '../../api/usePage';
import type { AccountKind, UserSort, UserSummary } from '../../contract';
import { useSession } from '../../stores/session';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DataTable } from '../../ui/DataTable';
import { formatDateTime } from '../../ui/format';
import { ListSearch } from '../../ui/ListSearch';
import { LoadState } from '../../ui/LoadState';
import { PageHeader } from '../../ui/PageHeader';
import { PageCount, Pager } from '../../ui/Pager';
import { ShownOnce } from '../../ui/ShownOnce';
import { AddPeerAccountModal, AddStaffModal, SetPinModal } from './UserForms';

type Pending =
  | { kind: 'disable' | 'remove' | 'reset'; user: UserSummary }
  | { kind: 'pin'; user: UserSummary }
  | { kind: 'add-staff' }
  | { kind: 'add-peer' }
  | null;

const column = createColumnHelper<UserSummary>();

/**
 * Staff or peer accounts, a page at a time, searched and sorted in the backend; the search, sort
 * and page stay as the coordinator left them while the vault is open.
 */
function AccountList({ kind, title, columns, empty }: { kind: AccountKind; title: string; columns: Parameters<typeof DataTable<UserSummary>>[0]['columns']; empty: ReactNode }) {
  const { t } = useTranslation();
  const list = `users.${kind}`;
  const [search, setSearch] = useListChoice(list, 'search', '');
  const [text] = useDebouncedValue(search.trim(), 250);
  // Staff by role (coordinators first), as before paging; peer accounts all share one role.
  const [sorting, setSorting] = useListChoice<SortingState>(list, 'sorting', [{ id: kind === 'staff' ? 'role' : 'fullName', desc: false }]);
  const filters = { kind, ...(text ? { text } : {}), ...sortInput<UserSort>(sorting, 'fullName') };
  const [offset, setOffset] = usePage(filters, list);
  const { data, error, loading, stale, reload } = useCall('users.list', { ...filters, offset });
  const filtered = text !== '';
  return (
    <Stack gap="xs">
      <Group>
        <Title order={2} size="h4">
          {title}
        </Title>
        {(data?.total ?? 0) > 0 || filtered ? <ListSearch value={search} onChange={setSearch} placeholder={t('users.searchPlaceholder')} /> : null}
        <PageCount total={data?.total ?? 0} offset={offset} />
      </Group>
      <LoadState loading={loading && !data} stale={stale} error={error} retry={() => void reload()}>
        <DataTable
          data={data?.users ?? []}
          columns={columns}
          caption={title}
          empty={empty}
          unfiltered={!filtered}
          getRowId={(u) => String(u.id)}
          serverSort={{ sorting, onChange: setSorting, columns: ['fullName', 'username', 'role', 'lastSignInAt'] }}
        />
        <Pager total={data?.total ?? 0} offset={offset} onOffset={setOffset} />
      </LoadState>
    </Stack>
  );
}

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const me = useSession((s) => s.status?.user);
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

  // Every change a form or menu makes refreshes the lists on screen (api/queries.ts).
  const done = () => setPending(null);

  const enable = async (user: UserSummary) => {
    const result = await call('users.enable', { userId: user.id });
    if (result.temporaryPassword) showPassword(user.fullName, result.temporaryPassword, result.changeId);
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
      <Stack gap="xl">
        <AccountList kind="staff" title={t('users.staffTitle')} columns={columns} empty={null} />
        <AccountList
          kind="peer"
          title={t('users.peerTitle')}
          columns={columns}
          empty={
            <Text c="dimmed" fz="sm">
              {t('users.noPeerAccounts')}
            </Text>
          }
        />
      </Stack>

      <AddStaffModal
        opened={pending?.kind === 'add-staff'}
        onClose={() => setPending(null)}
        onCreated={async (user, password, changeId) => {
          showPassword(user.fullName, password, changeId);
          done();
        }}
      />
      <AddPeerAccountModal
        opened={pending?.kind === 'add-peer'}
        anyPeer={(accountless.data?.total ?? 0) > 0}
        onClose={() => setPending(null)}
        onCreated={async (user) => {
          notifications.show({ color: 'teal', message: t('users.created', { name: user.username }) });
          done();
        }}
      />
      <SetPinModal
        user={pending?.kind === 'pin' ? pending.user : null}
        onClose={() => setPending(null)}
        onSaved={async (user) => {
          notifications.show({ color: 'teal', message: t('users.pinSaved', { name: user.fullName }) });
          done();
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
          done();
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
