import { Badge, Group, Text, UnstyledButton } from '@mantine/core';
import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionLogSummary } from '../../contract';
import { DataTable, type ServerSort } from '../../ui/DataTable';
import { formatDateTime, formatDay, formatTime } from '../../ui/format';
import { LogStatusBadge, SeverityBadge } from '../../ui/badges';
import { openSessionLog } from '../../navigation/places';
import classes from './LogTable.module.css';

const column = createColumnHelper<SessionLogSummary>();

export type LogColumn = 'peer' | 'risk' | 'submitted';

/**
 * Session logs as a sortable, searchable table. The date opens the log; the
 * risk column shows the severity the risk screen gives, so what is serious
 * stands out in a long list. As the review queue (`queue`), every row is
 * waiting for review, so there is no status column; an urgent row is red and a
 * high one marked at its edge.
 */
export function LogTable({
  logs,
  show,
  search,
  empty,
  caption,
  initialSort = [{ id: 'heldOn', desc: true }],
  serverSort,
  unfiltered,
  queue = false,
}: {
  logs: SessionLogSummary[];
  show: LogColumn[];
  search: string;
  empty: ReactNode;
  caption: string;
  initialSort?: SortingState;
  serverSort?: ServerSort;
  unfiltered?: boolean;
  queue?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const columns = useMemo(
    () => [
      column.accessor((l) => `${l.heldOn ?? ''} ${l.startTime ?? ''}`, {
        id: 'heldOn',
        header: t('sessions.heldOn'),
        cell: (info) => {
          const l = info.row.original;
          const date = formatDay(l.heldOn, lang) || '—';
          return (
            <UnstyledButton
              onClick={() => openSessionLog(l.id)}
              aria-label={t('sessions.openLog', { date, code: l.helpSeekerCode ?? '—' })}
              style={{ color: 'var(--mantine-color-blue-7)', fontWeight: 600 }}
            >
              {date} {formatTime(l.startTime ?? '', lang)}
            </UnstyledButton>
          );
        },
        enableGlobalFilter: false,
      }),
      column.accessor((l) => l.helpSeekerCode ?? '', {
        id: 'code',
        header: t('sessions.helpSeeker'),
        cell: (info) => <Text fz="sm" style={{ whiteSpace: 'nowrap' }}>{info.getValue() || '—'}</Text>,
      }),
      ...(show.includes('peer')
        ? [
            column.accessor('peerName', {
              header: t('sessions.peer'),
              cell: (info) => (
                <Group gap={6} wrap="nowrap">
                  <Text fz="sm">{info.getValue()}</Text>
                  {info.row.original.enteredByStaff ? (
                    <Badge size="xs" variant="outline" color="gray" style={{ minWidth: 'max-content' }}>
                      {t('sessions.paper')}
                    </Badge>
                  ) : null}
                </Group>
              ),
            }),
          ]
        : []),
      column.accessor((l) => l.topics.map((topic) => t(`topics.${topic}`)).join(', '), { id: 'topics', header: t('sessions.topics') }),
      ...(show.includes('risk')
        ? [
            column.accessor((l) => (l.severity ? ['urgent', 'high', 'routine'].indexOf(l.severity) : 3), {
              id: 'risk',
              header: t('sessions.risk'),
              cell: (info) => {
                const l = info.row.original;
                return (
                  <Group gap={4} wrap={queue ? 'nowrap' : 'wrap'}>
                    {l.severity ? <SeverityBadge severity={l.severity} /> : <Text fz="sm" c="dimmed">—</Text>}
                    {l.concern === 'high' ? (
                      <Badge size="sm" color="orange" variant="outline" style={{ minWidth: 'max-content' }}>
                        {queue ? t('sessions.concernHighShort') : t('sessions.concernHigh')}
                      </Badge>
                    ) : null}
                  </Group>
                );
              },
              enableGlobalFilter: false,
            }),
          ]
        : []),
      ...(queue
        ? []
        : [
            column.accessor((l) => t(`logStatus.${l.status}`), {
              id: 'status',
              header: t('sessions.status'),
              cell: (info) => <LogStatusBadge status={info.row.original.status} />,
            }),
          ]),
      ...(show.includes('submitted')
        ? [
            column.accessor((l) => l.submittedAt ?? '', {
              id: 'submittedAt',
              header: t('sessions.submittedAt'),
              cell: (info) => formatDateTime(info.row.original.submittedAt, lang),
              enableGlobalFilter: false,
            }),
          ]
        : []),
    ],
    [t, lang, show, queue],
  );
  return (
    <DataTable
      data={logs}
      columns={columns}
      search={search}
      caption={caption}
      initialSort={initialSort}
      getRowId={(l) => String(l.id)}
      empty={empty}
      serverSort={serverSort}
      unfiltered={unfiltered}
      rowClassName={queue ? (l) => (l.severity === 'urgent' ? classes.urgent : l.severity === 'high' ? classes.high : undefined) : undefined}
    />
  );
}
