import { Tabs } from '@mantine/core';
import { IconClipboardCheck, IconHeartbeat, IconMessageHeart } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useEvaluationTab, type EvaluationTab } from '../../navigation/places';
import { PageHeader } from '../../ui/PageHeader';
import { FeedbackPanel } from './FeedbackPanel';
import { OutcomesPanel } from './Outcomes';
import { PeerEvaluations } from './PeerEvaluations';

/** Evaluation (issue 5): how the peers are doing, how the help-seekers are doing, and what students say. */
export function EvaluationPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useEvaluationTab();
  return (
    <>
      <PageHeader title={t('evaluation.title')} intro={t('evaluation.intro')} />
      <Tabs value={tab} onChange={(value) => setTab((value as EvaluationTab | null) ?? 'peers')} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="peers" leftSection={<IconClipboardCheck size={16} />}>
            {t('evaluation.tabPeers')}
          </Tabs.Tab>
          <Tabs.Tab value="outcomes" leftSection={<IconHeartbeat size={16} />}>
            {t('evaluation.tabOutcomes')}
          </Tabs.Tab>
          <Tabs.Tab value="feedback" leftSection={<IconMessageHeart size={16} />}>
            {t('evaluation.tabFeedback')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="peers">
          <PeerEvaluations />
        </Tabs.Panel>
        <Tabs.Panel value="outcomes">
          <OutcomesPanel />
        </Tabs.Panel>
        <Tabs.Panel value="feedback">
          <FeedbackPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
