import { Button, EmptyState, Group, Select, Tabs, Text, TextInput } from '@mantine/core';
import { TabCount } from '../../ui/TabCount';
import { IconInbox, IconMessages, IconPencilPlus, IconSearch } from '@tabler/icons-react';
import { useDebouncedValue } from '@mantine/hooks';
import type { SortingState } from '@tanstack/react-table';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/useCall';
import { sortInput, useListChoice, usePage } from '../../api/usePage';
import { sessionLogStatuses, type SessionLogSort, type SessionLogStatus } from '../../contract';
import { pendingDrafts } from '../../drafts/registry';
import { useSession } from '../../stores/session';
import { LoadState } from '../../ui/LoadState';
import { PageHeader } from '../../ui/PageHeader';
import { PageCount, Pager } from '../../ui/Pager';
import { HelpSeekersPanel } from './HelpSeekersPanel';
import { LogTable } from './LogTable';
import { SearchPanel } from './SearchPanel';
import { SessionLogForm } from './SessionLogForm';
import { SessionLogPage } from './SessionLogPage';
import { useSessionsView, type SessionsTab } from '../../navigation/places';
import { MyActionItems } from '../supervision';
import { ReturnedLogBanners } from '../today';

function SearchBox({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { t } = useTranslation();
  return (
    <TextInput
      leftSection={<IconSearch size={16} />}
      placeholder={t('sessions.searchPlaceholder')}
      aria-label={t('common.search')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      w={300}
    />
  );
}

function ReviewQueue() {
  const { t } = useTranslation();
  const [offset, setOffset] = usePage({}, 'reviewQueue');
  const { data, error, loading, stale, reload } = useCall('sessionLogs.reviewQueue', { offset });
  return (
    <>
      <Group mb="md" align="flex-start" wrap="nowrap">
        <Text c="dimmed" maw={760}>
          {t('sessions.queueIntro')}
        </Text>
        <PageCount total={data?.total ?? 0} offset={offset} />
      </Group>
      <LoadState loading={loading && !data} stale={stale} error={error} retry={() => void reload()}>
        <LogTable
          logs={data?.logs ?? []}
          show={['peer', 'risk', 'submitted']}
          search=""
          caption={t('sessions.tabQueue')}
          queue
          serverSort={{ sorting: [], onChange: () => undefined, columns: [] }}
          empty={<EmptyState icon={<IconInbox size={28} />} variant="light" title={t('sessions.queueEmpty')} py="xl" />}
        />
        <Pager total={data?.total ?? 0} offset={offset} onOffset={setOffset} />
      </LoadState>
    </>
  );
}

function AllLogs({ show, emptyTitle, emptyHint }: { show: Array<'peer' | 'risk' | 'submitted'>; emptyTitle: string; emptyHint?: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useListChoice<SessionLogStatus | null>('sessionLogs', 'status', null);
  const [search, setSearch] = useListChoice('sessionLogs', 'search', '');
  const [text] = useDebouncedValue(search.trim(), 250);
  const [sorting, setSorting] = useListChoice<SortingState>('sessionLogs', 'sorting', [{ id: 'heldOn', desc: true }]);
  const filters = { ...(status ? { status } : {}), ...(text ? { text } : {}), ...sortInput<SessionLogSort>(sorting, 'heldOn') };
  const [offset, setOffset] = usePage(filters, 'sessionLogs');
  const { data, error, loading, stale, reload } = useCall('sessionLogs.list', { ...filters, offset });
  const filtered = status !== null || text !== '';
  return (
    <LoadState loading={loading && !data} stale={stale} error={error} retry={() => void reload()}>
      <Group mb="md" display={data?.total === 0 && !filtered ? 'none' : undefined}>
        <SearchBox value={search} onChange={setSearch} />
        <Select
          aria-label={t('sessions.filterStatus')}
          placeholder={t('sessions.allStatuses')}
          clearable
          data={sessionLogStatuses.map((s) => ({ value: s, label: t(`logStatus.${s}`) }))}
          value={status}
          onChange={(value) => setStatus(value as SessionLogStatus | null)}
          w={220}
        />
        <PageCount total={data?.total ?? 0} offset={offset} />
      </Group>
      <LogTable
        logs={data?.logs ?? []}
        show={show}
        search=""
        caption={t('sessions.title')}
        serverSort={{ sorting, onChange: setSorting, columns: ['heldOn', 'submittedAt'] }}
        unfiltered={!filtered}
        empty={<EmptyState icon={<IconMessages size={28} />} variant="light" title={emptyTitle} description={emptyHint} py="xl" />}
      />
      <Pager total={data?.total ?? 0} offset={offset} onOffset={setOffset} />
    </LoadState>
  );
}

function CoordinatorLists() {
  const { t } = useTranslation();
  const tab = useSessionsView((s) => s.tab);
  const setTab = useSessionsView((s) => s.setTab);
  const queue = useCall('sessionLogs.reviewQueue', { limit: 1 });
  const waiting = queue.data?.total ?? 0;
  return (
    <Tabs value={tab} onChange={(value) => setTab((value ?? 'queue') as SessionsTab)} keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="queue" rightSection={<TabCount count={waiting} />}>
          {t('sessions.tabQueue')}
        </Tabs.Tab>
        <Tabs.Tab value="all">{t('sessions.tabAll')}</Tabs.Tab>
        <Tabs.Tab value="helpSeekers">{t('sessions.tabHelpSeekers')}</Tabs.Tab>
        <Tabs.Tab value="search">{t('sessions.tabSearch')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="queue">
        <ReviewQueue />
      </Tabs.Panel>
      <Tabs.Panel value="all">
        <AllLogs show={['peer', 'risk']} emptyTitle={t('sessions.empty')} />
      </Tabs.Panel>
      <Tabs.Panel value="helpSeekers">
        <HelpSeekersPanel />
      </Tabs.Panel>
      <Tabs.Panel value="search">
        <SearchPanel />
      </Tabs.Panel>
    </Tabs>
  );
}

/**
 * The Session logs area. A peer sees their own logs and writes new ones; a
 * coordinator has the review queue, every log, the help-seekers and search,
 * and enters paper forms; a supervisor reads their peers' submitted logs.
 */
export function SessionsPage() {
  const { t } = useTranslation();
  const role = useSession((s) => s.status?.user?.role);
  const screen = useSessionsView((s) => s.screen);
  const show = useSessionsView((s) => s.show);

  // A log form left open at the last lock opens again with its text.
  useEffect(() => {
    const draft = pendingDrafts().find((d) => d.formKey.startsWith('session-log:'));
    if (!draft) return;
    const key = draft.formKey.slice('session-log:'.length);
    show({ kind: 'form', id: key === 'new' ? null : Number(key) });
  }, [show]);

  if (screen.kind === 'form') return <SessionLogForm key={screen.id ?? 'new'} id={screen.id} />;
  if (screen.kind === 'log') return <SessionLogPage key={screen.id} id={screen.id} />;

  const writeButton =
    role === 'supervisor' ? null : (
      <Button leftSection={<IconPencilPlus size={16} />} onClick={() => show({ kind: 'form', id: null })}>
        {role === 'peer' ? t('sessions.write') : t('sessions.enterPaper')}
      </Button>
    );

  if (role === 'peer') {
    return (
      <>
        <PageHeader title={t('sessions.ownTitle')} intro={t('sessions.ownIntro')} actions={writeButton} />
        <ReturnedLogBanners />
        <MyActionItems />
        <AllLogs show={[]} emptyTitle={t('sessions.ownEmpty')} emptyHint={t('sessions.ownEmptyHint')} />
      </>
    );
  }
  if (role === 'supervisor') {
    return (
      <>
        <PageHeader title={t('sessions.supervisorTitle')} intro={t('sessions.supervisorIntro')} />
        <AllLogs show={['peer', 'risk']} emptyTitle={t('sessions.supervisorEmpty')} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('sessions.title')} intro={t('sessions.intro')} actions={writeButton} />
      <CoordinatorLists />
    </>
  );
}
