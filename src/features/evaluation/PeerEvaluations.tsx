import { Badge, Button, EmptyState, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconClipboardCheck, IconEye, IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { createColumnHelper } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { useListChoice, usePage } from '../../api/usePage';
import type { EvaluationStanding, PeerEvaluation } from '../../contract';
import { pendingDrafts } from '../../drafts/registry';
import { DataTable } from '../../ui/DataTable';
import { formatDay } from '../../ui/format';
import { LoadState } from '../../ui/LoadState';
import { Pager } from '../../ui/Pager';
import { EvaluationModal, useTermName, type EvaluationTarget } from './EvaluationForm';
import { formatScore } from './evaluationView';

const standingColumn = createColumnHelper<EvaluationStanding>();
const evaluationColumn = createColumnHelper<PeerEvaluation>();

/** Who is due an evaluation this term, and every evaluation the caller may read. */
export function PeerEvaluations() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const termName = useTermName();
  const standing = useCall('evaluations.standing', {});
  const [search, setSearch] = useListChoice('evaluations', 'search', '');
  const [text] = useDebouncedValue(search.trim(), 250);
  const filters = text ? { text } : {};
  const [offset, setOffset] = usePage(filters, 'evaluations');
  const list = useCall('evaluations.list', { ...filters, offset });
  const [target, setTarget] = useState<EvaluationTarget | null>(null);

  // A form left open at the last lock opens again with its text.
  useEffect(() => {
    let current = true;
    void (async () => {
      for (const draft of pendingDrafts()) {
        if (draft.formKey === 'evaluation:new') {
          const peerId = Number((JSON.parse(draft.payload) as { peerId?: string | null }).peerId);
          return setTarget({ evaluation: null, peerId: Number.isInteger(peerId) && peerId > 0 ? peerId : null });
        }
        const id = /^evaluation:(\d+)$/.exec(draft.formKey)?.[1];
        // The evaluation may be on any page: asked for by its id.
        const [found] = id ? (await call('evaluations.list', { id: Number(id), limit: 1 }).catch(() => ({ evaluations: [] }))).evaluations : [];
        if (found && current) return setTarget({ evaluation: found });
      }
    })();
    return () => {
      current = false;
    };
  }, []);

  const standingColumns = useMemo(
    () => [
      standingColumn.accessor('fullName', { header: t('evaluation.peer'), cell: (info) => <Text fw={500}>{info.getValue()}</Text> }),
      standingColumn.accessor('className', { header: t('evaluation.className') }),
      standingColumn.accessor((p) => p.supervisorName ?? '', { id: 'supervisor', header: t('evaluation.supervisor'), cell: (info) => info.getValue() || '—' }),
      standingColumn.accessor((p) => p.lastEvaluatedOn ?? '', {
        id: 'last',
        header: t('evaluation.lastEvaluated'),
        cell: (info) => formatDay(info.row.original.lastEvaluatedOn, lang) || t('evaluation.never'),
        enableGlobalFilter: false,
      }),
      standingColumn.accessor((p) => p.lastAverage ?? -1, {
        id: 'average',
        header: t('evaluation.lastAverage'),
        cell: (info) => formatScore(info.row.original.lastAverage, lang),
        enableGlobalFilter: false,
      }),
      standingColumn.accessor((p) => (p.evaluatedThisTerm ? 1 : 0), {
        id: 'thisTerm',
        header: t('evaluation.thisTerm'),
        cell: (info) =>
          info.row.original.evaluatedThisTerm ? (
            <Badge color="teal" variant="light">
              {t('evaluation.done')}
            </Badge>
          ) : (
            <Badge color="yellow" variant="light">
              {t('evaluation.due')}
            </Badge>
          ),
        enableGlobalFilter: false,
      }),
      standingColumn.display({
        id: 'actions',
        header: t('common.actions'),
        cell: (info) => (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconClipboardCheck size={14} />}
            onClick={() => setTarget({ evaluation: null, peerId: info.row.original.peerId })}
            aria-label={t('evaluation.evaluateName', { name: info.row.original.fullName })}
          >
            {t('evaluation.evaluate')}
          </Button>
        ),
      }),
    ],
    [t, lang],
  );

  const evaluationColumns = useMemo(
    () => [
      evaluationColumn.accessor('evaluatedOn', {
        header: t('evaluation.evaluatedOn'),
        cell: (info) => formatDay(info.getValue(), lang),
        enableGlobalFilter: false,
      }),
      evaluationColumn.accessor('peerName', { header: t('evaluation.peer'), cell: (info) => <Text fw={500}>{info.getValue()}</Text> }),
      evaluationColumn.accessor((e) => termName(e.termId), { id: 'term', header: t('evaluation.term') }),
      evaluationColumn.accessor('evaluatorName', { header: t('evaluation.evaluator') }),
      evaluationColumn.accessor('average', { header: t('evaluation.average'), cell: (info) => formatScore(info.getValue(), lang), enableGlobalFilter: false }),
      evaluationColumn.display({
        id: 'actions',
        header: t('common.actions'),
        cell: (info) => {
          const e = info.row.original;
          const label = t(e.canEdit ? 'evaluation.editLabel' : 'evaluation.viewLabel', { name: e.peerName, date: formatDay(e.evaluatedOn, lang) });
          return (
            <Button
              size="xs"
              variant="subtle"
              leftSection={e.canEdit ? <IconPencil size={14} /> : <IconEye size={14} />}
              onClick={() => setTarget({ evaluation: e })}
              aria-label={label}
            >
              {e.canEdit ? t('evaluation.edit') : t('evaluation.view')}
            </Button>
          );
        },
      }),
    ],
    [t, lang, termName],
  );

  const reload = () => {
    void standing.reload();
    void list.reload();
  };

  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={2} size="h4">
              {t('evaluation.standingTitle', { term: standing.data ? termName(standing.data.termId) : '' })}
            </Title>
            <Text fz="sm" c="dimmed">
              {t('evaluation.standingIntro')}
            </Text>
          </div>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setTarget({ evaluation: null })} disabled={!standing.data?.peers.length}>
            {t('evaluation.new')}
          </Button>
        </Group>
        <LoadState loading={standing.loading && !standing.data} error={standing.error} retry={() => void standing.reload()}>
          <DataTable
            data={standing.data?.peers ?? []}
            columns={standingColumns}
            caption={t('evaluation.standingCaption')}
            initialSort={[{ id: 'thisTerm', desc: false }]}
            getRowId={(p) => String(p.peerId)}
            empty={<EmptyState icon={<IconClipboardCheck size={28} />} variant="light" title={t('evaluation.noActivePeers')} py="lg" />}
          />
        </LoadState>
      </Stack>

      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h4">
            {t('evaluation.allTitle')}
          </Title>
          <TextInput
            leftSection={<IconSearch size={16} />}
            placeholder={t('evaluation.searchPlaceholder')}
            aria-label={t('evaluation.searchLabel')}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={280}
          />
        </Group>
        <LoadState loading={list.loading && !list.data} stale={list.stale} error={list.error} retry={() => void list.reload()}>
          <DataTable
            data={list.data?.evaluations ?? []}
            columns={evaluationColumns}
            caption={t('evaluation.allCaption')}
            serverSort={{ sorting: [{ id: 'evaluatedOn', desc: true }], onChange: () => undefined, columns: [] }}
            unfiltered={!text}
            getRowId={(e) => String(e.id)}
            empty={
              <EmptyState icon={<IconClipboardCheck size={28} />} variant="light" title={t('evaluation.empty')} description={t('evaluation.emptyHint')} py="xl" />
            }
          />
          <Pager total={list.data?.total ?? 0} offset={offset} onOffset={setOffset} />
        </LoadState>
      </Stack>

      <EvaluationModal
        target={target}
        onClose={() => setTarget(null)}
        onSaved={() => {
          setTarget(null);
          reload();
        }}
      />
    </Stack>
  );
}
