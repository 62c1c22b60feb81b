import { Badge, Button, EmptyState, Group, Select, Stack, Switch, Text, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCalendarPlus, IconListCheck, IconUsersGroup } from '@tabler/icons-react';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/useCall';
import { useListChoice, usePage } from '../../api/usePage';
import { cadenceStates, meetingStatuses, type MeetingStatus, type MeetingSummary, type PeerCadence } from '../../contract';
import { DataTable } from '../../ui/DataTable';
import { formatDay, formatHours, formatTime } from '../../ui/format';
import { LoadState } from '../../ui/LoadState';
import { ListSearch } from '../../ui/ListSearch';
import { PageCount, Pager } from '../../ui/Pager';
import { ActionItemList } from './ActionItemList';
import { CadenceBadge, MeetingStatusBadge } from './badges';
import { useSupervisionView } from '../../navigation/places';

const meetingColumn = createColumnHelper<MeetingSummary>();

/** Every meeting the caller may see, newest first, with who came and what is still open. */
export function MeetingsList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const show = useSupervisionView((s) => s.show);
  const [status, setStatus] = useListChoice<MeetingStatus | null>('meetings', 'status', null);
  const [search, setSearch] = useListChoice('meetings', 'search', '');
  const [text] = useDebouncedValue(search.trim(), 250);
  const filters = { ...(status ? { status } : {}), ...(text ? { text } : {}) };
  const [offset, setOffset] = usePage(filters, 'meetings');
  const { data, error, loading, stale, reload } = useCall('supervision.meetings', { ...filters, offset });
  const meetings = useMemo(() => data?.meetings ?? [], [data]);

  const columns = useMemo(
    () => [
      meetingColumn.accessor((m) => `${m.heldOn} ${m.startTime ?? ''}`, {
        id: 'heldOn',
        header: t('supervision.date'),
        enableGlobalFilter: false,
        cell: (info) => {
          const m = info.row.original;
          const date = formatDay(m.heldOn, lang);
          return (
            <Stack gap={0}>
              <UnstyledButton
                onClick={() => show({ kind: 'meeting', id: m.id })}
                aria-label={t('supervision.openMeeting', { date })}
                style={{ color: 'var(--mantine-color-blue-7)', fontWeight: 600, whiteSpace: 'nowrap' }}
              >
                {date}
              </UnstyledButton>
              {m.startTime ? (
                <Text fz="xs" c="dimmed">
                  {formatTime(m.startTime, lang)}
                </Text>
              ) : null}
            </Stack>
          );
        },
      }),
      // Kind and group in one column: the table has to fit beside the sidebar.
      meetingColumn.accessor((m) => `${t(`supervision.kindNames.${m.kind}`)} ${m.groupName ?? ''}`, {
        id: 'kind',
        header: t('supervision.kind'),
        cell: (info) => {
          const m = info.row.original;
          return (
            <Stack gap={0} miw={150}>
              <Text fz="sm">{t(`supervision.kindNames.${m.kind}`)}</Text>
              {m.groupName ? (
                <Text fz="xs" c="dimmed">
                  {m.groupName}
                </Text>
              ) : null}
            </Stack>
          );
        },
      }),
      meetingColumn.accessor('supervisorName', { header: t('supervision.supervisorLabel') }),
      meetingColumn.accessor((m) => (m.status === 'held' ? m.peersPresent : -1), {
        id: 'present',
        header: t('supervision.peersPresent'),
        enableGlobalFilter: false,
        cell: (info) => {
          const m = info.row.original;
          return (
            <Text fz="sm" style={{ whiteSpace: 'nowrap' }}>
              {m.status === 'held' ? t('supervision.presentOf', { present: m.peersPresent, invited: m.peersInvited }) : t('supervision.invitedCount', { count: m.peersInvited })}
            </Text>
          );
        },
      }),
      meetingColumn.accessor((m) => m.topics.join(', '), {
        id: 'topics',
        header: t('supervision.topics'),
        cell: (info) => (
          <Text fz="sm" lineClamp={2} maw={260}>
            {info.getValue() || '—'}
          </Text>
        ),
      }),
      meetingColumn.accessor('cases', { header: t('supervision.casesDiscussed'), enableGlobalFilter: false }),
      meetingColumn.accessor('openActionItems', {
        header: t('supervision.openItems'),
        enableGlobalFilter: false,
        cell: (info) => (info.getValue() > 0 ? <Badge variant="light">{info.getValue()}</Badge> : <Text fz="sm" c="dimmed">0</Text>),
      }),
      meetingColumn.accessor((m) => t(`supervision.statuses.${m.status}`), {
        id: 'status',
        header: t('supervision.statusLabel'),
        cell: (info) => <MeetingStatusBadge status={info.row.original.status} />,
      }),
    ],
    [t, lang, show],
  );

  return (
    <LoadState loading={loading && !data} stale={stale} error={error} retry={() => void reload()}>
      {meetings.length > 0 || status !== null || text !== '' ? (
        <Group mb="md">
          <ListSearch value={search} onChange={setSearch} placeholder={t('supervision.searchPlaceholder')} />
          <Select
            aria-label={t('supervision.filterStatus')}
            placeholder={t('supervision.allStatuses')}
            clearable
            data={meetingStatuses.map((s) => ({ value: s, label: t(`supervision.statuses.${s}`) }))}
            value={status}
            onChange={(value) => setStatus(value as MeetingStatus | null)}
            w={200}
          />
          <PageCount total={data?.total ?? 0} offset={offset} />
        </Group>
      ) : null}
      <DataTable
        data={meetings}
        columns={columns}
        caption={t('supervision.meetingsCaption')}
        serverSort={{ sorting: [{ id: 'heldOn', desc: true }], onChange: () => undefined, columns: [] }}
        unfiltered={status === null && text === ''}
        getRowId={(m) => String(m.id)}
        empty={
          <EmptyState icon={<IconCalendarPlus size={28} />} variant="light" title={t('supervision.meetingsEmpty')} description={t('supervision.meetingsEmptyHint')} py="xl">
            <EmptyState.Actions>
              <Button variant="default" onClick={() => show({ kind: 'form', id: null, status: 'planned' })}>
                {t('supervision.plan')}
              </Button>
              <Button onClick={() => show({ kind: 'form', id: null, status: 'held' })}>{t('supervision.record')}</Button>
            </EmptyState.Actions>
          </EmptyState>
        }
      />
      <Pager total={data?.total ?? 0} offset={offset} onOffset={setOffset} />
    </LoadState>
  );
}

