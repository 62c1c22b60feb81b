import { ActionIcon, Alert, Badge, Button, Card, EmptyState, Group, Radio, Select, SimpleGrid, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChartLine, IconHeartbeat, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { createColumnHelper } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { useListChoice, usePage } from '../../api/usePage';
import {
  isPoorWellBeing,
  localDate,
  percentScore,
  rawScore,
  who5,
  type HelpSeekerOutcome,
  type MeasureOccasion,
  type OutcomeMeasure,
} from '../../contract';
import { useSession } from '../../stores/session';
import { AppModal } from '../../ui/AppModal';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DataTable } from '../../ui/DataTable';
import { FormFooter } from '../../ui/FormFooter';
import { formatDay } from '../../ui/format';
import { showCallError } from '../../ui/forms';
import { HelpSeekerPicker } from '../../ui/HelpSeekerPicker';
import { LoadState } from '../../ui/LoadState';
import { Pager } from '../../ui/Pager';
import { useGuardedClose } from '../../ui/DiscardPrompt';
import { inLanguage } from './evaluationView';
import { DateField } from '../../ui/DateField';
import { useFormDraft } from '../../drafts/useFormDraft';
import { RestoredDraftNotice } from '../../ui/RestoredDraftNotice';

/** A help-seeker as the outcome screens need them: the code, never a name. */
export interface CodedHelpSeeker {
  id: number;
  code: string;
}

const maxRaw = who5.items.length * Math.max(...who5.responses.map((r) => r.value));

/** Who made WHO-5 and on what terms; shown wherever the instrument is. */
export function Who5Attribution() {
  const { i18n } = useTranslation();
  return (
    <Text fz="xs" c="dimmed" data-testid="who5-attribution">
      {inLanguage(who5.attribution, i18n.language)}
    </Text>
  );
}

function PoorBadge({ poor }: { poor: boolean }) {
  const { t } = useTranslation();
  return poor ? (
    <Badge color="orange" variant="light">
      {t('who5.poor')}
    </Badge>
  ) : null;
}

/** "+16 points: meaningful improvement", in the category's colour. */
export function ChangeBadge({ change }: { change: HelpSeekerOutcome['change'] }) {
  const { t } = useTranslation();
  if (!change) return <Text c="dimmed">{t('who5.noChangeYet')}</Text>;
  const color = change.category === 'improved' ? 'teal' : change.category === 'worsened' ? 'red' : 'gray';
  const points = `${change.points > 0 ? '+' : ''}${change.points}`;
  return (
    <Badge color={color} variant="light" style={{ textTransform: 'none' }}>
      {t('who5.changePoints', { points })} · {t(`who5.categories.${change.category}`)}
    </Badge>
  );
}

/** "13 of 25 (52%)". */
function useScoreText(): (measure: OutcomeMeasure) => string {
  const { t } = useTranslation();
  return useCallback((measure: OutcomeMeasure) => t('who5.scoreText', { raw: measure.raw, max: maxRaw, percent: measure.percent }), [t]);
}

interface RecordValues {
  helpSeekerId: string | null;
  occasion: MeasureOccasion;
  measuredOn: string;
  answers: Record<string, string>;
}

const noAnswers = () => Object.fromEntries(who5.items.map((item) => [item.key, ''])) as Record<string, string>;

