import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { caseSeverities, type CaseSummary } from '../../contract';
import { DataTable } from '../../ui/DataTable';
import { formatDateTime } from '../../ui/format';
import { CaseStatusBadge, SeverityBadge } from './badges';
import { openCasePage } from './caseView';

const column = createColumnHelper<CaseSummary>();

/** When a case is due, in words: "today 23:59", or the date; overdue ones in red with an icon. */
export function DueCell({ row }: { row: Pick<CaseSummary, 'dueAt' | 'overdue' | 'status'> }) {
  const { t, i18n } = useTranslation();
  if (row.status === 'closed') return <Text fz="sm" c="dimmed">—</Text>;
  return (
    <Group gap={4} wrap="nowrap">
      {row.overdue ? <IconClockExclamation size={16} color="var(--mantine-color-red-7)" aria-hidden /> : null}
      <Text fz="sm" c={row.overdue ? 'red.8' : undefined} fw={row.overdue ? 700 : undefined}>
        {formatDateTime(row.dueAt, i18n.language)}
      </Text>
      {row.overdue ? (
        <Badge color="red" size="sm">
          {t('cases.overdue')}
        </Badge>
      ) : null}
    </Group>
  );
}

/**
 * Cases as a table: the most serious and the soonest due first (the backend's
 * order), overdue ones standing out in red. The number opens the case.
 */
export function CaseTable({ cases, search, empty, caption }: { cases: CaseSummary[]; search: string; empty: ReactNode; caption: string }) {
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
      column.accessor('helpSeekerCode', { header: t('cases.helpSeeker') }),
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
      column.accessor((c) => (c.status === 'closed' ? '9999' : c.dueAt), {
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
  return <DataTable data={cases} columns={columns} search={search} caption={caption} getRowId={(c) => String(c.id)} empty={empty} />;
}
