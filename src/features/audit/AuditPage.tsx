import { Alert, Button, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { forgetProgress, useJobProgress } from '../../api/useLongJob';
import { auditActions, type AuditEntry } from '../../contract';
import { errorText } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { JobProgress } from '../../ui/JobProgress';
import { PageHeader } from '../../ui/PageHeader';

const pageSize = 100;

function describeDetails(details: AuditEntry['details']): string {
  return Object.entries(details)
    .filter(([, value]) => value !== null && value !== '')
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join('; ');
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
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
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

  return (
    <>
      <PageHeader title={t('audit.title')} intro={t('audit.intro')} />
      <ChainStatus />
      <Group mb="md">
        <Select
          label={t('audit.filter')}
          placeholder={t('audit.allActions')}
          clearable
          searchable
          w={320}
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
              <Table.Th>#</Table.Th>
              <Table.Th>{t('audit.at')}</Table.Th>
              <Table.Th>{t('audit.actor')}</Table.Th>
              <Table.Th>{t('audit.action')}</Table.Th>
              <Table.Th>{t('audit.target')}</Table.Th>
              <Table.Th>{t('audit.details')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td c="dimmed">{entry.id}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at, i18n.language)}</Table.Td>
                <Table.Td>{entry.actorName ?? t('audit.system')}</Table.Td>
                <Table.Td>{actionLabel(entry.action)}</Table.Td>
                <Table.Td>{entry.target ?? ''}</Table.Td>
                <Table.Td fz="sm" c="dimmed">
                  {describeDetails(entry.details)}
                </Table.Td>
              </Table.Tr>
            ))}
            {!loading && entries.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={6}>
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
