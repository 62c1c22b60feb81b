import { Alert, Badge, Button, FileInput, Group, List, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypeCsv } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { forgetProgress, useJobProgress } from '../../api/useLongJob';
import { csvMaxChars, type ImportPreview, type ImportRow } from '../../contract';
import { AppModal } from '../../ui/AppModal';
import { errorText } from '../../ui/errors';
import { FormError } from '../../ui/FormError';
import { JobProgress } from '../../ui/JobProgress';

function RowResult({ row }: { row: ImportRow }) {
  const { t } = useTranslation();
  if (row.outcome === 'ready') {
    return (
      <Badge color="teal" variant="light">
        {t('peers.outcomeReady')}
      </Badge>
    );
  }
  if (row.outcome === 'duplicate') {
    return (
      <Text fz="sm" c="dimmed">
        {row.duplicateOfLine === null ? t('peers.outcomeDuplicateRoster') : t('peers.outcomeDuplicateLine', { line: row.duplicateOfLine })}
      </Text>
    );
  }
  return (
    <List size="sm" c="red.8" spacing={0}>
      {row.errors.map((e) => (
        <List.Item key={`${e.column}-${e.reason}`}>
          {t(`peers.importErrors.${e.reason}` as 'peers.importErrors.required', { column: e.column, defaultValue: `${e.column}: ${e.reason}` })}
        </List.Item>
      ))}
    </List>
  );
}

/**
 * Import peers from a CSV file: the file is read in the renderer (an ordinary
 * file input, in Electron and in a browser alike), the backend checks every
 * row, and nothing is written until the user confirms; only valid rows that
 * are not already on the roster are imported.
 */
export function ImportModal({ opened, onClose, onImported }: { opened: boolean; onClose(): void; onImported(): void }) {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Read, checked and saved beside the backend's queue; where it is while it runs.
  const progress = useJobProgress('roster-import', busy);

  useEffect(() => {
    if (opened) return;
    setFile(null);
    setCsv(null);
    setPreview(null);
    setError(null);
  }, [opened]);

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setPreview(null);
    setCsv(null);
    setError(null);
    if (!chosen) return;
    forgetProgress('roster-import');
    setBusy(true);
    try {
      const text = await chosen.text();
      if (text.length > csvMaxChars) {
        setError(t('peers.importTooBig'));
        return;
      }
      setCsv(text);
      setPreview(await call('peers.importPreview', { csv: text }));
    } catch (caught) {
      setError(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  };

  const counts = {
    ready: preview?.rows.filter((r) => r.outcome === 'ready').length ?? 0,
    duplicates: preview?.rows.filter((r) => r.outcome === 'duplicate').length ?? 0,
    invalid: preview?.rows.filter((r) => r.outcome === 'invalid').length ?? 0,
  };

  const confirm = async () => {
    if (!csv) return;
    forgetProgress('roster-import');
    setBusy(true);
    setError(null);
    try {
      const result = await call('peers.importCommit', { csv });
      notifications.show({ color: 'teal', message: t('peers.imported', { count: result.imported }) });
      onImported();
    } catch (caught) {
      setError(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  };

  const formatCount = (n: number) => new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID').format(n);

  return (
    <AppModal opened={opened} onClose={onClose} size="xl" title={t('peers.importTitle')}>
      <Stack gap="sm">
        <Text fz="sm">{t('peers.importIntro')}</Text>
        <Text fz="xs" c="dimmed">
          {t('peers.importExcel')}
        </Text>
        <FileInput
          label={t('peers.importFile')}
          placeholder={t('peers.importPick')}
          accept=".csv,text/csv"
          leftSection={<IconFileTypeCsv size={18} />}
          value={file}
          onChange={(chosen) => void choose(chosen)}
          clearable
          maw={420}
        />
        {busy && !preview ? (
          <Text fz="sm" c="dimmed">
            {t('peers.importReading')}
          </Text>
        ) : null}
        <JobProgress running={busy} progress={progress} />
        {preview?.fileError ? (
          <Alert color="red" role="alert">
            {t(`peers.fileErrors.${preview.fileError}` as 'peers.fileErrors.empty', { defaultValue: preview.fileError })}
          </Alert>
        ) : null}
        {preview && !preview.fileError ? (
          <>
            <Text fw={600} role="status">
              {t('peers.importSummary', { ready: formatCount(counts.ready), duplicates: formatCount(counts.duplicates), invalid: formatCount(counts.invalid) })}
            </Text>
            <ScrollArea.Autosize mah={360} type="auto">
              <Table striped verticalSpacing={4} fz="sm" stickyHeader aria-label={t('peers.importTitle')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={60}>{t('peers.importLine')}</Table.Th>
                    <Table.Th>{t('peers.fullName')}</Table.Th>
                    <Table.Th>{t('peers.className')}</Table.Th>
                    <Table.Th>{t('peers.status')}</Table.Th>
                    <Table.Th>{t('peers.importResult')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.map((row) => (
                    <Table.Tr key={row.line} bg={row.outcome === 'invalid' ? 'var(--mantine-color-red-0)' : undefined}>
                      <Table.Td>{row.line}</Table.Td>
                      <Table.Td>{row.fullName}</Table.Td>
                      <Table.Td>{row.className}</Table.Td>
                      <Table.Td>{row.status ? t(`peerStatus.${row.status}`) : ''}</Table.Td>
                      <Table.Td>
                        <RowResult row={row} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
            {counts.ready === 0 ? (
              <Alert color="yellow" variant="light">
                {t('peers.importNothing')}
              </Alert>
            ) : null}
          </>
        ) : null}
        <FormError error={error} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void confirm()} loading={busy && preview !== null} disabled={!preview || counts.ready === 0}>
            {t('peers.importConfirm', { count: counts.ready })}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
