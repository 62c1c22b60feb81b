import { Badge, Button, EmptyState, Group, Select, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPlus, IconSearch, IconUpload, IconUsersGroup } from '@tabler/icons-react';
import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { sortInput, usePage } from '../../api/usePage';
import { peerStatuses, trainingFilters, type PeerSort, type PeerStatus, type RosterEntry, type TrainingFilter } from '../../contract';
import { pendingDrafts } from '../../drafts/registry';
import { currentLanguage } from '../../i18n';
import { useSession } from '../../stores/session';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DataTable } from '../../ui/DataTable';
import { formatDay, formatHours } from '../../ui/format';
import { LoadState } from '../../ui/LoadState';
import { Pager } from '../../ui/Pager';
import { PageHeader } from '../../ui/PageHeader';
import { downloadText } from '../../ui/download';
import { ImportModal } from './ImportModal';
import classes from './PeersPage.module.css';
import { PeerFormModal } from './PeerFormModal';
import { PeerProfile } from './PeerProfile';
import { PeerStatusBadge } from './PeerStatusBadge';
import { usePeerView } from '../../navigation/places';
import { useSupervisionColumn } from '../supervision';

const column = createColumnHelper<RosterEntry>();

/** The roster's columns the backend sorts by; the training figures are worked out per page and do not sort. */
const sortedColumns: readonly PeerSort[] = ['fullName', 'className', 'status', 'statusSince', 'supervisor'];
const trainingLabels: Record<TrainingFilter, 'peers.trainedOnly' | 'peers.notTrained' | 'peers.refresherDueOnly'> = {
  trained: 'peers.trainedOnly',
  not_trained: 'peers.notTrained',
  refresher: 'peers.refresherDueOnly',
};

const refresherRank = (p: RosterEntry) => (p.refreshers.some((r) => r.state === 'overdue') ? 2 : p.refreshers.length ? 1 : 0);

/** How many peers have each status, in the whole roster; a click narrows the list to one. */
function StatusCounts({
  counts,
  total,
  value,
  onChange,
}: {
  counts: Record<PeerStatus, number>;
  total: number;
  value: PeerStatus | null;
  onChange(status: PeerStatus | null): void;
}) {
  const { t } = useTranslation();
  const item = (status: PeerStatus | null, label: string, count: number) => (
    <UnstyledButton
      key={status ?? 'all'}
      className={classes.count}
      data-active={value === status || undefined}
      aria-pressed={value === status}
      onClick={() => onChange(value === status ? null : status)}
    >
      <Text fz="xs" c="dimmed" fw={500} lh={1.2}>
        {label}
      </Text>
      <Text fz="lg" fw={700} lh={1.3}>
        {count}
      </Text>
    </UnstyledButton>
  );
  return (
    <Group gap={6} role="group" aria-label={t('peers.countsLabel')} mb="md">
      {item(null, t('peers.countAll'), total)}
      {peerStatuses.map((s) => item(s, t(`peerStatus.${s}`), counts[s]))}
    </Group>
  );
}

