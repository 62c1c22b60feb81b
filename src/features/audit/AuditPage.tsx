import { Alert, Anchor, Button, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconShieldCheck } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { forgetProgress, useJobProgress } from '../../api/useLongJob';
import type { TFunction } from 'i18next';
import { notifications } from '@mantine/notifications';
import { auditActions, toCsv, type AuditEntry, type AuditRecordKind, type AuditRef } from '../../contract';
import { openCasePage, openMeeting, openPeerProfile, openSessionLog } from '../../navigation/places';
import { downloadText } from '../../ui/download';
import { describeEntry, type DescribedEntry } from './auditSentence';
import { errorText } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { JobProgress } from '../../ui/JobProgress';
import { PageHeader } from '../../ui/PageHeader';

const pageSize = 100;

type AnyT = TFunction<'translation', undefined>;

/** The records that have a page of their own, and how to open it. */
const recordPages: Partial<Record<AuditRecordKind, (id: number) => void>> = {
  case: openCasePage,
  peer: openPeerProfile,
  'session-log': openSessionLog,
  'supervision-meeting': openMeeting,
};

/** One entry's sentence, with its record as a link where the record has a page. */
function EntrySentence({ described }: { described: DescribedEntry }) {
  const { record } = described;
  const open = record ? recordPages[record.kind] : undefined;
  return (
    <Text fz="sm">
      {described.before}
      {record && open ? (
        <Anchor component="button" type="button" fz="sm" onClick={() => open(Number(record.id))}>
          {record.name}
        </Anchor>
      ) : (
        record?.name
      )}
      {described.after}
    </Text>
  );
}

/** Every entry that matches the filter, page by page, as a CSV file in the screen's words. */
async function exportCsv(t: AnyT, language: string, action: string | null): Promise<number> {
  const rows: Array<Array<string | number>> = [[t('audit.at'), t('audit.actor'), t('audit.action'), t('audit.sentence'), t('audit.details'), '#']];
  let beforeId: number | undefined;
  for (;;) {
    const page = await call('audit.list', { limit: 500, ...(beforeId ? { beforeId } : {}), ...(action ? { action } : {}) });
    for (const entry of page.entries) {
      const described = describeEntry(t, language, entry, page.refs);
      rows.push([
        formatDateTime(entry.at, language),
        described.who,
        t(`auditActions.${entry.action}` as never, { defaultValue: entry.action }) as string,
        described.sentence,
        described.details.map((d) => `${d.label}: ${d.value}`).join('; '),
        entry.id,
      ]);
    }
    if (!page.hasMore) break;
    beforeId = page.entries[page.entries.length - 1]?.id;
  }
  downloadText(`sebaya-audit-log-${new Date().toISOString().slice(0, 10)}.csv`, toCsv(rows));
  return rows.length - 1;
}

/**
 * On opening: the entries added since the last check that found the log intact (quick at
 * any size); the whole log on demand, which also finds an entry altered long ago.
 */
function ChainStatus() {
  const { t } = useTranslation();
  const [full, setFull] = useState(false);
  const { data, error, loading } = useCall('audit.verify', full ? { full: true } : {});
  // The whole log is walked beside the backend's queue: the page shows how far, and everything else keeps answering.
  const progress = useJobProgress('audit-check', full && loading);
  if (full && loading) {
    return (
      <Stack gap={4} mb="md" maw={720}>
        <Text fz="sm">{t('audit.verifyingAll')}</Text>
        <JobProgress running progress={progress} />
      </Stack>
    );
  }
  if (loading) {
    return (
      <Group gap="xs" mb="md">
        <Loader size="xs" />
        <Text fz="sm">{t(full ? 'audit.verifyingAll' : 'audit.verifying')}</Text>
      </Group>
    );
  }
  if (error) return <Alert color="red">{errorText(t, error)}</Alert>;
  if (!data) return null;
  if (!data.ok) {
    return (
      <Alert color="red" icon={<IconAlertTriangle />} mb="md" role="alert">
        {t('audit.chainBroken', { id: data.brokenAtId ?? '?' })}
      </Alert>
    );
  }
  return (
    <Alert color="teal" icon={<IconShieldCheck />} mb="md" role="status">
      <Group justify="space-between" gap="xs">
        <Text fz="sm">{data.full ? t('audit.chainOk', { count: data.checked }) : t('audit.chainOkSince', { count: data.checked })}</Text>
        {data.full ? null : (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => {
              forgetProgress('audit-check');
              setFull(true);
            }}
          >
            {t('audit.verifyAll')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [action, setAction] = useState<string | null>(null);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [refs, setRefs] = useState<Record<string, AuditRef>>({});
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    async (beforeId?: number) => {
      setLoading(true);
      try {
        const page = await call('audit.list', {
          limit: pageSize,
          ...(beforeId ? { beforeId } : {}),
          ...(action ? { action } : {}),
        });
        setEntries((current) => (beforeId ? [...current, ...page.entries] : page.entries));
        setRefs((current) => (beforeId ? { ...current, ...page.refs } : page.refs));
        setHasMore(page.hasMore);
        setError(null);
      } catch (caught) {
        setError(caught);
      } finally {
        setLoading(false);
      }
    },
    [action],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const actionLabel = (name: string) => t(`auditActions.${name}` as never, { defaultValue: name }) as string;
  const language = i18n.language;
  const described = useMemo(() => entries.map((entry) => ({ entry, described: describeEntry(t, language, entry, refs) })), [t, language, entries, refs]);

  const exportNow = async () => {
    setExporting(true);
    try {
      const count = await exportCsv(t, language, action);
      notifications.show({ color: 'teal', message: t('audit.exported', { count }) });
    } catch (caught) {
      setError(caught);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        intro={t('audit.intro')}
        actions={
          <Button variant="default" leftSection={<IconDownload size={16} />} loading={exporting} onClick={() => void exportNow()}>
            {t('audit.exportCsv')}
          </Button>
        }
      />
      <ChainStatus />
      <Group mb="md">
        <Select
          label={t('audit.filter')}
          placeholder={t('audit.allActions')}
          clearable
          searchable
          w={360}
          value={action}
          onChange={setAction}
          data={auditActions.map((name) => ({ value: name, label: actionLabel(name) }))}
        />
      </Group>
      {error ? (
        <Alert color="red" role="alert">
          {errorText(t, error)}
        </Alert>
      ) : null}
      <Table.ScrollContainer minWidth={700}>
        <Table striped verticalSpacing="xs" bg="var(--mantine-color-body)">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={170}>{t('audit.at')}</Table.Th>
              <Table.Th>{t('audit.sentence')}</Table.Th>
              <Table.Th w="32%">{t('audit.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {described.map(({ entry, described: one }) => (
              <Table.Tr key={entry.id} data-action={entry.action}>
                <Table.Td fz="sm" style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                  {formatDateTime(entry.at, language)}
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <EntrySentence described={one} />
                </Table.Td>
                <Table.Td fz="sm" c="dimmed" style={{ verticalAlign: 'top' }}>
                  {one.details.map((detail) => (
                    <div key={detail.field}>
                      {detail.label}: {detail.value}
                    </div>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
            {!loading && entries.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={3}>
                  <Text c="dimmed" ta="center" py="md">
                    {t('audit.empty')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {hasMore ? (
        <Group justify="center" mt="md">
          <Button variant="default" loading={loading} onClick={() => void load(entries[entries.length - 1]?.id)}>
            {t('audit.loadMore')}
          </Button>
        </Group>
      ) : null}
    </>
  );
}
