import { ActionIcon, Alert, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { addDays, type TermInput } from '../../contract';
import { FormError } from '../../ui/FormError';
import { errorText, payloadOf } from '../../ui/errors';
import { LoadingFieldset } from '../../ui/LoadingFieldset';
import { useValuesFromData } from '../../ui/useValuesFromData';
import { useFormDraft } from '../../drafts/useFormDraft';
import { DateField } from '../../ui/DateField';

interface Row {
  academicYear: string;
  semester: '1' | '2';
  start: string;
  end: string;
}
interface Values {
  terms: Row[];
}

type ErrorKey = 'required' | 'academicYear' | 'endBeforeStart' | 'overlaps' | 'duplicate' | 'outsideYear';

/** The same rules as the backend (services/settings.ts checkedTerms), so every wrong field is named before saving. */
export function termErrors(rows: readonly Row[]): Record<string, ErrorKey> {
  const errors: Record<string, ErrorKey> = {};
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const at = (field: keyof Row) => `terms.${i}.${field}`;
    const match = /^(\d{4})\/(\d{4})$/.exec(row.academicYear.trim());
    if (!row.academicYear.trim()) errors[at('academicYear')] = 'required';
    else if (!match || Number(match[2]) !== Number(match[1]) + 1) errors[at('academicYear')] = 'academicYear';
    if (!row.start) errors[at('start')] = 'required';
    if (!row.end) errors[at('end')] = 'required';
    if (row.start && row.end && row.end <= row.start) errors[at('end')] = 'endBeforeStart';
    if (match && row.start && row.end && !errors[at('end')]) {
      if (Number(row.start.slice(0, 4)) < Number(match[1]) || Number(row.end.slice(0, 4)) > Number(match[2])) errors[at('start')] = 'outsideYear';
    }
    const key = `${row.academicYear.trim()}-${row.semester}`;
    if (match && seen.has(key)) errors[at('semester')] = 'duplicate';
    seen.add(key);
  });
  const dated = rows.map((row, i) => ({ row, i })).filter(({ row }) => row.start && row.end && row.end > row.start);
  dated.sort((a, b) => a.row.start.localeCompare(b.row.start));
  for (let k = 1; k < dated.length; k += 1) {
    if (dated[k]!.row.start <= dated[k - 1]!.row.end) {
      errors[`terms.${dated[k]!.i}.start`] ??= 'overlaps';
      errors[`terms.${dated[k - 1]!.i}.end`] ??= 'overlaps';
    }
  }
  return errors;
}

const backendReasons: Record<string, ErrorKey> = {
  academic_year: 'academicYear',
  before_start: 'endBeforeStart',
  outside_year: 'outsideYear',
  duplicate_term: 'duplicate',
  overlaps: 'overlaps',
};

/** The term after the last one: the other semester, right after it, as long as a usual half-year. */
function nextRow(rows: readonly Row[]): Row {
  const last = [...rows].sort((a, b) => a.start.localeCompare(b.start)).at(-1);
  if (!last || !/^\d{4}\/\d{4}$/.test(last.academicYear) || !last.end) {
    const year = new Date().getFullYear();
    const month = new Date().getMonth() + 1;
    return month >= 7
      ? { academicYear: `${year}/${year + 1}`, semester: '1', start: `${year}-07-14`, end: `${year}-12-19` }
      : { academicYear: `${year - 1}/${year}`, semester: '2', start: `${year}-01-05`, end: `${year}-06-20` };
  }
  const [first, second] = last.academicYear.split('/').map(Number) as [number, number];
  const start = addDays(last.end, 14);
  return last.semester === '1'
    ? { academicYear: last.academicYear, semester: '2', start, end: `${second}-06-20` }
    : { academicYear: `${first + 1}/${second + 1}`, semester: '1', start: `${second}-07-14`, end: `${second}-12-19` };
}

const toInput = (rows: readonly Row[]): TermInput[] =>
  rows.map((row) => ({ academicYear: row.academicYear.trim(), semester: row.semester === '1' ? 1 : 2, start: row.start, end: row.end }));

