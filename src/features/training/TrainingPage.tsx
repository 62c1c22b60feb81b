import { ActionIcon, Anchor, Badge, Button, EmptyState, Group, Stack, Switch, Tabs, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconBook2, IconPencil, IconPlus, IconUsersPlus } from '@tabler/icons-react';
import { createColumnHelper } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { usePage } from '../../api/usePage';
import type { RefresherDue, TrainingModule, TrainingSession } from '../../contract';
import { pendingDrafts } from '../../drafts/registry';
import { useSession } from '../../stores/session';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DataTable } from '../../ui/DataTable';
import { formatDay, formatHours } from '../../ui/format';
import { LoadState } from '../../ui/LoadState';
import { Pager } from '../../ui/Pager';
import { PageHeader } from '../../ui/PageHeader';
import { openPeerProfile } from '../../navigation/places';
import { GroupSessionModal } from './GroupSessionModal';
import { ModuleFormModal } from './ModuleFormModal';
import { moduleDescription, moduleTitle } from './moduleTitle';

const moduleColumn = createColumnHelper<TrainingModule>();
const sessionColumn = createColumnHelper<TrainingSession>();
type DueRow = RefresherDue & { peerId: number; peerName: string; className: string; moduleTitle: string };
const dueColumn = createColumnHelper<DueRow>();

