import { SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import type { Language, Term } from '../../contract';
import { currentLanguage } from '../../i18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { downloadText } from '../../ui/download';

/**
 * Asks before the term report leaves the vault as an unencrypted file, and in which language it
 * should be. The CSV is saved at once; the PDF is made beside the backend's queue (`onPdf`), with
 * its progress on the page, so the dialog closes as soon as it has started.
 */
export function ExportDialog({
  format,
  term,
  termLabel,
  onClose,
  onPdf,
}: {
  format: 'pdf' | 'csv';
  term: Term;
  termLabel: string;
  onClose(): void;
  onPdf(input: { termId: string; language: Language }): void;
}) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<Language>(currentLanguage());

  const save = async () => {
    if (format === 'pdf') {
      onPdf({ termId: term.id, language });
      onClose();
      return;
    }
    const result = await call('reports.exportCsv', { termId: term.id, language });
    downloadText(result.fileName, result.csv);
    onClose();
    notifications.show({ color: 'teal', message: t('reports.exported', { file: result.fileName }) });
  };

  return (
    <ConfirmDialog
      opened
      title={t(format === 'pdf' ? 'reports.exportTitlePdf' : 'reports.exportTitleCsv')}
      body={
        <Stack gap="sm">
          <Text fw={600}>{termLabel}</Text>
          <Text>{t('reports.exportBody')}</Text>
          <Stack gap={4}>
            <Text fz="sm" fw={500} id="report-language">
              {t('reports.exportLanguage')}
            </Text>
            <SegmentedControl
              aria-labelledby="report-language"
              value={language}
              onChange={(value) => setLanguage(value as Language)}
              data={[
                { value: 'id', label: 'Bahasa Indonesia' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Stack>
        </Stack>
      }
      confirmLabel={t('reports.exportConfirm')}
      onCancel={onClose}
      onConfirm={save}
    />
  );
}