/** Settings: the school's academic years and semester dates (issue 5), which the reports and outreach totals count by. */
export function TermsSettings() {
  const { t } = useTranslation();
  const { data, reload } = useCall('settings.get', {});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useAppForm<Values>({
    mode: 'controlled',
    initialValues: { terms: [] },
    validate: (values) => Object.fromEntries(Object.entries(termErrors(values.terms)).map(([field, key]) => [field, t(`termsEditor.errors.${key}`)])),
  });

  const loaded = useValuesFromData(form, data, (d): Values => ({
    terms: d.terms.map((term) => ({ academicYear: term.academicYear, semester: term.semester === 1 ? '1' : '2', start: term.start, end: term.end })),
  }));
  useFormDraft(form, 'settings:terms', 'settings', true);

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      await call('settings.update', { terms: toInput(values.terms) });
      // Saved: leaving now asks nothing, though the refetched settings have not come back yet.
      form.resetDirty(values);
      notifications.show({ color: 'teal', message: t('termsEditor.saved') });
      await reload();
    } catch (caught) {
      const payload = payloadOf(caught);
      const key = payload.reason ? backendReasons[payload.reason] : undefined;
      if (payload.code === 'VALIDATION' && payload.field?.startsWith('terms.') && key) form.setFieldError(payload.field, t(`termsEditor.errors.${key}`));
      else setError(errorText(t, caught));
    } finally {
      setBusy(false);
    }
  });

  const rows = form.values.terms;
  const name = (row: Row) => `${row.academicYear} ${t(`termsEditor.semesters.${row.semester}`)}`;

  return (
    <Paper withBorder p="lg" radius="md" maw={720} component="section" aria-labelledby="terms-settings-title">
      <form onSubmit={submit} noValidate>
        <LoadingFieldset loaded={loaded}>
          <Stack gap="sm">
            <Title order={2} size="h4" id="terms-settings-title">
              {t('termsEditor.title')}
            </Title>
            <Text fz="sm">{t('termsEditor.intro')}</Text>
            <Alert color="blue" variant="light">
              <Text fz="sm">{t('termsEditor.derivedNote')}</Text>
            </Alert>
            {rows.length === 0 ? (
              <Text fz="sm" c="dimmed" fs="italic">
                {t('termsEditor.empty')}
              </Text>
            ) : (
              <Table verticalSpacing={6} withRowBorders={false} aria-label={t('termsEditor.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('termsEditor.academicYear')}</Table.Th>
                    <Table.Th>{t('termsEditor.semester')}</Table.Th>
                    <Table.Th>{t('termsEditor.start')}</Table.Th>
                    <Table.Th>{t('termsEditor.end')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row, i) => (
                    <Table.Tr key={i} style={{ verticalAlign: 'top' }}>
                      <Table.Td w={150}>
                        <TextInput
                          aria-label={`${t('termsEditor.academicYear')} ${i + 1}`}
                          placeholder={t('termsEditor.academicYearPlaceholder')}
                          maxLength={9}
                          {...form.getInputProps(`terms.${i}.academicYear`)}
                        />
                      </Table.Td>
                      <Table.Td w={170}>
                        <Select
                          aria-label={`${t('termsEditor.semester')} ${i + 1}`}
                          data={(['1', '2'] as const).map((s) => ({ value: s, label: t(`termsEditor.semesters.${s}`) }))}
                          allowDeselect={false}
                          {...form.getInputProps(`terms.${i}.semester`)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <DateField aria-label={`${t('termsEditor.start')} ${i + 1}`} {...form.getInputProps(`terms.${i}.start`)} />
                      </Table.Td>
                      <Table.Td>
                        <DateField aria-label={`${t('termsEditor.end')} ${i + 1}`} {...form.getInputProps(`terms.${i}.end`)} />
                      </Table.Td>
                      <Table.Td w={44}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          size="lg"
                          aria-label={t('termsEditor.removeLabel', { name: name(row) })}
                          onClick={() => form.removeListItem('terms', i)}
                        >
                          <IconTrash size={18} />
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <FormError error={error} />
            <Group>
              <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => form.insertListItem('terms', nextRow(rows))}>
                {rows.length === 0 ? t('termsEditor.add') : t('termsEditor.addNext')}
              </Button>
              <Button type="submit" loading={busy} disabled={!form.isDirty()}>
                {t('termsEditor.save')}
              </Button>
            </Group>
          </Stack>
        </LoadingFieldset>
      </form>
    </Paper>
  );
}
