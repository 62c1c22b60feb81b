import { Alert, Badge, Button, Group, List, Paper, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconDatabaseExport, IconQuestionMark, IconSearch } from '@tabler/icons-react';
import { createColumnHelper } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { useLongJob } from '../../api/useLongJob';
import {
  backupFailureReasons,
  backupProblems,
  type BackupFailureReason,
  type BackupFile,
  type BackupHistoryEntry,
  type BackupProblem,
  type MethodOutput,
} from '../../contract';
import { DataTable } from '../../ui/DataTable';
import { JobButton, JobProgress } from '../../ui/JobProgress';
import { formatBytes, formatDateTime } from '../../ui/format';
import { LoadState } from '../../ui/LoadState';
import { PageHeader } from '../../ui/PageHeader';
import { backupErrorText, problemText } from './backupTexts';
import { BackupReminderText } from './BackupReminder';
import { FolderField } from './FolderField';
import { checkedFile, FullCheckModal, type CheckedFile } from './FullCheckModal';

type Listing = MethodOutput<'backups.folder'>;
type Made = MethodOutput<'backups.create'>;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

const fileColumn = createColumnHelper<BackupFile>();
const historyColumn = createColumnHelper<BackupHistoryEntry>();

/** The result of the latest check of a backup, in words (badges cut long dates short). */
function CheckStatus({ backup }: { backup: BackupFile }) {
  const { t, i18n } = useTranslation();
  const line = (color: string, icon: ReactNode, text: string) => (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <ThemeIcon color={color} variant="light" size={20} radius="xl" style={{ flexShrink: 0 }}>
        {icon}
      </ThemeIcon>
      <Text fz="sm" c={color === 'gray' ? 'dimmed' : undefined}>
        {text}
      </Text>
    </Group>
  );
  if (backup.problem) return line('red', <IconAlertTriangle size={13} />, problemText(t, backup.problem));
  const check = backup.lastCheck;
  if (!check) return line('gray', <IconQuestionMark size={13} />, t('backups.statusUnchecked'));
  const date = formatDateTime(check.at, i18n.language);
  if (!check.ok) return line('red', <IconAlertTriangle size={13} />, t('backups.statusFailed', { date }));
  const text =
    check.level === 'created'
      ? t('backups.statusCreated', { date })
      : check.level === 'quick'
        ? t('backups.statusQuick', { date })
        : t('backups.statusFull', { date });
  return line('teal', <IconCheck size={13} />, text);
}

function historyProblem(t: TFunction<'translation', undefined>, problem: string): string {
  if ((backupFailureReasons as readonly string[]).includes(problem)) return t(`backups.failures.${problem as BackupFailureReason}`);
  if ((backupProblems as readonly string[]).includes(problem)) return problemText(t, problem as BackupProblem);
  if (problem === 'wrong-credential') return t('backups.wrongCredential');
  return problem;
}