const cadenceColumn = createColumnHelper<PeerCadence>();

/** Every active peer with their group, last and next meeting; overdue first. */
export function CadencePanel() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data, error, loading, reload } = useCall('supervision.cadence', {});
  const [search, setSearch] = useState('');
  const peers = useMemo(() => data?.peers ?? [], [data]);
  const rank = (p: PeerCadence) => ['overdue', 'due', 'no_group', 'ok'].indexOf(p.state);

  const columns = useMemo(
    () => [
      cadenceColumn.accessor('fullName', { header: t('supervision.peer') }),
      cadenceColumn.accessor('className', { header: t('peers.className'), sortingFn: 'alphanumeric' }),
      cadenceColumn.accessor((p) => p.groupName ?? '', {
        id: 'group',
        header: t('supervision.group'),
        cell: (info) => {
          const p = info.row.original;
          return p.groupName ? (
            <Stack gap={0}>
              <Text fz="sm">{p.groupName}</Text>
              <Text fz="xs" c="dimmed">
                {t('supervision.everyDays', { count: p.frequencyDays ?? 0 })}
              </Text>
            </Stack>
          ) : (
            <Text fz="sm" c="dimmed">
              {t('supervision.noGroup')}
            </Text>
          );
        },
      }),
      cadenceColumn.accessor((p) => p.lastMeetingOn ?? '', {
        id: 'last',
        header: t('supervision.lastMeeting'),
        enableGlobalFilter: false,
        cell: (info) => <Text fz="sm" style={{ whiteSpace: 'nowrap' }}>{info.getValue() ? formatDay(info.getValue(), lang) : t('supervision.never')}</Text>,
      }),
      cadenceColumn.accessor((p) => p.nextDueOn ?? '9999', {
        id: 'next',
        header: t('supervision.nextDue'),
        enableGlobalFilter: false,
        cell: (info) => {
          const p = info.row.original;
          return (
            <Group gap={6} wrap="nowrap">
              <CadenceBadge state={p.state} nextDueOn={p.nextDueOn} />
              {p.nextDueOn ? (
                <Text fz="sm" fw={p.state === 'overdue' ? 700 : undefined} c={p.state === 'overdue' ? 'red.8' : undefined} style={{ whiteSpace: 'nowrap' }}>
                  {formatDay(p.nextDueOn, lang)}
                </Text>
              ) : null}
            </Group>
          );
        },
        sortingFn: (a, b) => rank(a.original) - rank(b.original) || (a.original.nextDueOn ?? '').localeCompare(b.original.nextDueOn ?? ''),
      }),
      cadenceColumn.accessor((p) => p.plannedOn ?? '', {
        id: 'planned',
        header: t('supervision.planned'),
        enableGlobalFilter: false,
        cell: (info) => <Text fz="sm" style={{ whiteSpace: 'nowrap' }}>{info.getValue() ? formatDay(info.getValue(), lang) : '—'}</Text>,
      }),
      cadenceColumn.accessor('hoursThisTerm', {
        header: t('supervision.hoursTerm'),
        enableGlobalFilter: false,
        cell: (info) => formatHours(info.getValue(), lang),
      }),
    ],
    [t, lang],
  );

  const counts = Object.fromEntries(cadenceStates.map((s) => [s, peers.filter((p) => p.state === s).length])) as Record<(typeof cadenceStates)[number], number>;
  return (
    <LoadState loading={loading && !data} error={error} retry={() => void reload()}>
      <Text c="dimmed" mb={4} maw={760}>
        {t('supervision.cadenceIntro')}
      </Text>
      {data ? (
        <Text fz="sm" fw={500} mb="md">
          {t('supervision.termHeld', {
            term: t(data.term.semester === 1 ? 'supervision.oddTerm' : 'supervision.evenTerm', { year: data.term.academicYear }),
            count: data.termHeld.meetings,
            hours: formatHours(data.termHeld.hours, lang),
          })}
        </Text>
      ) : null}
      {peers.length > 0 ? (
        <Group mb="md" gap="md">
          <ListSearch value={search} onChange={setSearch} placeholder={t('peers.searchPlaceholder')} />
          {cadenceStates.map((s) => (
            <Group key={s} gap={6}>
              <CadenceBadge state={s} nextDueOn={null} />
              <Text fz="sm" fw={600}>
                {counts[s]}
              </Text>
            </Group>
          ))}
        </Group>
      ) : null}
      <DataTable
        data={peers}
        columns={columns}
        search={search}
        caption={t('supervision.cadenceCaption')}
        initialSort={[{ id: 'next', desc: false }]}
        getRowId={(p) => String(p.peerId)}
        empty={<EmptyState icon={<IconUsersGroup size={28} />} variant="light" title={t('supervision.cadenceEmpty')} py="xl" />}
      />
    </LoadState>
  );
}

