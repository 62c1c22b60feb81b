import { Anchor, Badge, EmptyState, Group, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { IconCircleCheck, IconFlag3, IconSearch, IconSend } from '@tabler/icons-react';
import { createColumnHelper } from '@tanstack/react-table';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/useCall';
import { pendingDrafts } from '../../drafts/registry';
import { useListChoice, usePage } from '../../api/usePage';
import type { Referral } from '../../contract';
import { useSession } from '../../stores/session';
import { DataTable } from '../../ui/DataTable';
import { formatDay } from '../../ui/format';
import { LoadState } from '../../ui/LoadState';
import { PageHeader } from '../../ui/PageHeader';
import { PageCount, Pager } from '../../ui/Pager';
import { ReferralStatusBadge } from '../../ui/badges';
import { CasePage } from './CasePage';
import { CaseTable } from './CaseTable';
import { openCasePage, useCaseView } from '../../navigation/places';
import { caseOfDraft } from './draftCase';
import { DirectoryPanel } from './DirectoryPanel';

function CaseList({ open }: { open: boolean }) {
  const { t } = useTranslation();
  const list = open ? 'casesOpen' : 'casesAll';
  const [search, setSearch] = useListChoice(list, 'search', '');
  const [text] = useDebouncedValue(search.trim(), 250);
  const filters = { open, ...(text ? { text } : {}) };
  const [offset, setOffset] = usePage(filters, list);
  const { data, error, loading, stale, reload } = useCall('cases.list', { ...filters, offset });
  return (
    <LoadState loading={loading && !data} stale={stale} error={error} retry={() => void reload()}>
      {data && (data.total > 0 || text) ? (
        <Group mb="md">
          <TextInput
            leftSection={<IconSearch size={16} />}
            placeholder={t('cases.searchPlaceholder')}
            aria-label={t('common.search')}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={320}
          />
          <PageCount total={data.total} offset={offset} />
        </Group>
      ) : null}
      <CaseTable
        cases={data?.cases ?? []}
        search=""
        serverSort={{ sorting: [], onChange: () => undefined, columns: [] }}
        unfiltered={!text}
        caption={open ? t('cases.tabQueue') : t('cases.tabAll')}
        empty={
          <EmptyState
            icon={open ? <IconCircleCheck size={28} /> : <IconFlag3 size={28} />}
            variant="light"
            title={open ? t('cases.queueEmpty') : t('cases.allEmpty')}
            py="xl"
          />
        }
      />
      <Pager total={data?.total ?? 0} offset={offset} onOffset={setOffset} />
    </LoadState>
  );
}

const column = createColumnHelper<Referral>();

function FollowUps() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data, error, loading, reload } = useCall('referrals.list', { followUp: true });
  const columns = useMemo(
    () => [
      column.accessor((r) => r.followUpOn ?? '9999', {
        id: 'followUp',
        header: t('referrals.followUp'),
        cell: (info) => {
          const r = info.row.original;
          return (
            <Group gap={4} wrap="nowrap">
              <Text fz="sm" c={r.followUpOverdue ? 'red.8' : undefined} fw={r.followUpOverdue ? 700 : undefined}>
                {formatDay(r.followUpOn, lang) || '—'}
              </Text>
              {r.followUpOverdue ? (
                <Badge color="red" size="sm">
                  {t('referrals.followUpOverdue')}
                </Badge>
              ) : null}
            </Group>
          );
        },
        enableGlobalFilter: false,
      }),
      column.accessor('caseId', {
        header: t('referrals.case'),
        cell: (info) => (
          <Anchor component="button" fz="sm" fw={600} onClick={() => openCasePage(info.getValue())}>
            #{info.getValue()} · {info.row.original.helpSeekerCode}
          </Anchor>
        ),
      }),
      column.accessor('serviceName', { header: t('referrals.service') }),
      column.accessor((r) => t(`referralStatus.${r.status}`), {
        id: 'status',
        header: t('referrals.status'),
        cell: (info) => <ReferralStatusBadge status={info.row.original.status} />,
      }),
      column.accessor('referredOn', { header: t('referrals.referredOn'), cell: (info) => formatDay(info.getValue(), lang), enableGlobalFilter: false }),
    ],
    [t, lang],
  );
  return (
    <Stack>
      <Text c="dimmed" maw={760}>
        {t('referrals.intro')}
      </Text>
      <LoadState loading={loading && !data} error={error} retry={() => void reload()}>
        <DataTable
          data={data?.referrals ?? []}
          columns={columns}
          caption={t('cases.tabReferrals')}
          getRowId={(r) => String(r.id)}
          empty={<EmptyState icon={<IconSend size={28} />} variant="light" title={t('referrals.empty')} py="xl" />}
        />
      </LoadState>
    </Stack>
  );
}

/** The Cases area: the queue of open cases, all cases, referral follow-ups and the directory; or one case. */
export function CasesPage() {
  const { t } = useTranslation();
  const role = useSession((s) => s.status?.user?.role);
  const caseId = useCaseView((s) => s.id);
  const [tab, setTab] = useState<string>('queue');
  // Text left on a case at the last lock waits on that case's page: go there, not to the lists.
  useEffect(() => {
    const waiting = caseOfDraft(pendingDrafts().map((d) => d.formKey));
    if (waiting !== null) openCasePage(waiting, { replace: true });
  }, []);
  if (caseId !== null) return <CasePage key={caseId} caseId={caseId} />;
  return (
    <>
      <PageHeader title={t('cases.title')} intro={role === 'supervisor' ? t('cases.supervisorIntro') : t('cases.intro')} />
      <Tabs value={tab} onChange={(value) => setTab(value ?? 'queue')} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="queue">{t('cases.tabQueue')}</Tabs.Tab>
          <Tabs.Tab value="all">{t('cases.tabAll')}</Tabs.Tab>
          <Tabs.Tab value="referrals">{t('cases.tabReferrals')}</Tabs.Tab>
          <Tabs.Tab value="directory">{t('cases.tabDirectory')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="queue">
          <CaseList open />
        </Tabs.Panel>
        <Tabs.Panel value="all">
          <CaseList open={false} />
        </Tabs.Panel>
        <Tabs.Panel value="referrals">
          <FollowUps />
        </Tabs.Panel>
        <Tabs.Panel value="directory">
          <DirectoryPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