/** The Backups area (issue 6): back up now to a USB stick, the backups there with their checks, and the history. */
export function BackupsPage() {
  const { t, i18n } = useTranslation();
  const overview = useCall('backups.overview', {});
  const [folder, setFolder] = useState('');
  const [active, setActive] = useState<string | null>(null);
  const [listing, setListing] = useState<Listing | null>(null);
  const [listingError, setListingError] = useState<unknown>(null);
  // Both run beside the backend's queue; opened again while one runs, the page shows it still running.
  const making = useLongJob('backups.create', 'backup');
  const fullCheck = useLongJob('backups.verify', 'backup-check', { keep: ({ file }) => ({ file }) });
  const made: Made | null = making.value ?? null;
  const failure = making.error ? backupErrorText(t, making.error) : null;
  const [checking, setChecking] = useState<CheckedFile | null>(() => (fullCheck.running && fullCheck.input ? checkedFile(fullCheck.input.file) : null));
  const [search, setSearch] = useState('');
  const [prefilled, setPrefilled] = useState(false);

  // The folder of the last backup is where the next one most likely goes.
  useEffect(() => {
    if (!overview.data || prefilled) return;
    setPrefilled(true);
    if (overview.data.folder) {
      setFolder(overview.data.folder);
      setActive(overview.data.folder);
    }
  }, [overview.data, prefilled]);

  const loadListing = useCallback(async (target: string) => {
    try {
      setListing(await call('backups.folder', { folder: target }));
      setListingError(null);
    } catch (caught) {
      setListingError(caught);
    }
  }, []);

  useEffect(() => {
    if (active) void loadListing(active);
  }, [active, loadListing]);

  const refresh = async () => {
    await overview.reload();
    if (active) await loadListing(active);
  };

  const backUp = () => {
    const target = folder.trim();
    if (target) making.start({ folder: target });
  };

  // Where the backup went is where the list looks; a failure is in the history.
  useEffect(() => {
    if (!made) return;
    setFolder(made.folder);
    setActive(made.folder);
    void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [made]);
  useEffect(() => {
    if (making.error) void overview.reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [making.error]);

  const quickCheck = async (backup: BackupFile) => {
    try {
      const result = await call('backups.verify', { file: backup.file });
      notifications.show(
        result.ok
          ? { color: 'teal', message: t('backups.quickOk', { name: backup.name }) }
          : { color: 'red', message: t('backups.quickFailed', { name: backup.name, problem: problemText(t, result.problem ?? 'damaged-header') }) },
      );
    } catch (caught) {
      notifications.show({ color: 'red', message: backupErrorText(t, caught) });
    }
    await refresh();
  };

  const fileColumns = useMemo(
    () => [
      fileColumn.accessor('name', {
        header: t('backups.file'),
        cell: (info) => (
          <Stack gap={2}>
            <Text fz="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
              {info.getValue()}
            </Text>
            {info.row.original.thisVault === false ? (
              <Text fz="xs" c="dimmed">
                {t('backups.otherVault')}
              </Text>
            ) : null}
          </Stack>
        ),
      }),
      fileColumn.accessor('createdAt', {
        header: t('backups.made'),
        cell: (info) => formatDateTime(info.getValue(), i18n.language),
        enableGlobalFilter: false,
      }),
      fileColumn.accessor('bytes', {
        header: t('backups.size'),
        cell: (info) => formatBytes(info.getValue(), i18n.language),
        enableGlobalFilter: false,
      }),
      fileColumn.display({ id: 'check', header: t('backups.status'), cell: (info) => <CheckStatus backup={info.row.original} /> }),
      fileColumn.display({
        id: 'actions',
        header: t('common.actions'),
        cell: (info) => {
          const backup = info.row.original;
          return (
            <Group gap="xs" wrap="nowrap">
              <Button size="compact-sm" variant="light" aria-label={t('backups.quickCheckLabel', { name: backup.name })} onClick={() => void quickCheck(backup)}>
                {t('backups.quickCheck')}
              </Button>
              <Button
                size="compact-sm"
                variant="default"
                disabled={backup.problem !== null}
                aria-label={t('backups.fullCheckLabel', { name: backup.name })}
                onClick={() => setChecking(backup)}
              >
                {t('backups.fullCheck')}
              </Button>
            </Group>
          );
        },
      }),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, i18n.language, active],
  );

  const historyColumns = useMemo(
    () => [
      historyColumn.accessor('at', {
        header: t('backups.when'),
        cell: (info) => formatDateTime(info.getValue(), i18n.language),
        enableGlobalFilter: false,
      }),
      // Translated in the cell, not the accessor: the table keeps accessor values until its data changes.
      historyColumn.accessor('action', {
        id: 'what',
        header: t('backups.what'),
        cell: (info) => (
          <Text fz="sm">
            {t(`backups.history.${info.getValue()}`)}
            {info.row.original.via === 'cli' ? (
              <Text span c="dimmed" fz="sm">
                {` (${t('backups.viaCli')})`}
              </Text>
            ) : null}
          </Text>
        ),
      }),
      historyColumn.accessor('name', {
        header: t('backups.file'),
        cell: (info) => (
          <Text fz="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
            {info.getValue() ?? info.row.original.folder ?? ''}
          </Text>
        ),
      }),
      historyColumn.accessor('by', { header: t('backups.who'), cell: (info) => info.getValue() ?? '—' }),
      historyColumn.accessor('ok', {
        header: t('backups.result'),
        cell: (info) =>
          info.getValue() ? (
            <Badge color="teal" variant="light" radius="sm">
              {t('backups.historyOk')}
            </Badge>
          ) : (
            <Text fz="sm" c="red">
              {historyProblem(t, info.row.original.problem ?? 'unknown')}
            </Text>
          ),
        enableGlobalFilter: false,
      }),
    ],
    [t, i18n.language],
  );

  const keepLast = overview.data?.keepLast ?? 10;

  return (
    <>
      <PageHeader title={t('backups.title')} intro={t('backups.intro')} />
      <LoadState loading={overview.loading && !overview.data} error={overview.error} retry={() => void overview.reload()}>
        <Stack gap="lg" maw={1100}>
          {overview.data ? <BackupReminderText overview={overview.data} /> : null}

          <Section title={t('backups.makeTitle')}>
            <FolderField
              value={folder}
              onChange={setFolder}
              onCommit={(value) => setActive(value)}
              label={t('backups.folder')}
              description={t('backups.folderHint', { count: keepLast })}
            />
            {listing && active && listing.exists === false ? (
              <Alert color="orange" icon={<IconAlertTriangle size={18} />} role="status">
                {t('backups.folderMissing')}
              </Alert>
            ) : null}
            {listing?.sameDiskAsVault ? (
              <Alert color="yellow" icon={<IconAlertTriangle size={18} />} role="status">
                {t('backups.sameDisk')}
              </Alert>
            ) : null}
            <Group>
              <JobButton leftSection={<IconDatabaseExport size={18} />} running={making.running} onStart={backUp} disabled={!folder.trim()}>
                {t('backups.backUp')}
              </JobButton>
            </Group>
            <JobProgress running={making.running} progress={making.progress} />
            {making.running ? (
              <Text fz="sm" c="dimmed">
                {t('backups.progress')}
              </Text>
            ) : null}
            {made ? (
              <Alert color="teal" icon={<IconCheck size={18} />} title={t('backups.done')} role="status">
                <Stack gap={4}>
                  <Text fz="sm">
                    {t('backups.doneDetails', {
                      name: made.name,
                      size: formatBytes(made.bytes, i18n.language),
                      seconds: (made.durationMs / 1000).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 }),
                    })}
                  </Text>
                  {made.removed.length > 0 ? <Text fz="sm">{t('backups.removed', { count: made.removed.length, keep: keepLast })}</Text> : null}
                  {made.notRemoved.length > 0 ? <Text fz="sm">{t('backups.notRemoved', { names: made.notRemoved.join(', ') })}</Text> : null}
                </Stack>
              </Alert>
            ) : null}
            {failure ? (
              <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('backups.failedTitle')} role="alert">
                {failure} {t('backups.unchanged')}
              </Alert>
            ) : null}
          </Section>

          <Section title={t('backups.inFolderTitle')}>
            {!active ? (
              <Text c="dimmed" fz="sm">
                {t('backups.noFolder')}
              </Text>
            ) : (
              <LoadState loading={!listing && !listingError} error={listingError} retry={() => void loadListing(active)}>
                <Stack gap="sm">
                  <Text fz="sm" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
                    {listing?.folder}
                  </Text>
                  {listing && listing.backups.length > 3 ? (
                    <TextInput
                      leftSection={<IconSearch size={16} />}
                      placeholder={t('backups.searchPlaceholder')}
                      aria-label={t('backups.searchPlaceholder')}
                      value={search}
                      onChange={(event) => setSearch(event.currentTarget.value)}
                      maw={320}
                    />
                  ) : null}
                  <DataTable
                    data={listing?.backups ?? []}
                    columns={fileColumns}
                    search={search}
                    caption={t('backups.inFolderTitle')}
                    getRowId={(b) => b.file}
                    empty={
                      <Text c="dimmed" fz="sm">
                        {t('backups.inFolderEmpty')}
                      </Text>
                    }
                  />
                </Stack>
              </LoadState>
            )}
          </Section>

          <Section title={t('backups.historyTitle')}>
            <DataTable
              data={overview.data?.history ?? []}
              columns={historyColumns}
              caption={t('backups.historyTitle')}
              getRowId={(h) => String(h.id)}
              empty={
                <Text c="dimmed" fz="sm">
                  {t('backups.historyEmpty')}
                </Text>
              }
            />
          </Section>

          <Section title={t('backups.aboutTitle')}>
            <List spacing="xs" fz="sm">
              <List.Item>{t('backups.aboutEncrypted')}</List.Item>
              <List.Item>{t('backups.aboutKeySlots')}</List.Item>
              <List.Item>{t('backups.aboutLeak')}</List.Item>
              <List.Item>{t('backups.aboutSchedule')}</List.Item>
            </List>
          </Section>
        </Stack>
      </LoadState>
      <FullCheckModal
        backup={checking}
        check={fullCheck}
        onClose={() => {
          setChecking(null);
          void refresh();
        }}
      />
    </>
  );
}