/** Open action items from every meeting the caller may see (and done ones on request). */
export function ActionItemsPanel() {
  const { t } = useTranslation();
  const [showDone, setShowDone] = useListChoice('actionItems', 'showDone', false);
  const [search, setSearch] = useListChoice('actionItems', 'search', '');
  const [text] = useDebouncedValue(search.trim(), 250);
  const filters = { ...(showDone ? {} : { open: true }), ...(text ? { text } : {}) };
  const [offset, setOffset] = usePage(filters, 'actionItems');
  const { data, error, loading, stale, reload } = useCall('actionItems.list', { ...filters, offset });
  const items = data?.items ?? [];
  return (
    <LoadState loading={loading && !data} stale={stale} error={error} retry={() => void reload()}>
      <Text c="dimmed" maw={640} mb="sm">
        {t('supervision.actionsIntro')}
      </Text>
      <Group mb="md">
        <ListSearch value={search} onChange={setSearch} placeholder={t('supervision.actionsSearch')} />
        <Switch label={t('supervision.showDone')} checked={showDone} onChange={(event) => setShowDone(event.currentTarget.checked)} />
        <PageCount total={data?.total ?? 0} offset={offset} />
      </Group>
      {items.length === 0 && !text ? (
        <EmptyState icon={<IconListCheck size={28} />} variant="light" title={t('supervision.actionsEmpty')} py="xl" />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('supervision.actionsNoMatch')}</Text>
      ) : (
        <ActionItemList items={items} onChanged={() => void reload()} />
      )}
      <Pager total={data?.total ?? 0} offset={offset} onOffset={setOffset} />
    </LoadState>
  );
}