/** Records one filled-in WHO-5 for a help-seeker code, with the score worked out as the answers come in. */
export function RecordOutcomeModal({
  opened,
  helpSeeker,
  hasFirstContact,
  onClose,
  onSaved,
}: {
  opened: boolean;
  /** The help-seeker, or null to find one by typing the code. */
  helpSeeker: CodedHelpSeeker | null;
  /** Whether the first-contact measurement exists; without it, the backend is asked for the code chosen. */
  hasFirstContact?: (helpSeekerId: number) => boolean;
  onClose(): void;
  onSaved(outcome: HelpSeekerOutcome): void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useAppForm<RecordValues>({
    mode: 'controlled',
    initialValues: { helpSeekerId: null, occasion: 'first_contact', measuredOn: '', answers: noAnswers() },
    validate: (v) => {
      const errors: Record<string, string> = {};
      if (!v.helpSeekerId) errors.helpSeekerId = t('who5.chooseHelpSeeker');
      if (!v.measuredOn) errors.measuredOn = t('who5.dateNeeded');
      for (const item of who5.items) if (v.answers[item.key] === '') errors[`answers.${item.key}`] = t('who5.answerNeeded');
      return errors;
    },
  });
  const close = useGuardedClose(form, onClose);

  useEffect(() => {
    if (!opened) return;
    const occasion: MeasureOccasion = helpSeeker && hasFirstContact?.(helpSeeker.id) ? 'follow_up' : 'first_contact';
    const values: RecordValues = { helpSeekerId: helpSeeker ? String(helpSeeker.id) : null, occasion, measuredOn: localDate(new Date()), answers: noAnswers() };
    form.setValues(values);
    form.resetDirty(values);
    form.clearErrors();
    setError(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, helpSeeker?.id]);
  const restored = useFormDraft(form, `outcome:${helpSeeker?.id ?? 'new'}`, 'evaluation', opened);

  // Choosing a code sets the occasion it can have next.
  const chosen = form.values.helpSeekerId;
  useEffect(() => {
    if (!opened || helpSeeker || chosen === null) return;
    const next = (first: boolean) => form.setFieldValue('occasion', first ? 'follow_up' : 'first_contact');
    if (hasFirstContact) {
      next(hasFirstContact(Number(chosen)));
      return;
    }
    let current = true;
    call('outcomes.list', { helpSeekerId: Number(chosen), limit: 1 })
      .then(({ outcomes }) => {
        if (current) next(outcomes.some((o) => o.instrument === 'who5' && o.measures.some((m) => m.occasion === 'first_contact')));
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [chosen]);

  const answered = who5.items.every((item) => form.values.answers[item.key] !== '');
  const raw = rawScore(who5, Object.fromEntries(who5.items.map((item) => [item.key, Number(form.values.answers[item.key] || 0)])));

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      const { outcome } = await call('outcomes.record', {
        helpSeekerId: Number(values.helpSeekerId),
        instrument: 'who5',
        occasion: values.occasion,
        measuredOn: values.measuredOn,
        answers: who5.items.map((item) => ({ item: item.key, score: Number(values.answers[item.key]) })),
      });
      notifications.show({ color: 'teal', message: t('who5.recorded', { code: outcome.helpSeekerCode }) });
      onSaved(outcome);
    } catch (caught) {
      setError(showCallError(form, t, caught));
    } finally {
      setBusy(false);
    }
    // The first questions are out of sight by the time Save is pressed: say above the buttons what is missing.
  }, (errors) => setError(Object.keys(errors).some((key) => key.startsWith('answers.')) ? t('who5.answerAll') : null));

  const [chosenCode, setChosenCode] = useState<string | null>(null);
  const code = helpSeeker?.code ?? (chosen ? chosenCode : null);
  return (
    <AppModal opened={opened} onClose={close} size="xl" title={code ? t('who5.recordTitleFor', { code }) : t('who5.recordTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <RestoredDraftNotice shown={restored} />
          <Text fz="sm" c="dimmed">
            {t('who5.recordIntro')}
          </Text>
          <Group grow align="flex-start">
            {helpSeeker ? null : (
              <HelpSeekerPicker
                label={t('who5.helpSeeker')}
                withAsterisk
                value={form.values.helpSeekerId}
                onChange={(value, picked) => {
                  form.setFieldValue('helpSeekerId', value);
                  setChosenCode(picked);
                }}
                error={form.errors.helpSeekerId as string | undefined}
                maw={420}
              />
            )}
            <Select
              label={t('who5.occasion')}
              withAsterisk
              allowDeselect={false}
              data={(['first_contact', 'follow_up'] as const).map((o) => ({ value: o, label: t(`who5.occasions.${o}`) }))}
              {...form.getInputProps('occasion')}
            />
            <DateField label={t('who5.measuredOn')} withAsterisk {...form.getInputProps('measuredOn')} />
          </Group>
          <Card withBorder radius="md" padding="md">
            <Stack gap="md">
              <div>
                <Text fw={600}>{inLanguage(who5.name, lang)}</Text>
                <Text fz="sm">{inLanguage(who5.prompt, lang)}</Text>
              </div>
              {who5.items.map((item, index) => (
                <Radio.Group key={item.key} label={`${index + 1}. ${inLanguage(item.text, lang)}`} withAsterisk {...form.getInputProps(`answers.${item.key}`)}>
                  <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing={6} mt={6}>
                    {who5.responses.map((response) => (
                      <Radio.Card key={response.value} value={String(response.value)} radius="sm" p={6} style={{ display: 'flex', alignItems: 'flex-start' }}>
                        <Group wrap="nowrap" gap={6} align="flex-start">
                          <Radio.Indicator size="xs" mt={2} />
                          <Text fz="xs" lh={1.3}>
                            <b>{response.value}</b> {inLanguage(response.label, lang)}
                          </Text>
                        </Group>
                      </Radio.Card>
                    ))}
                  </SimpleGrid>
                </Radio.Group>
              ))}
            </Stack>
          </Card>
          <Group gap="sm" aria-live="polite">
            <Text fw={600}>
              {answered
                ? t('who5.scoreText', { raw, max: maxRaw, percent: percentScore(who5, raw) })
                : t('who5.scoreWhenAnswered')}
            </Text>
            {answered ? <PoorBadge poor={isPoorWellBeing(who5, raw)} /> : null}
          </Group>
          <Who5Attribution />
          <FormFooter error={error} busy={busy} submitLabel={t('who5.save')} onCancel={close} />
        </Stack>
      </form>
    </AppModal>
  );
}

/** One help-seeker's WHO-5 measurements, the change from first contact to the latest, and recording another. */
export function HelpSeekerOutcomeModal({ helpSeeker, onClose, onChanged }: { helpSeeker: CodedHelpSeeker | null; onClose(): void; onChanged?(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const role = useSession((s) => s.status?.user?.role);
  const scoreText = useScoreText();
  const [recording, setRecording] = useState(false);
  const [deleting, setDeleting] = useState<OutcomeMeasure | null>(null);
  const [outcome, setOutcome] = useState<HelpSeekerOutcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  const load = async (id: number) => {
    setLoading(true);
    try {
      const { outcomes } = await call('outcomes.list', { helpSeekerId: id });
      setOutcome(outcomes.find((o) => o.instrument === 'who5') ?? null);
      setError(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  };

  const helpSeekerId = helpSeeker?.id;
  useEffect(() => {
    setOutcome(null);
    setError(null);
    if (helpSeekerId !== undefined) void load(helpSeekerId);
    // By id: callers may pass a new object with the same help-seeker on every render.
  }, [helpSeekerId]);

  const measures = outcome?.measures ?? [];
  const code = helpSeeker?.code ?? '';
  return (
    <>
      <AppModal opened={helpSeeker !== null && !recording} onClose={onClose} size="xl" title={t('who5.detailTitle', { code })}>
        <Stack>
          <LoadState loading={loading && !outcome} error={error} retry={() => helpSeeker && void load(helpSeeker.id)}>
            {measures.length === 0 ? (
              <Alert color="blue" variant="light" icon={<IconHeartbeat size={18} />}>
                {t('who5.noneForCode', { code })}
              </Alert>
            ) : (
              <Stack gap="sm">
                <Group gap="sm">
                  <Text fw={600}>{t('who5.change')}:</Text>
                  <ChangeBadge change={outcome?.change ?? null} />
                </Group>
                <Table withTableBorder striped verticalSpacing="xs" aria-label={t('who5.measuresCaption', { code })}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('who5.measuredOn')}</Table.Th>
                      <Table.Th>{t('who5.occasion')}</Table.Th>
                      <Table.Th>{t('who5.score')}</Table.Th>
                      <Table.Th>{t('who5.recordedBy')}</Table.Th>
                      {role === 'coordinator' ? <Table.Th w={60}>{t('common.actions')}</Table.Th> : null}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {measures.map((m) => (
                      <Table.Tr key={m.id}>
                        <Table.Td>{formatDay(m.measuredOn, lang)}</Table.Td>
                        <Table.Td>{t(`who5.occasions.${m.occasion}`)}</Table.Td>
                        <Table.Td>
                          <Group gap="xs">
                            <Text fz="sm">{scoreText(m)}</Text>
                            <PoorBadge poor={m.poor} />
                          </Group>
                        </Table.Td>
                        <Table.Td>{m.recordedByName ?? '—'}</Table.Td>
                        {role === 'coordinator' ? (
                          <Table.Td>
                            <Tooltip label={t('who5.delete')}>
                              <ActionIcon
                                variant="subtle"
                                color="red"
                                onClick={() => setDeleting(m)}
                                aria-label={t('who5.deleteLabel', { date: formatDay(m.measuredOn, lang) })}
                              >
                                <IconTrash size={16} />
                              </ActionIcon>
                            </Tooltip>
                          </Table.Td>
                        ) : null}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Stack>
            )}
          </LoadState>
          <Text fz="xs" c="dimmed">
            {t('who5.rules')}
          </Text>
          <Who5Attribution />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setRecording(true)} disabled={!outcome && loading}>
              {t('who5.record')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
      <RecordOutcomeModal
        opened={helpSeeker !== null && recording}
        helpSeeker={helpSeeker}
        hasFirstContact={() => measures.some((m) => m.occasion === 'first_contact')}
        onClose={() => setRecording(false)}
        onSaved={(saved) => {
          setOutcome(saved);
          setRecording(false);
          onChanged?.();
        }}
      />
      <ConfirmDialog
        opened={deleting !== null}
        danger
        title={t('who5.deleteTitle')}
        body={deleting ? t('who5.deleteBody', { code, date: formatDay(deleting.measuredOn, lang), score: scoreText(deleting) }) : ''}
        confirmLabel={t('who5.delete')}
        onCancel={() => setDeleting(null)}
        onConfirm={async () => {
          await call('outcomes.delete', { id: deleting!.id });
          setDeleting(null);
          notifications.show({ color: 'teal', message: t('who5.deleted') });
          if (helpSeeker) await load(helpSeeker.id);
          onChanged?.();
        }}
      />
    </>
  );
}

const column = createColumnHelper<HelpSeekerOutcome>();

/** Every help-seeker's WHO-5: first contact, latest follow-up and the change between them. */
export function OutcomesPanel() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [search, setSearch] = useListChoice('outcomes', 'search', '');
  const [text] = useDebouncedValue(search.trim(), 250);
  const filters = text ? { text } : {};
  const [offset, setOffset] = usePage(filters, 'outcomes');
  const { data, error, loading, stale, reload } = useCall('outcomes.list', { ...filters, offset });
  const scoreText = useScoreText();
  const [open, setOpen] = useState<CodedHelpSeeker | null>(null);
  const [recording, setRecording] = useState(false);

  const who5Outcomes = useMemo(() => (data?.outcomes ?? []).filter((o) => o.instrument === 'who5'), [data]);

  const columns = useMemo(() => {
    const first = (o: HelpSeekerOutcome) => o.measures.find((m) => m.occasion === 'first_contact');
    const latest = (o: HelpSeekerOutcome) => o.measures.filter((m) => m.occasion === 'follow_up').at(-1);
    const cell = (m: OutcomeMeasure | undefined) =>
      m ? (
        <Stack gap={2}>
          <Text fz="sm">{scoreText(m)}</Text>
          <Group gap={6}>
            <Text fz="xs" c="dimmed">
              {formatDay(m.measuredOn, lang)}
            </Text>
            <PoorBadge poor={m.poor} />
          </Group>
        </Stack>
      ) : (
        <Text c="dimmed">—</Text>
      );
    return [
      column.accessor('helpSeekerCode', { header: t('who5.helpSeeker'), cell: (info) => <Text fw={600}>{info.getValue()}</Text> }),
      column.accessor((o) => first(o)?.percent ?? -1, { id: 'first', header: t('who5.firstContact'), cell: (info) => cell(first(info.row.original)), enableGlobalFilter: false }),
      column.accessor((o) => latest(o)?.percent ?? -1, { id: 'latest', header: t('who5.latest'), cell: (info) => cell(latest(info.row.original)), enableGlobalFilter: false }),
      column.accessor((o) => o.change?.points ?? -1000, { id: 'change', header: t('who5.change'), cell: (info) => <ChangeBadge change={info.row.original.change} />, enableGlobalFilter: false }),
      column.display({
        id: 'actions',
        header: t('common.actions'),
        cell: (info) => (
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconChartLine size={14} />}
            onClick={() => setOpen({ id: info.row.original.helpSeekerId, code: info.row.original.helpSeekerCode })}
            aria-label={t('who5.openLabel', { code: info.row.original.helpSeekerCode })}
          >
            {t('who5.open')}
          </Button>
        ),
      }),
    ];
  }, [t, lang, scoreText]);

  return (
    <Stack gap="sm">
      <Text c="dimmed" maw={820}>
        {t('who5.intro')}
      </Text>
      <Group justify="space-between">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('who5.searchPlaceholder')}
          aria-label={t('who5.searchLabel')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={280}
        />
        <Button leftSection={<IconPlus size={16} />} onClick={() => setRecording(true)}>
          {t('who5.record')}
        </Button>
      </Group>
      <LoadState loading={loading && !data} stale={stale} error={error} retry={() => void reload()}>
        <DataTable
          data={who5Outcomes}
          columns={columns}
          caption={t('who5.caption')}
          serverSort={{ sorting: [{ id: 'helpSeekerCode', desc: true }], onChange: () => undefined, columns: [] }}
          unfiltered={!text}
          getRowId={(o) => String(o.helpSeekerId)}
          empty={<EmptyState icon={<IconHeartbeat size={28} />} variant="light" title={t('who5.empty')} description={t('who5.emptyHint')} py="xl" />}
        />
        <Pager total={data?.total ?? 0} offset={offset} onOffset={setOffset} />
      </LoadState>
      <Text fz="xs" c="dimmed">
        {t('who5.rules')}
      </Text>
      <Who5Attribution />
      <HelpSeekerOutcomeModal helpSeeker={open} onClose={() => setOpen(null)} onChanged={() => void reload()} />
      <RecordOutcomeModal
        opened={recording}
        helpSeeker={null}
        onClose={() => setRecording(false)}
        onSaved={() => {
          setRecording(false);
          void reload();
        }}
      />
    </Stack>
  );
}
