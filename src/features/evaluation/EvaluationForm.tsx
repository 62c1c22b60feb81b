import { Badge, Button, Group, Radio, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useAppForm } from '../../ui/useAppForm';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import {
  competencies,
  levelNames,
  localDate,
  methods,
  offeredPeerStatuses,
  rubric,
  rubricLevels,
  type Competency,
  type PeerEvaluation,
  type RubricLevel,
} from '../../contract';
import { useFormDraft } from '../../drafts/useFormDraft';
import { AppModal } from '../../ui/AppModal';
import { FormFooter } from '../../ui/FormFooter';
import { PeerPicker, usePeerLabels } from '../../ui/PeerPicker';
import { formatDay } from '../../ui/format';
import { contractValidator, showCallError } from '../../ui/forms';
import { formatScore, inLanguage, termParts } from './evaluationView';
import { RestoredDraftNotice } from '../../ui/RestoredDraftNotice';
import { useDialogValues } from '../../ui/useValuesFromData';
import { useGuardedClose } from '../../ui/DiscardPrompt';
import { DateField } from '../../ui/DateField';

type ScoreValues = Record<Competency, string>;

interface EvaluationValues {
  peerId: string | null;
  evaluatedOn: string;
  scores: ScoreValues;
  comments: string;
}

/** A button centres its content; the level cards read better with every level's text starting at the top. */
const topAligned = { display: 'flex', alignItems: 'flex-start' } as const;

const noScores = () => Object.fromEntries(competencies.map((c) => [c, ''])) as ScoreValues;

const toInput = (v: EvaluationValues) => ({
  peerId: v.peerId === null ? undefined : Number(v.peerId),
  evaluatedOn: v.evaluatedOn,
  scores: Object.fromEntries(competencies.map((c) => [c, v.scores[c] === '' ? undefined : Number(v.scores[c])])),
  comments: v.comments,
});

/** The key of a form's draft: a new evaluation, or an edit of one. */
export const evaluationDraftKey = (evaluation: PeerEvaluation | null) => (evaluation ? `evaluation:${evaluation.id}` : 'evaluation:new');

/** "Odd semester 2026/2027" for a term id. */
export function useTermName() {
  const { t } = useTranslation();
  return (termId: string) => {
    const { year, semester } = termParts(termId);
    return semester === '2' ? t('evaluation.evenTerm', { year }) : t('evaluation.oddTerm', { year });
  };
}

function LevelLabel({ level }: { level: RubricLevel }) {
  const { i18n } = useTranslation();
  return (
    <>
      {level} · {inLanguage(levelNames[level], i18n.language)}
    </>
  );
}

