import { Button, Tabs } from '@mantine/core';
import { TabCount } from '../../ui/TabCount';
import { IconCalendarPlus, IconClipboardPlus } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/useCall';
import { pendingDrafts } from '../../drafts/registry';
import { PageHeader } from '../../ui/PageHeader';
import { GroupsPanel } from './GroupsPanel';
import { MeetingForm } from './MeetingForm';
import { MeetingPage } from './MeetingPage';
import { ActionItemsPanel, CadencePanel, MeetingsList } from './SupervisionLists';
import { useSupervisionView, type SupervisionTab } from '../../navigation/places';

/**
 * The Supervision area (coordinator and supervisors): meetings, who is due,
 * the groups, and the action items agreed in meetings.
 */
export function SupervisionPage() {
  const { t } = useTranslation();
  const screen = useSupervisionView((s) => s.screen);
  const show = useSupervisionView((s) => s.show);
  const tab = useSupervisionView((s) => s.tab);
  const setTab = useSupervisionView((s) => s.setTab);
  const cadence = useCall('supervision.cadence', {});
  const overdue = cadence.data?.peers.filter((p) => p.state === 'overdue').length ?? 0;

  // A meeting form left open at the last lock opens again with its text.
  useEffect(() => {
    const draft = pendingDrafts().find((d) => d.formKey.startsWith('meeting:'));
    if (!draft) return;
    const key = draft.formKey.slice('meeting:'.length);
    if (key.startsWith('new-')) show({ kind: 'form', id: null, status: key === 'new-held' ? 'held' : 'planned' });
    else show({ kind: 'form', id: Number(key), status: 'held' });
  }, [show]);

  if (screen.kind === 'form') return <MeetingForm key={`${screen.id ?? 'new'}-${screen.status}`} id={screen.id} status={screen.status} />;
  if (screen.kind === 'meeting') return <MeetingPage key={screen.id} id={screen.id} />;

  return (
    <>
      <PageHeader
        title={t('supervision.title')}
        intro={t('supervision.intro')}
        actions={
          <>
            <Button variant="default" leftSection={<IconCalendarPlus size={16} />} onClick={() => show({ kind: 'form', id: null, status: 'planned' })}>
              {t('supervision.plan')}
            </Button>
            <Button leftSection={<IconClipboardPlus size={16} />} onClick={() => show({ kind: 'form', id: null, status: 'held' })}>
              {t('supervision.record')}
            </Button>
          </>
        }
      />
      <Tabs value={tab} onChange={(value) => setTab((value ?? 'meetings') as SupervisionTab)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="meetings">{t('supervision.tabMeetings')}</Tabs.Tab>
          <Tabs.Tab
            value="cadence"
            rightSection={<TabCount count={overdue} color="red" />}
          >
            {t('supervision.tabCadence')}
          </Tabs.Tab>
          <Tabs.Tab value="groups">{t('supervision.tabGroups')}</Tabs.Tab>
          <Tabs.Tab value="actions">{t('supervision.tabActions')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="meetings">
          <MeetingsList />
        </Tabs.Panel>
        <Tabs.Panel value="cadence">
          <CadencePanel />
        </Tabs.Panel>
        <Tabs.Panel value="groups">
          <GroupsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="actions">
          <ActionItemsPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