/** The roster a page at a time (issue 12): sorted, filtered and searched by the backend. */
function Roster({ canEdit }: { canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const open = usePeerView((s) => s.open);
  const [search, setSearch] = useState('');
  const [text] = useDebouncedValue(search.trim(), 250);
  const [status, setStatus] = useState<PeerStatus | null>(null);
  const [className, setClassName] = useState<string | null>(null);
  const [training, setTraining] = useState<TrainingFilter | null>(null);
  const [sorting, setSorting] = useState<SortingState>([{ id: 'fullName', desc: false }]);
  const filters = {
    ...(text ? { text } : {}),
    ...(status ? { statuses: [status] } : {}),
    ...(className ? { className } : {}),
    ...(training ? { training } : {}),
  };
  const order = sortInput<PeerSort>(sorting, 'fullName');
  const [offset, setOffset] = usePage({ ...filters, ...order });
  const { data, error, loading, stale, reload } = useCall('peers.list', { ...filters, ...order, offset });
  const overview = useCall('peers.overview', {});
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const peers = useMemo(() => data?.peers ?? [], [data]);
  const matching = data?.total ?? 0;
  const everyone = overview.data?.total ?? 0;
  const filtered = Object.keys(filters).length > 0;
  const supervisionColumn = useSupervisionColumn();
  const reloadAll = async () => {
    await Promise.all([reload(), overview.reload()]);
  };

  // A nomination form left open at the last lock opens again with its text; a form on a profile opens that profile.
  useEffect(() => {
    if (!data || !canEdit) return;
    for (const draft of pendingDrafts()) {
      const [kind, id] = draft.formKey.split(':');
      if (kind === 'peer' && id === 'new') setAdding(true);
      else if (['peer', 'interview', 'consent', 'transition'].includes(kind ?? '') && Number(id) > 0) open(Number(id));
      else continue;
      return;
    }
  }, [data, canEdit, open]);

  const classNames = useMemo(
    () => [...(overview.data?.classNames ?? [])].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })),
    [overview.data],
  );

  const columns = useMemo(
    () => [
      column.accessor('fullName', {
        header: t('peers.fullName'),
        cell: (info) => (
          <UnstyledButton className={classes.name} onClick={() => open(info.row.original.id)} title={t('peers.openProfile', { name: info.getValue() })}>
            {info.getValue()}
          </UnstyledButton>
        ),
      }),
      column.accessor('className', { header: t('peers.className'), sortingFn: 'alphanumeric' }),
      column.accessor((p) => t(`peerStatus.${p.status}`), {
        id: 'status',
        header: t('peers.status'),
        cell: (info) => <PeerStatusBadge status={info.row.original.status} />,
        sortingFn: (a, b) => peerStatuses.indexOf(a.original.status) - peerStatuses.indexOf(b.original.status),
      }),
      column.accessor((p) => (p.trained ? 1000 : p.requiredDone), {
        id: 'training',
        header: t('peers.training'),
        enableGlobalFilter: false,
        cell: (info) => {
          const p = info.row.original;
          return p.trained ? (
            <Badge color="teal" variant="light">
              {t('peers.trained')}
            </Badge>
          ) : (
            <Text fz="sm" c="dimmed">
              {t('peers.trainingDone', { done: p.requiredDone, total: p.requiredTotal })}
            </Text>
          );
        },
      }),
      column.accessor('trainingHours', {
        header: t('peers.hours'),
        enableGlobalFilter: false,
        cell: (info) => formatHours(info.getValue(), lang),
      }),
      column.accessor(refresherRank, {
        id: 'refresher',
        header: t('peers.refresher'),
        enableGlobalFilter: false,
        cell: (info) => {
          const rank = info.getValue();
          if (rank === 0) return null;
          const first = info.row.original.refreshers[0];
          return (
            <Badge color={rank === 2 ? 'red' : 'orange'} variant="light" title={first ? formatDay(first.dueOn, lang) : undefined}>
              {rank === 2 ? t('peers.refresherOverdue') : t('peers.refresherDue')}
            </Badge>
          );
        },
      }),
      supervisionColumn,
      column.accessor((p) => p.supervisorName ?? '', { id: 'supervisor', header: t('peers.supervisor') }),
      column.accessor('statusSince', {
        header: t('peers.statusSince'),
        enableGlobalFilter: false,
        cell: (info) => (
          <Text span fz="sm" style={{ whiteSpace: 'nowrap' }}>
            {formatDay(info.getValue(), lang)}
          </Text>
        ),
      }),
    ],
    [t, lang, open, supervisionColumn],
  );

  const exportNow = async () => {
    const result = await call('peers.exportCsv', { ...filters, ...order, language: currentLanguage() });
    downloadText(result.fileName, result.csv);
    setExporting(false);
    notifications.show({ color: 'teal', message: t('peers.exported', { file: result.fileName }) });
  };

  return (
    <>
      <PageHeader
        title={t('peers.title')}
        intro={t('peers.intro')}
        actions={
          canEdit ? (
            <>
              <Button variant="default" leftSection={<IconUpload size={16} />} onClick={() => setImporting(true)}>
                {t('peers.importCsv')}
              </Button>
              <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => setExporting(true)} disabled={matching === 0}>
                {t('peers.exportCsv')}
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
                {t('peers.add')}
              </Button>
            </>
          ) : null
        }
      />
      <LoadState loading={loading && !data} stale={stale} error={error ?? overview.error} retry={() => void reloadAll()}>
        {everyone > 0 && overview.data ? (
          <>
            <StatusCounts counts={overview.data.byStatus} total={everyone} value={status} onChange={setStatus} />
            <Group mb="md" align="flex-end" gap="sm">
              <TextInput
                leftSection={<IconSearch size={16} />}
                placeholder={t('peers.searchPlaceholder')}
                aria-label={t('common.search')}
                value={search}
                onChange={(event) => setSearch(event.currentTarget.value)}
                w={260}
              />
              <Select
                aria-label={t('peers.filterStatus')}
                placeholder={t('peers.allStatuses')}
                clearable
                data={peerStatuses.map((s) => ({ value: s, label: t(`peerStatus.${s}`) }))}
                value={status}
                onChange={(value) => setStatus(value as PeerStatus | null)}
                w={170}
              />
              <Select
                aria-label={t('peers.filterClass')}
                placeholder={t('peers.allClasses')}
                clearable
                searchable
                data={classNames}
                value={className}
                onChange={setClassName}
                w={140}
              />
              <Select
                aria-label={t('peers.filterTraining')}
                allowDeselect={false}
                data={[
                  { value: 'any', label: t('peers.anyTraining') },
                  ...trainingFilters.map((f) => ({ value: f, label: t(trainingLabels[f]) })),
                ]}
                value={training ?? 'any'}
                onChange={(value) => setTraining(value === 'any' || value === null ? null : (value as TrainingFilter))}
                w={220}
              />
              <Text fz="sm" c="dimmed" ml="auto" aria-live="polite">
                {t('peers.shown', { shown: matching, total: everyone })}
              </Text>
            </Group>
          </>
        ) : null}
        <DataTable
          data={peers}
          columns={columns}
          caption={t('peers.title')}
          serverSort={{ sorting, onChange: setSorting, columns: sortedColumns }}
          unfiltered={!filtered}
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
                  <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
                    {t('peers.add')}
                  </Button>
                  <Button variant="default" leftSection={<IconUpload size={16} />} onClick={() => setImporting(true)}>
                    {t('peers.importCsv')}
                  </Button>
                </EmptyState.Actions>
              ) : null}
            </EmptyState>
          }
        />
        <Pager total={matching} offset={offset} onOffset={setOffset} />
      </LoadState>
      {canEdit ? (
        <>
          <PeerFormModal
            opened={adding}
            profile={null}
            onClose={() => setAdding(false)}
            onSaved={() => {
              setAdding(false);
              void reloadAll();
            }}
          />
          <ImportModal
            opened={importing}
            onClose={() => setImporting(false)}
            onImported={() => {
              setImporting(false);
              void reloadAll();
            }}
          />
          <ConfirmDialog
            opened={exporting}
            title={t('peers.exportTitle')}
            body={
              <Stack gap="xs">
                <Text>{t('peers.exportBody')}</Text>
                <Text fz="sm" c="dimmed">
                  {t('peers.exportCount', { count: matching })}
                </Text>
              </Stack>
            }
            confirmLabel={t('peers.exportConfirm', { count: matching })}
            onCancel={() => setExporting(false)}
            onConfirm={exportNow}
          />
        </>
      ) : null}
    </>
  );
}

/** The roster for staff, a peer's profile when one is open; a peer account sees only their own profile. */
export function PeersPage() {
  const { t } = useTranslation();
  const user = useSession((s) => s.status?.user);
  const openId = usePeerView((s) => s.id);
  const close = usePeerView((s) => s.close);
  const role = user?.role;

  if (role === 'peer') {
    return user?.peerId ? (
      <PeerProfile peerId={user.peerId} canEdit={false} own />
    ) : (
      <PageHeader title={t('peers.ownProfile')} />
    );
  }
  if (openId !== null) return <PeerProfile key={openId} peerId={openId} canEdit={role === 'coordinator'} onBack={close} />;
  return <Roster canEdit={role === 'coordinator'} />;
}
