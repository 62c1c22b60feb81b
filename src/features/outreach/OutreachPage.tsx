import { ActionIcon, Anchor, Badge, Button, Card, EmptyState, Group, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconSpeakerphone, IconTrash } from '@tabler/icons-react';
import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { sortInput, useListChoice, usePage } from '../../api/usePage';
import { outreachKinds, type Coverage, type OutreachEvent, type OutreachSort, type OutreachTermTotals, type Term } from '../../contract';
import { pendingDrafts } from '../../drafts/registry';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DataTable } from '../../ui/DataTable';
import { formatDay } from '../../ui/format';
import { ListSearch } from '../../ui/ListSearch';
import { LoadState } from '../../ui/LoadState';
import { PageHeader } from '../../ui/PageHeader';
import { PageCount, Pager } from '../../ui/Pager';
import { goToArea, openPeerProfile } from '../../navigation/places';
import { OutreachFormModal } from './OutreachFormModal';

const column = createColumnHelper<OutreachEvent>();

function useTermLabel() {
  const { t } = useTranslation();
  return useCallback(
    (term: Term) => (term.semester === 1 ? t('outreach.semester1', { year: term.academicYear }) : t('outreach.semester2', { year: term.academicYear })),
    [t],
  );
}

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <div>
      <Text c="dimmed" fz="xs" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2}>
        {value}
      </Text>
    </div>
  );
}

function CurrentTerm({ totals }: { totals: OutreachTermTotals | undefined }) {
  const { t, i18n } = useTranslation();
  const termLabel = useTermLabel();
  const number = (n: number) => new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID').format(n);
  if (!totals) return null;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={t('outreach.currentTerm')}>
      <Text fz="sm" fw={600}>
        {t('outreach.currentTerm')}
      </Text>
      <Text fz="xs" c="dimmed" mb="sm">
        {termLabel(totals.term)} · {totals.term.semester === 1 ? t('outreach.termRange') : t('outreach.termRange2')}
      </Text>
      <Group gap="xl">
        <Figure label={t('outreach.events')} value={number(totals.events)} />
        <Figure label={t('outreach.reachedTotal')} value={number(totals.reached)} />
      </Group>
    </Card>
  );
}

function CoverageCard({ coverage }: { coverage: Coverage }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en-GB' : 'id-ID';
  const percent = coverage.share === null ? null : new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(coverage.share);
  const ratio = coverage.studentCount && coverage.activePeers ? Math.round(coverage.studentCount / coverage.activePeers) : null;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={t('outreach.coverageTitle')} style={{ gridColumn: 'span 2' }}>
      <Text fz="sm" fw={600} mb="sm">
        {t('outreach.coverageTitle')}
      </Text>
      <Group gap="xl" align="flex-start" wrap="wrap">
        <Figure label={t('outreach.coverageActive')} value={coverage.activePeers} />
        <Stack gap={2}>
          <Figure label={t('outreach.coverageShare')} value={percent ?? '—'} />
          <Text fz="xs" c="dimmed">
            {coverage.studentCount
              ? t('outreach.coverageShareText', { active: coverage.activePeers, students: coverage.studentCount })
              : t('outreach.coverageNoSize')}
          </Text>
          {ratio ? (
            <Text fz="xs" c="dimmed">
              {t('outreach.coverageRatio', { ratio })}
            </Text>
          ) : null}
        </Stack>
        <Stack gap={6} style={{ flex: 1, minWidth: 220 }}>
          <Text c="dimmed" fz="xs" tt="uppercase" fw={600}>
            {t('outreach.classesWithout')}
          </Text>
          {coverage.classes.length === 0 ? (
            <Text fz="sm">{t('outreach.noClasses')}</Text>
          ) : coverage.classesWithoutActivePeer.length === 0 ? (
            <Text fz="sm" c="teal.8">
              {t('outreach.allClassesCovered')}
            </Text>
          ) : (
            <Group gap={6}>
              {coverage.classesWithoutActivePeer.map((name) => (
                <Badge key={name} color="orange" variant="light" radius="sm">
                  {name}
                </Badge>
              ))}
            </Group>
          )}
          {coverage.classes.length === 0 || coverage.studentCount === null ? (
            <Anchor component="button" type="button" fz="sm" onClick={() => goToArea('settings')} style={{ alignSelf: 'flex-start' }}>
              {t('outreach.openSettings')}
            </Anchor>
          ) : null}
        </Stack>
      </Group>
    </Card>
  );
}

