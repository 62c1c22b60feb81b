import { Button, Card, EmptyState, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconMessageHeart, IconSearch, IconUserShare } from '@tabler/icons-react';
import { createColumnHelper } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import type { FeedbackEntry } from '../../contract';
import { collectDrafts } from '../../drafts/registry';
import { reloadRenderer } from '../../stores/session';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DataTable } from '../../ui/DataTable';
import { formatDay } from '../../ui/format';
import { LoadState } from '../../ui/LoadState';
import { useTermName } from './EvaluationForm';
import { formatScore } from './evaluationView';

const column = createColumnHelper<FeedbackEntry>();
const questions = ['helpful', 'feltHeard', 'wouldRecommend'] as const;

/** Hands the PC to a student for one anonymous form; the backend's feedback hand-over allows nothing else. */
export function FeedbackHandover({ opened, onCancel }: { opened: boolean; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      opened={opened}
      title={t('feedback.handoverTitle')}
      body={t('feedback.handoverBody')}
      confirmLabel={t('feedback.handoverConfirm')}
      onCancel={onCancel}
      onConfirm={async () => {
        await call('session.handOverForFeedback', { drafts: collectDrafts() });
        reloadRenderer();
      }}
    />
  );
}

/** What students said in a term: the averages of the three questions and every form with its comment. */
export function FeedbackPanel() {
  const { t } = useTranslation();
  const termName = useTermName();
  const terms = useCall('reports.terms', {});
  const [termId, setTermId] = useState<string | null>(null);
  useEffect(() => {
    if (terms.data && termId === null) setTermId(terms.data.currentTermId);
  }, [terms.data, termId]);
  const [search, setSearch] = useState('');
  const [handingOver, setHandingOver] = useState(false);

  const termOptions = (terms.data?.terms ?? []).map((term) => ({ value: term.id, label: termName(term.id) }));
  return (
    <Stack gap="sm">
      <Text c="dimmed" maw={820}>
        {t('feedback.intro')}
      </Text>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <Select label={t('feedback.term')} data={termOptions} value={termId} onChange={setTermId} allowDeselect={false} w={240} />
          <TextInput
            leftSection={<IconSearch size={16} />}
            placeholder={t('feedback.searchPlaceholder')}
            aria-label={t('feedback.searchLabel')}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={260}
          />
        </Group>
        <Button leftSection={<IconUserShare size={16} />} onClick={() => setHandingOver(true)}>
          {t('feedback.handoverButton')}
        </Button>
      </Group>
      <LoadState loading={terms.loading && !terms.data} error={terms.error} retry={() => void terms.reload()}>
        {termId ? <FeedbackOfTerm termId={termId} search={search} /> : null}
      </LoadState>
      <FeedbackHandover opened={handingOver} onCancel={() => setHandingOver(false)} />
    </Stack>
  );
}

function FeedbackOfTerm({ termId, search }: { termId: string; search: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const columns = useMemo(
    () => [
      column.accessor('givenOn', { header: t('feedback.givenOn'), cell: (info) => formatDay(info.getValue(), lang), enableGlobalFilter: false }),
      ...questions.map((q) => column.accessor(q, { header: t(`feedback.short.${q}`), enableGlobalFilter: false })),
      column.accessor('comment', { header: t('feedback.comment'), cell: (info) => info.getValue() || <Text c="dimmed">—</Text> }),
    ],
    [t, lang],
  );

  const { data, error, loading, reload } = useCall('feedback.list', { termId });
  return (
    <LoadState loading={loading && !data} error={error} retry={() => void reload()}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} aria-label={t('feedback.averagesTitle')} role="group">
          {questions.map((q) => (
            <Card key={q} withBorder radius="md" padding="md" role="group" aria-label={t(`feedback.short.${q}`)}>
              <Text fz="sm" c="dimmed">
                {t(`feedback.questions.${q}`)}
              </Text>
              <Group gap={4} align="baseline">
                <Text fz={28} fw={700}>
                  {formatScore(data?.averages[q] ?? null, lang)}
                </Text>
                <Text c="dimmed">/ 5</Text>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
        <Text fz="sm" c="dimmed">
          {t('feedback.count', { count: data?.entries.length ?? 0 })}
        </Text>
        <DataTable
          data={data?.entries ?? []}
          columns={columns}
          search={search}
          caption={t('feedback.caption')}
          initialSort={[{ id: 'givenOn', desc: true }]}
          getRowId={(e) => String(e.id)}
          empty={<EmptyState icon={<IconMessageHeart size={28} />} variant="light" title={t('feedback.empty')} description={t('feedback.emptyHint')} py="xl" />}
        />
      </Stack>
    </LoadState>
  );
}
