import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { caseSeverities, type CaseSummary } from '../../contract';
import { DataTable, type ServerSort } from '../../ui/DataTable';
import { formatDateTime } from '../../ui/format';
import { CaseStatusBadge, SeverityBadge } from '../../ui/badges';
import { openCasePage } from '../../navigation/places';

const column = createColumnHelper<CaseSummary>();

/** When a case is due, in words: "today 23:59", or the date; overdue ones in red with an icon. */
export function DueCell({ row }: { row: Pick<CaseSummary, 'dueAt' | 'overdue' | 'status'> }) {
  const { t, i18n } = useTranslation();
  // Only a case still waiting for a decision has a due time that matters.
  if (row.status !== 'open' && row.status !== 'in_review') return <Text fz="sm" c="dimmed">—</Text>;
  return (
    <Stack gap={2} align="flex-start">
      <Group gap={4} wrap="nowrap">
        {row.overdue ? <IconClockExclamation size={16} color="var(--mantine-color-red-7)" aria-hidden /> : null}
        <Text fz="sm" c={row.overdue ? 'red.8' : undefined} fw={row.overdue ? 700 : undefined} style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(row.dueAt, i18n.language)}
        </Text>
      </Group>
      {row.overdue ? (
        <Badge color="red" size="sm" style={{ minWidth: 'max-content' }}>
          {t('cases.overdue')}
        </Badge>
      ) : null}
    </Stack>
  );
}

/**
 * Cases as a table: the most serious and the soonest due first (the backend's
 * order), overdue ones standing out in red. The number opens the case.
 */
export function CaseTable({
  cases,
  search,
  empty,
  caption,
  serverSort,
  unfiltered,
}: {
  cases: CaseSummary[];
  search: string;
  empty: ReactNode;
  caption: string;
  /** A page of cases.list, in the backend's order (issue 12). */
  serverSort?: ServerSort;
  unfiltered?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const columns = useMemo(
    () => [
      column.accessor('id', {
        header: t('cases.number'),
        cell: (info) => {
          const c = info.row.original;
          return (
            <UnstyledButton
              onClick={() => openCasePage(c.id)}
              aria-label={t('cases.openCase', { id: c.id, code: c.helpSeekerCode })}
              style={{ color: 'var(--mantine-color-blue-7)', fontWeight: 700 }}
            >
              #{c.id}
            </UnstyledButton>
          );
        },
        enableGlobalFilter: false,
      }),
      column.accessor('helpSeekerCode', {
        header: t('cases.helpSeeker'),
        cell: (info) => <Text fz="sm" style={{ whiteSpace: 'nowrap' }}>{info.getValue()}</Text>,
      }),
      column.accessor((c) => caseSeverities.indexOf(c.severity), {
        id: 'severity',
        header: t('cases.severity'),
        cell: (info) => <SeverityBadge severity={info.row.original.severity} />,
        enableGlobalFilter: false,
      }),
      column.accessor((c) => t(`caseStatus.${c.status}`), {
        id: 'status',
        header: t('cases.status'),
        cell: (info) => <CaseStatusBadge status={info.row.original.status} />,
      }),
      column.accessor((c) => (c.status === 'open' || c.status === 'in_review' ? c.dueAt : '9999'), {
        id: 'due',
        header: t('cases.due'),
        cell: (info) => <DueCell row={info.row.original} />,
        enableGlobalFilter: false,
      }),
      column.accessor((c) => c.assignedName ?? t('cases.unassigned'), {
        id: 'assigned',
        header: t('cases.assigned'),
        cell: (info) =>
          info.row.original.assignedName ?? (
            <Badge color="orange" variant="light">
              {t('cases.unassigned')}
            </Badge>
          ),
      }),
      column.accessor((c) => c.peerNames.join(', '), {
        id: 'peers',
        header: t('cases.peers'),
        cell: (info) => (
          <Stack gap={0}>
            {info.row.original.peerNames.length === 0 ? <Text fz="sm" c="dimmed">—</Text> : null}
            {info.row.original.peerNames.map((name) => (
              <Text key={name} fz="sm">
                {name}
              </Text>
            ))}
          </Stack>
        ),
      }),
      column.accessor('openedAt', { header: t('cases.opened'), cell: (info) => formatDateTime(info.getValue(), lang), enableGlobalFilter: false }),
    ],
    [t, lang],
  );
  return (
    <DataTable
      data={cases}
      columns={columns}
      search={search}
      caption={caption}
      getRowId={(c) => String(c.id)}
      empty={empty}
      serverSort={serverSort}
      unfiltered={unfiltered}
    />
  );
}
