import { Button, EmptyState, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconPencil, IconPlus, IconSearch, IconUsersGroup } from '@tabler/icons-react';
import { createColumnHelper } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/useCall';
import type { Peer } from '../../contract';
import { pendingDrafts } from '../../drafts/registry';
import { useSession } from '../../stores/session';
import { DataTable } from '../../ui/DataTable';
import { formatDateTime } from '../../ui/format';
import { LoadState } from '../../ui/LoadState';
import { PageHeader } from '../../ui/PageHeader';
import { PeerFormModal } from './PeerFormModal';
import { PeerStatusBadge } from './PeerStatusBadge';

const column = createColumnHelper<Peer>();

type Editing = { peer: Peer | null } | null;

/** What a peer supporter sees of themselves; the roster is for staff. */
function OwnProfile({ peer }: { peer: Peer | undefined }) {
  const { t } = useTranslation();
  if (!peer) return null;
  return (
    <Paper withBorder p="lg" radius="md" maw={560}>
      <Stack gap="xs">
        <Text fz="xl" fw={600}>
          {peer.fullName}
        </Text>
        <Group gap="sm">
          <Text c="dimmed">
            {t('peers.className')}: {peer.className}
          </Text>
          <PeerStatusBadge status={peer.status} />
        </Group>
      </Stack>
    </Paper>
  );
}

export function PeersPage() {
  const { t, i18n } = useTranslation();
  const role = useSession((s) => s.status?.user?.role);
  const canEdit = role === 'coordinator';
  const { data, error, loading, reload } = useCall('peers.list', {});
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const peers = useMemo(() => data?.peers ?? [], [data]);

  // A form left open at the last lock opens again with its text.
  useEffect(() => {
    if (!data || !canEdit) return;
    const draft = pendingDrafts().find((d) => d.formKey.startsWith('peer:'));
    if (!draft) return;
    const id = draft.formKey.slice('peer:'.length);
    setEditing({ peer: id === 'new' ? null : (data.peers.find((p) => String(p.id) === id) ?? null) });
  }, [data, canEdit]);

  const columns = useMemo(
    () => [
      column.accessor('fullName', { header: t('peers.fullName') }),
      column.accessor('className', { header: t('peers.className') }),
      column.accessor((p) => t(`peerStatus.${p.status}`), {
        id: 'status',
        header: t('peers.status'),
        cell: (info) => <PeerStatusBadge status={info.row.original.status} />,
      }),
      column.accessor('updatedAt', {
        header: t('peers.updated'),
        cell: (info) => formatDateTime(info.getValue(), i18n.language),
        enableGlobalFilter: false,
      }),
      ...(canEdit
        ? [
            column.display({
              id: 'actions',
              header: t('common.actions'),
              cell: (info) => (
                <Button
                  variant="subtle"
                  size="xs"
                  leftSection={<IconPencil size={14} />}
                  onClick={() => setEditing({ peer: info.row.original })}
                  aria-label={`${t('common.edit')} ${info.row.original.fullName}`}
                >
                  {t('common.edit')}
                </Button>
              ),
            }),
          ]
        : []),
    ],
    [t, i18n.language, canEdit],
  );

  return (
    <>
      <PageHeader
        title={role === 'peer' ? t('peers.ownProfile') : t('peers.title')}
        intro={role === 'peer' ? undefined : t('peers.intro')}
        actions={
          canEdit ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ peer: null })}>
              {t('peers.add')}
            </Button>
          ) : null
        }
      />
      <LoadState loading={loading && !data} error={error} retry={() => void reload()}>
        {role === 'peer' ? <OwnProfile peer={peers[0]} /> : null}
        {role !== 'peer' && peers.length > 0 ? (
          <Group mb="md">
            <TextInput
              leftSection={<IconSearch size={16} />}
              placeholder={t('peers.searchPlaceholder')}
              aria-label={t('common.search')}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              w={320}
            />
          </Group>
        ) : null}
        {role === 'peer' ? null : (
        <DataTable
          data={peers}
          columns={columns}
          search={search}
          caption={t('peers.title')}
          initialSort={[{ id: 'fullName', desc: false }]}
          getRowId={(peer) => String(peer.id)}
          empty={
            <EmptyState
              icon={<IconUsersGroup size={28} />}
              variant="light"
              title={t('peers.empty')}
              description={canEdit ? t('peers.emptyHint') : undefined}
              py="xl"
            >
              {canEdit ? (
                <EmptyState.Actions>
                  <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ peer: null })}>
                    {t('peers.add')}
                  </Button>
                </EmptyState.Actions>
              ) : null}
            </EmptyState>
          }
        />
        )}
      </LoadState>
      <PeerFormModal
        opened={editing !== null}
        peer={editing?.peer ?? null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void reload();
        }}
      />
    </>
  );
}