function Curriculum({ modules, canEdit, reload }: { modules: TrainingModule[]; canEdit: boolean; reload(): Promise<void> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [showRetired, setShowRetired] = useState(false);
  const [editing, setEditing] = useState<{ module: TrainingModule | null } | null>(null);
  const [retiring, setRetiring] = useState<TrainingModule | null>(null);
  const shown = modules.filter((m) => showRetired || !m.retired);
  const current = modules.filter((m) => !m.retired);
  const required = current.filter((m) => m.required);

  useEffect(() => {
    if (!canEdit) return;
    const draft = pendingDrafts().find((d) => d.formKey.startsWith('module:'));
    if (!draft) return;
    const id = draft.formKey.slice('module:'.length);
    setEditing({ module: id === 'new' ? null : (modules.find((m) => String(m.id) === id) ?? null) });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [canEdit]);

  const restore = async (module: TrainingModule) => {
    await call('training.setModuleRetired', { id: module.id, version: module.version, retired: false });
    notifications.show({ color: 'teal', message: t('training.restoredDone', { title: moduleTitle(module, lang) }) });
    await reload();
  };

  const columns = useMemo(
    () => [
      moduleColumn.accessor((m) => moduleTitle(m, lang) || t('training.untitled'), {
        id: 'title',
        header: t('training.module'),
        cell: (info) => (
          <Stack gap={2}>
            <Text fz="sm" fw={500} c={info.row.original.retired ? 'dimmed' : undefined}>
              {info.getValue()}
            </Text>
            <Text fz="xs" c="dimmed" lineClamp={2} maw={460}>
              {moduleDescription(info.row.original, lang)}
            </Text>
          </Stack>
        ),
        sortingFn: (a, b) => a.original.position - b.original.position,
      }),
      moduleColumn.accessor('hours', { header: t('training.hours'), cell: (info) => formatHours(info.getValue(), lang), enableGlobalFilter: false }),
      moduleColumn.accessor((m) => (m.required ? 1 : 0), {
        id: 'required',
        header: t('training.required'),
        enableGlobalFilter: false,
        cell: (info) =>
          info.row.original.required ? (
            <Badge variant="light">{t('training.required')}</Badge>
          ) : (
            <Badge variant="light" color="gray">
              {t('training.optional')}
            </Badge>
          ),
      }),
      moduleColumn.accessor((m) => m.refresherMonths ?? 0, {
        id: 'refresher',
        header: t('training.refresher'),
        enableGlobalFilter: false,
        cell: (info) =>
          info.row.original.refresherMonths ? t('training.refresherEvery', { count: info.row.original.refresherMonths }) : t('training.noRefresher'),
      }),
      moduleColumn.accessor((m) => (m.retired ? 1 : 0), {
        id: 'state',
        header: t('training.state'),
        enableGlobalFilter: false,
        cell: (info) =>
          info.row.original.retired ? (
            <Badge color="gray" variant="outline">
              {t('training.retired')}
            </Badge>
          ) : (
            <Text fz="sm">{t('training.inUse')}</Text>
          ),
      }),
      ...(canEdit
        ? [
            moduleColumn.display({
              id: 'actions',
              header: t('common.actions'),
              cell: (info) => {
                const m = info.row.original;
                const title = moduleTitle(m, lang);
                return (
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label={t('training.edit')}>
                      <ActionIcon variant="subtle" aria-label={t('training.editLabel', { title })} onClick={() => setEditing({ module: m })}>
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                    {m.retired ? (
                      <Tooltip label={t('training.restore')}>
                        <ActionIcon variant="subtle" color="teal" aria-label={t('training.restoreLabel', { title })} onClick={() => void restore(m)}>
                          <IconArchiveOff size={16} />
                        </ActionIcon>
                      </Tooltip>
                    ) : (
                      <Tooltip label={t('training.retire')}>
                        <ActionIcon variant="subtle" color="gray" aria-label={t('training.retireLabel', { title })} onClick={() => setRetiring(m)}>
                          <IconArchive size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                );
              },
            }),
          ]
        : []),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, lang, canEdit],
  );

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text c="dimmed" fz="sm">
          {t('training.curriculumSummary', { required: required.length, hours: formatHours(current.reduce((s, m) => s + m.hours, 0), lang) })}
        </Text>
        <Group>
          <Switch label={t('training.showRetired')} checked={showRetired} onChange={(e) => setShowRetired(e.currentTarget.checked)} />
          {canEdit ? (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ module: null })}>
              {t('training.addModule')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <DataTable
        data={shown}
        columns={columns}
        caption={t('training.tabs.curriculum')}
        initialSort={[{ id: 'title', desc: false }]}
        getRowId={(m) => String(m.id)}
        empty={<Text c="dimmed">{t('training.untitled')}</Text>}
      />
      <ModuleFormModal
        module={editing?.module ?? null}
        opened={editing !== null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void reload();
        }}
      />
      <ConfirmDialog
        opened={retiring !== null}
        title={t('training.retireTitle', { title: moduleTitle(retiring ?? undefined, lang) })}
        body={t('training.retireBody')}
        confirmLabel={t('training.retire')}
        onCancel={() => setRetiring(null)}
        onConfirm={async () => {
          if (!retiring) return;
          await call('training.setModuleRetired', { id: retiring.id, version: retiring.version, retired: true });
          notifications.show({ color: 'teal', message: t('training.retiredDone', { title: moduleTitle(retiring, lang) }) });
          setRetiring(null);
          await reload();
        }}
      />
    </Stack>
  );
}

function Sessions({ modules, canEdit }: { modules: TrainingModule[]; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [offset, setOffset] = usePage({});
  const sessions = useCall('training.sessions', { offset });
  const [recording, setRecording] = useState(false);

  const columns = useMemo(
    () => [
      sessionColumn.accessor('heldOn', {
        header: t('training.heldOn'),
        cell: (info) => <Text span fz="sm" style={{ whiteSpace: 'nowrap' }}>{formatDay(info.getValue(), lang)}</Text>,
        enableGlobalFilter: false,
      }),
      sessionColumn.accessor((s) => moduleTitle(modules.find((m) => m.id === s.moduleId), lang), { id: 'module', header: t('training.module') }),
      sessionColumn.accessor('trainer', { header: t('training.trainer') }),
      sessionColumn.accessor('hours', { header: t('training.hours'), cell: (info) => formatHours(info.getValue(), lang), enableGlobalFilter: false }),
      sessionColumn.accessor((s) => s.attendees.length, {
        id: 'attendees',
        header: t('training.attendees'),
        enableGlobalFilter: false,
        cell: (info) => {
          const s = info.row.original;
          return (
            <Stack gap={0}>
              <Text fz="sm">{t('training.completedCount', { completed: s.attendees.filter((a) => a.completed).length, count: s.attendees.length })}</Text>
              <Text fz="xs" c="dimmed" lineClamp={2} maw={380}>
                {s.attendees.map((a) => a.fullName).join(', ')}
              </Text>
            </Stack>
          );
        },
      }),
    ],
    [t, lang, modules],
  );

  return (
    <Stack gap="md">
      {canEdit ? (
        <Group justify="flex-end">
          <Button leftSection={<IconUsersPlus size={16} />} onClick={() => setRecording(true)}>
            {t('training.recordSession')}
          </Button>
        </Group>
      ) : null}
      <LoadState loading={sessions.loading && !sessions.data} stale={sessions.stale} error={sessions.error} retry={() => void sessions.reload()}>
        <DataTable
          data={sessions.data?.sessions ?? []}
          columns={columns}
          caption={t('training.tabs.sessions')}
          serverSort={{ sorting: [{ id: 'heldOn', desc: true }], onChange: () => undefined, columns: [] }}
          getRowId={(s) => String(s.id)}
          empty={
            <EmptyState icon={<IconBook2 size={28} />} variant="light" title={t('training.noSessions')} description={t('training.noSessionsHint')} py="xl">
              {canEdit ? (
                <EmptyState.Actions>
                  <Button leftSection={<IconUsersPlus size={16} />} onClick={() => setRecording(true)}>
                    {t('training.recordSession')}
                  </Button>
                </EmptyState.Actions>
              ) : null}
            </EmptyState>
          }
        />
        <Pager total={sessions.data?.total ?? 0} offset={offset} onOffset={setOffset} />
      </LoadState>
      {canEdit ? (
        <GroupSessionModal
          modules={modules}
          opened={recording}
          onClose={() => setRecording(false)}
          onSaved={() => {
            setRecording(false);
            void sessions.reload();
          }}
        />
      ) : null}
    </Stack>
  );
}

/** Refreshers due or overdue, a page of peers at a time, the soonest first (a peer's refreshers stay on one page). */
function Refreshers({ modules }: { modules: TrainingModule[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [offset, setOffset] = usePage({});
  const peers = useCall('peers.list', { training: 'refresher', sort: 'refresherDueOn', direction: 'asc', offset });
  const rows: DueRow[] = (peers.data?.peers ?? []).flatMap((p) =>
    p.refreshers.map((r) => ({
      ...r,
      peerId: p.id,
      peerName: p.fullName,
      className: p.className,
      moduleTitle: moduleTitle(modules.find((m) => m.id === r.moduleId), lang),
    })),
  );
  const columns = useMemo(
    () => [
      dueColumn.accessor('peerName', {
        header: t('training.peer'),
        cell: (info) => (
          <Anchor component="button" type="button" fz="sm" onClick={() => openPeerProfile(info.row.original.peerId)}>
            {info.getValue()}
          </Anchor>
        ),
      }),
      dueColumn.accessor('className', { header: t('peers.className') }),
      dueColumn.accessor('moduleTitle', { header: t('training.module') }),
      dueColumn.accessor('dueOn', { header: t('training.dueOn'), cell: (info) => formatDay(info.getValue(), lang), enableGlobalFilter: false }),
      dueColumn.accessor('state', {
        header: t('training.state'),
        cell: (info) => (
          <Badge color={info.getValue() === 'overdue' ? 'red' : 'orange'} variant="light">
            {info.getValue() === 'overdue' ? t('training.overdue') : t('training.due')}
          </Badge>
        ),
      }),
    ],
    [t, lang],
  );
  return (
    <Stack gap="md">
      <Text c="dimmed" fz="sm">
        {t('training.refreshersIntro')}
      </Text>
      <LoadState loading={peers.loading && !peers.data} stale={peers.stale} error={peers.error} retry={() => void peers.reload()}>
        <DataTable
          data={rows}
          columns={columns}
          caption={t('training.tabs.refreshers')}
          serverSort={{ sorting: [{ id: 'dueOn', desc: false }], onChange: () => undefined, columns: [] }}
          empty={
            <Text c="dimmed" py="md">
              {t('training.noRefreshers')}
            </Text>
          }
        />
        <Pager total={peers.data?.total ?? 0} offset={offset} onOffset={setOffset} />
      </LoadState>
    </Stack>
  );
}

/** The curriculum, group sessions and refreshers; the coordinator edits, a supervisor reads. */
export function TrainingPage() {
  const { t } = useTranslation();
  const canEdit = useSession((s) => s.status?.user?.role === 'coordinator');
  const modules = useCall('training.modules', {});
  const [tab, setTab] = useState<string | null>('curriculum');
  return (
    <>
      <PageHeader title={t('training.title')} intro={t('training.intro')} />
      <LoadState loading={modules.loading && !modules.data} error={modules.error} retry={() => void modules.reload()}>
        {modules.data ? (
          <Tabs value={tab} onChange={setTab} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="curriculum">{t('training.tabs.curriculum')}</Tabs.Tab>
              <Tabs.Tab value="sessions">{t('training.tabs.sessions')}</Tabs.Tab>
              <Tabs.Tab value="refreshers">{t('training.tabs.refreshers')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="curriculum">
              <Curriculum modules={modules.data.modules} canEdit={canEdit} reload={modules.reload} />
            </Tabs.Panel>
            <Tabs.Panel value="sessions">
              <Sessions modules={modules.data.modules} canEdit={canEdit} />
            </Tabs.Panel>
            <Tabs.Panel value="refreshers">
              <Refreshers modules={modules.data.modules} />
            </Tabs.Panel>
          </Tabs>
        ) : null}
      </LoadState>
    </>
  );
}