function TermTotals({ terms }: { terms: OutreachTermTotals[] }) {
  const { t, i18n } = useTranslation();
  const termLabel = useTermLabel();
  const number = (n: number) => new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID').format(n);
  const cell = (events: number, reached: number) =>
    events === 0 ? (
      <Text c="dimmed" fz="sm">
        –
      </Text>
    ) : (
      <Text fz="sm">
        {events} · <Text span c="dimmed" fz="sm">{number(reached)}</Text>
      </Text>
    );
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} size="h4" mb="xs">
        {t('outreach.perTerm')}
      </Title>
      <Text fz="xs" c="dimmed" mb="sm">
        {t('outreach.termNote')} {t('outreach.events')} · {t('outreach.reachedTotal')}
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing={6} striped>
          <Table.Caption>{t('outreach.totalsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('outreach.term')}</Table.Th>
              {outreachKinds.map((k) => (
                <Table.Th key={k}>{t(`outreach.kinds.${k}`)}</Table.Th>
              ))}
              <Table.Th>{t('outreach.events')}</Table.Th>
              <Table.Th>{t('outreach.reachedTotal')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {terms.map((row) => (
              <Table.Tr key={row.term.id}>
                <Table.Th scope="row" fw={500}>
                  {termLabel(row.term)}
                </Table.Th>
                {outreachKinds.map((k) => (
                  <Table.Td key={k}>{cell(row.byKind[k].events, row.byKind[k].reached)}</Table.Td>
                ))}
                <Table.Td fw={700}>{number(row.events)}</Table.Td>
                <Table.Td fw={700}>{number(row.reached)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

/** The outreach log with totals per term and kind, and coverage of the school by active peers. */
export function OutreachPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const termLabel = useTermLabel();
  const [search, setSearch] = useListChoice('outreach', 'search', '');
  const [text] = useDebouncedValue(search.trim(), 250);
  const [sorting, setSorting] = useListChoice<SortingState>('outreach', 'sorting', [{ id: 'heldOn', desc: true }]);
  const filters = { ...(text ? { text } : {}), ...sortInput<OutreachSort>(sorting, 'heldOn') };
  const [offset, setOffset] = usePage(filters, 'outreach');
  const events = useCall('outreach.list', { ...filters, offset });
  const summary = useCall('outreach.summary', {});
  const [editing, setEditing] = useState<{ event: OutreachEvent | null } | null>(null);
  const [deleting, setDeleting] = useState<OutreachEvent | null>(null);

  // A form left open at the last lock opens again with its text.
  useEffect(() => {
    let current = true;
    const draft = pendingDrafts().find((d) => d.formKey.startsWith('outreach:'));
    const id = draft?.formKey.slice('outreach:'.length);
    if (id === 'new') setEditing({ event: null });
    else if (id) {
      // The event may be on any page: asked for by its id.
      void call('outreach.list', { id: Number(id), limit: 1 })
        .catch(() => ({ events: [] }))
        .then(({ events: [found] }) => {
          if (found && current) setEditing({ event: found });
        });
    }
    return () => {
      current = false;
    };
  }, []);

  const reload = async () => {
    await Promise.all([events.reload(), summary.reload()]);
  };

  const termNames = useMemo(() => new Map((summary.data?.terms ?? []).map((row) => [row.term.id, termLabel(row.term)])), [summary.data, termLabel]);

  const columns = useMemo(
    () => [
      column.accessor('heldOn', {
        header: t('outreach.heldOn'),
        cell: (info) => <Text span fz="sm" style={{ whiteSpace: 'nowrap' }}>{formatDay(info.getValue(), lang)}</Text>,
        enableGlobalFilter: false,
      }),
      column.accessor((e) => t(`outreach.kinds.${e.kind}`), { id: 'kind', header: t('outreach.kind') }),
      column.accessor('title', {
        header: t('outreach.eventTitle'),
        cell: (info) => (
          <Stack gap={0}>
            <Text fz="sm" fw={500}>
              {info.getValue()}
            </Text>
            {info.row.original.notes ? (
              <Text fz="xs" c="dimmed" lineClamp={1} maw={360}>
                {info.row.original.notes}
              </Text>
            ) : null}
          </Stack>
        ),
      }),
      column.accessor('audience', { header: t('outreach.audience') }),
      column.accessor('reached', { header: t('outreach.reached'), enableGlobalFilter: false }),
      column.accessor((e) => e.peers.map((p) => p.fullName).join(', '), {
        id: 'peers',
        header: t('outreach.peers'),
        cell: (info) => (
          <Group gap={4}>
            {info.row.original.peers.map((p) => (
              <Anchor key={p.id} component="button" type="button" fz="xs" onClick={() => openPeerProfile(p.id)}>
                {p.fullName}
              </Anchor>
            ))}
          </Group>
        ),
      }),
      column.accessor((e) => termNames.get(e.termId) ?? e.termId, { id: 'term', header: t('outreach.term') }),
      column.display({
        id: 'actions',
        header: t('common.actions'),
        cell: (info) => (
          <Group gap={4} wrap="nowrap">
            <Tooltip label={t('outreach.edit')}>
              <ActionIcon variant="subtle" aria-label={t('outreach.editLabel', { title: info.row.original.title })} onClick={() => setEditing({ event: info.row.original })}>
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('outreach.delete')}>
              <ActionIcon variant="subtle" color="red" aria-label={t('outreach.deleteLabel', { title: info.row.original.title })} onClick={() => setDeleting(info.row.original)}>
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        ),
      }),
    ],
    [t, lang, termNames],
  );

  const current = summary.data?.terms.find((row) => row.term.id === summary.data?.currentTermId);

  return (
    <>
      <PageHeader
        title={t('outreach.title')}
        intro={t('outreach.intro')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ event: null })}>
            {t('outreach.add')}
          </Button>
        }
      />
      <LoadState loading={(summary.loading && !summary.data) || (events.loading && !events.data)} stale={events.stale} error={summary.error ?? events.error} retry={() => void reload()}>
        {summary.data ? (
          <Stack gap="lg">
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
              <CurrentTerm totals={current} />
              <CoverageCard coverage={summary.data.coverage} />
            </SimpleGrid>
            <TermTotals terms={summary.data.terms} />
            <Stack gap="sm">
              <Group>
                <Title order={2} size="h4">
                  {t('outreach.eventsCaption')}
                </Title>
                {(events.data?.total ?? 0) > 0 || text ? <ListSearch value={search} onChange={setSearch} placeholder={t('outreach.searchPlaceholder')} /> : null}
                <PageCount total={events.data?.total ?? 0} offset={offset} />
              </Group>
              <DataTable
                data={events.data?.events ?? []}
                columns={columns}
                caption={t('outreach.eventsCaption')}
                serverSort={{ sorting, onChange: setSorting, columns: ['heldOn', 'kind', 'title', 'reached'] }}
                unfiltered={!text}
                getRowId={(e) => String(e.id)}
                empty={
                  <EmptyState icon={<IconSpeakerphone size={28} />} variant="light" title={t('outreach.empty')} description={t('outreach.emptyHint')} py="xl">
                    <EmptyState.Actions>
                      <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ event: null })}>
                        {t('outreach.add')}
                      </Button>
                    </EmptyState.Actions>
                  </EmptyState>
                }
              />
              <Pager total={events.data?.total ?? 0} offset={offset} onOffset={setOffset} />
            </Stack>
          </Stack>
        ) : null}
      </LoadState>
      <OutreachFormModal
        event={editing?.event ?? null}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void reload();
        }}
      />
      <ConfirmDialog
        opened={deleting !== null}
        danger
        title={t('outreach.deleteTitle')}
        body={deleting ? t('outreach.deleteBody', { title: deleting.title, date: formatDay(deleting.heldOn, lang) }) : ''}
        confirmLabel={t('outreach.delete')}
        onCancel={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          await call('outreach.delete', { id: deleting.id });
          notifications.show({ color: 'teal', message: t('outreach.deleted') });
          setDeleting(null);
          await reload();
        }}
      />
    </>
  );
}
