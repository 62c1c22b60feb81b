import { ActionIcon, Button, Card, Group, SegmentedControl, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconClipboardCheck, IconEye, IconPencil } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip as ChartTooltip, XAxis, YAxis } from 'recharts';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { competencies, rubric, type PeerEvaluation } from '../../contract';
import { useSession } from '../../stores/session';
import { payloadOf } from '../../ui/errors';
import { formatDay } from '../../ui/format';
import { LoadState } from '../../ui/LoadState';
import { EvaluationModal, useTermName, type EvaluationTarget } from './EvaluationForm';
import { formatScore, inLanguage } from './evaluationView';

/**
 * A peer's evaluations on their profile: the average over time as a small
 * chart, or the scores as a table for people who prefer reading. A peer sees
 * their own, read-only; staff may add one where they may evaluate.
 */
export function EvaluationHistory({ peerId }: { peerId: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const termName = useTermName();
  const role = useSession((s) => s.status?.user?.role);
  const { data, error, loading, reload } = useCall('evaluations.list', { peerId });
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [target, setTarget] = useState<EvaluationTarget | null>(null);
  const [canEvaluate, setCanEvaluate] = useState(false);

  useEffect(() => {
    if (role !== 'coordinator' && role !== 'supervisor') return;
    let current = true;
    void call('evaluations.standing', {}).then(
      (standing) => current && setCanEvaluate(standing.peers.some((p) => p.peerId === peerId)),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [role, peerId]);

  const evaluations = data?.evaluations ?? [];
  const oldestFirst = [...evaluations].reverse();
  const points = oldestFirst.map((e) => ({ day: formatDay(e.evaluatedOn, lang), average: e.average }));

  // A supervisor reads the evaluations of the peers they supervise only; for anyone else's profile there is no section.
  if (error && payloadOf(error).code === 'FORBIDDEN') return null;

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={t('evaluation.historyTitle')}>
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={2} size="h4">
            {t('evaluation.historyTitle')}
          </Title>
          <Text fz="sm" c="dimmed">
            {t('evaluation.historyIntro')}
          </Text>
        </div>
        <Group gap="sm">
          {evaluations.length > 0 ? (
            <SegmentedControl
              size="xs"
              value={view}
              onChange={(value) => setView(value as 'chart' | 'table')}
              data={[
                { value: 'chart', label: t('evaluation.chartView') },
                { value: 'table', label: t('evaluation.tableView') },
              ]}
              aria-label={t('evaluation.viewAs')}
            />
          ) : null}
          {canEvaluate ? (
            <Button size="xs" variant="light" leftSection={<IconClipboardCheck size={14} />} onClick={() => setTarget({ evaluation: null, peerId })}>
              {t('evaluation.evaluate')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <LoadState loading={loading && !data} error={error} retry={() => void reload()}>
        {evaluations.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {role === 'peer' ? t('evaluation.noneOwn') : t('evaluation.noneYet')}
          </Text>
        ) : view === 'chart' ? (
          <div role="img" aria-label={t('evaluation.chartLabel', { count: evaluations.length, latest: formatScore(evaluations[0]!.average, lang) })}>
            <ResponsiveContainer width="100%" height={200}>
              <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: -16 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="var(--mantine-color-gray-3)" />
                <XAxis dataKey="day" fontSize={12} />
                <YAxis domain={[1, 4]} ticks={[1, 2, 3, 4]} fontSize={12} />
                <ChartTooltip formatter={(value) => [formatScore(Number(value), lang), t('evaluation.average')]} />
                <Line type="monotone" dataKey="average" stroke="var(--mantine-color-teal-6)" strokeWidth={2} dot={{ r: 4 }} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped verticalSpacing="xs" aria-label={t('evaluation.historyTitle')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('evaluation.evaluatedOn')}</Table.Th>
                  {competencies.map((c) => (
                    <Table.Th key={c}>
                      <Tooltip label={inLanguage(rubric[c].name, lang)}>
                        <span>{t(`evaluation.short.${c}`)}</span>
                      </Tooltip>
                    </Table.Th>
                  ))}
                  <Table.Th>{t('evaluation.average')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {evaluations.map((e) => (
                  <HistoryRow key={e.id} evaluation={e} termName={termName(e.termId)} onOpen={() => setTarget({ evaluation: e })} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </LoadState>
      <EvaluationModal
        target={target}
        onClose={() => setTarget(null)}
        onSaved={() => {
          setTarget(null);
          void reload();
        }}
      />
    </Card>
  );
}

function HistoryRow({ evaluation: e, termName, onOpen }: { evaluation: PeerEvaluation; termName: string; onOpen(): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const date = formatDay(e.evaluatedOn, lang);
  return (
    <Table.Tr>
      <Table.Td>
        <Text fz="sm" style={{ whiteSpace: 'nowrap' }}>
          {date}
        </Text>
        <Text fz="xs" c="dimmed">
          {termName} · {e.evaluatorName}
        </Text>
      </Table.Td>
      {competencies.map((c) => (
        <Table.Td key={c}>{e.scores[c] ?? '—'}</Table.Td>
      ))}
      <Table.Td fw={600}>{formatScore(e.average, lang)}</Table.Td>
      <Table.Td>
        <Tooltip label={e.canEdit ? t('evaluation.edit') : t('evaluation.view')}>
          <ActionIcon variant="subtle" onClick={onOpen} aria-label={t(e.canEdit ? 'evaluation.editLabel' : 'evaluation.viewLabel', { name: e.peerName, date })}>
            {e.canEdit ? <IconPencil size={16} /> : <IconEye size={16} />}
          </ActionIcon>
        </Tooltip>
      </Table.Td>
    </Table.Tr>
  );
}