/** One competency's four levels as cards: the level, its name and what it looks like. */
function CompetencyChoice({ competency, inputProps }: { competency: Competency; inputProps: ReturnType<ReturnType<typeof useAppForm<EvaluationValues>>['getInputProps']> }) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const def = rubric[competency];
  return (
    <Radio.Group label={inLanguage(def.name, lang)} withAsterisk {...inputProps}>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs" mt={6}>
        {rubricLevels.map((level) => (
          <Radio.Card key={level} value={String(level)} radius="md" p="xs" style={topAligned}>
            <Group wrap="nowrap" align="flex-start" gap="xs">
              <Radio.Indicator size="xs" mt={3} />
              <div>
                <Text fz="sm" fw={600}>
                  <LevelLabel level={level} />
                </Text>
                <Text fz="xs" c="dimmed" lh={1.35}>
                  {inLanguage(def.levels[level], lang)}
                </Text>
              </div>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}

/** An evaluation to read: each competency's level and what that level means, the average and the comments. */
export function EvaluationView({ evaluation }: { evaluation: PeerEvaluation }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const termName = useTermName();
  return (
    <Stack gap="sm">
      <Group gap="lg">
        <Text fz="sm">
          {t('evaluation.evaluatedOn')}: <b>{formatDay(evaluation.evaluatedOn, lang)}</b>
        </Text>
        <Text fz="sm">
          {t('evaluation.term')}: <b>{termName(evaluation.termId)}</b>
        </Text>
        <Text fz="sm">
          {t('evaluation.evaluator')}: <b>{evaluation.evaluatorName}</b>
        </Text>
        <Badge variant="light" size="lg">
          {t('evaluation.averageOf', { average: formatScore(evaluation.average, lang) })}
        </Badge>
      </Group>
      <Table withTableBorder verticalSpacing="xs" aria-label={t('evaluation.rubricTitle')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('evaluation.competency')}</Table.Th>
            <Table.Th w={150}>{t('evaluation.level')}</Table.Th>
            <Table.Th>{t('evaluation.whatItLooksLike')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {competencies.map((c) => {
            const level = evaluation.scores[c] as RubricLevel | undefined;
            return (
              <Table.Tr key={c}>
                <Table.Td fw={500}>{inLanguage(rubric[c].name, lang)}</Table.Td>
                <Table.Td>{level ? <LevelLabel level={level} /> : '—'}</Table.Td>
                <Table.Td fz="sm" c="dimmed">
                  {level ? inLanguage(rubric[c].levels[level], lang) : ''}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <div>
        <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
          {t('evaluation.comments')}
        </Text>
        <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {evaluation.comments || t('evaluation.noComments')}
        </Text>
      </div>
    </Stack>
  );
}

export interface EvaluationTarget {
  /** The evaluation to edit or read; null for a new one. */
  evaluation: PeerEvaluation | null;
  /** A new evaluation of this peer (null: the form finds one by typing). */
  peerId?: number | null;
}

/**
 * Writes or changes a peer's evaluation on the rubric, or shows it read-only
 * when the caller may not change it (a peer reading their own, another
 * supervisor's evaluation).
 */
export function EvaluationModal({
  target,
  onClose,
  onSaved,
}: {
  target: EvaluationTarget | null;
  onClose(): void;
  onSaved(evaluation: PeerEvaluation): void;
}) {
  const { t, i18n } = useTranslation();
  const opened = target !== null;
  const evaluation = target?.evaluation ?? null;
  const readOnly = evaluation !== null && !evaluation.canEdit;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useAppForm<EvaluationValues>({
    mode: 'controlled',
    initialValues: { peerId: null, evaluatedOn: '', scores: noScores(), comments: '' },
    // A level not chosen gets words that say what to do, not the schema's "required".
    validate: (v) => ({
      ...contractValidator<EvaluationValues>(methods['evaluations.create'].input, t, toInput)(v),
      ...Object.fromEntries(competencies.filter((c) => v.scores[c] === '').map((c) => [`scores.${c}`, t('evaluation.chooseLevel')])),
    }),
  });
  const close = useGuardedClose(form, onClose);

  // An evaluation by its id; a new one by the peer it is for (none: the form finds one).
  const recordKey = evaluation ? evaluation.id : `new:${target?.peerId ?? ''}`;
  useDialogValues(form, opened, recordKey, (): EvaluationValues =>
    evaluation
      ? {
          peerId: String(evaluation.peerId),
          evaluatedOn: evaluation.evaluatedOn,
          scores: Object.fromEntries(competencies.map((c) => [c, String(evaluation.scores[c] ?? '')])) as ScoreValues,
          comments: evaluation.comments,
        }
      : { peerId: target?.peerId ? String(target.peerId) : null, evaluatedOn: localDate(new Date()), scores: noScores(), comments: '' },
  );
  useEffect(() => {
    if (!opened) return;
    form.clearErrors();
    setError(null);
    // The form object is stable for the component's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, recordKey]);

  const restored = useFormDraft(form, evaluationDraftKey(evaluation), 'evaluation', opened && !readOnly);

  // The first competencies are scrolled out of sight by the time Save is pressed: say above the buttons what is missing.
  const onInvalid = (errors: Record<string, unknown>) => {
    const missing = competencies.filter((c) => errors[`scores.${c}`]).map((c) => inLanguage(rubric[c].name, i18n.language));
    setError(missing.length ? t('evaluation.missingLevels', { names: missing.join(', ') }) : null);
  };

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      const input = toInput(values);
      const scores = input.scores as Record<Competency, number>;
      const saved = evaluation
        ? await call('evaluations.update', { id: evaluation.id, version: evaluation.version, evaluatedOn: input.evaluatedOn, scores, comments: input.comments })
        : await call('evaluations.create', { peerId: input.peerId!, evaluatedOn: input.evaluatedOn, scores, comments: input.comments });
      notifications.show({ color: 'teal', message: evaluation ? t('evaluation.saved') : t('evaluation.created', { name: saved.evaluation.peerName }) });
      form.resetDirty();
      onSaved(saved.evaluation);
    } catch (caught) {
      setError(showCallError(form, t, caught));
    } finally {
      setBusy(false);
    }
  }, onInvalid);

  const fixedId = target?.peerId ? String(target.peerId) : null;
  const fixedName = usePeerLabels(fixedId ? [fixedId] : []).get(fixedId ?? '');
  const fixedPeer = evaluation ? { fullName: evaluation.peerName } : fixedName ? { fullName: fixedName } : undefined;
  const title = readOnly
    ? t('evaluation.viewTitle', { name: evaluation.peerName })
    : evaluation
      ? t('evaluation.editTitle', { name: evaluation.peerName })
      : fixedPeer
        ? t('evaluation.newTitleFor', { name: fixedPeer.fullName })
        : t('evaluation.newTitle');

  return (
    <AppModal opened={opened} onClose={close} size="xl" title={title}>
      {readOnly && evaluation ? (
        <Stack>
          <EvaluationView evaluation={evaluation} />
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <RestoredDraftNotice shown={restored} />
            <Text fz="sm" c="dimmed">
              {t('evaluation.formIntro')}
            </Text>
            <Group grow align="flex-start">
              {evaluation || target?.peerId ? null : (
                <PeerPicker
                  choice={{ supervised: true, statuses: offeredPeerStatuses.evaluation }}
                  label={t('evaluation.peer')}
                  placeholder={t('common.findPeer')}
                  nothingFound={t('evaluation.noPeerFound')}
                  withAsterisk
                  value={form.values.peerId}
                  onChange={(value) => form.setFieldValue('peerId', value)}
                  error={form.errors.peerId}
                />
              )}
              <DateField
                label={t('evaluation.evaluatedOn')}
                description={t('evaluation.evaluatedOnHint')}
                withAsterisk
                {...form.getInputProps('evaluatedOn')}
              />
            </Group>
            <Title order={3} size="h5">
              {t('evaluation.rubricTitle')}
            </Title>
            {competencies.map((c) => (
              <CompetencyChoice key={c} competency={c} inputProps={form.getInputProps(`scores.${c}`)} />
            ))}
            <Textarea
              label={t('evaluation.comments')}
              description={t('evaluation.commentsHint')}
              autosize
              minRows={3}
              maxRows={8}
              {...form.getInputProps('comments')}
            />
            <FormFooter error={error} busy={busy} submitLabel={t('evaluation.save')} onCancel={close} />
          </Stack>
        </form>
      )}
    </AppModal>
  );
}
