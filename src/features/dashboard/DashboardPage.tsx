import { Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/useCall';
import { useSession } from '../../stores/session';
import { LoadState } from '../../ui/LoadState';
import { PageHeader } from '../../ui/PageHeader';
import { CasesDashboard } from '../cases';
import { MyActionItems, SupervisionDue } from '../supervision';
import { TodayList } from '../today';
import { goToArea } from '../../navigation/places';

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text c="dimmed" fz="sm">
        {label}
      </Text>
      <Text fz={32} fw={700} lh={1.2}>
        {value}
      </Text>
    </Paper>
  );
}

/**
 * The staff home (issue 14): Today first, what needs this person, each line opening what it
 * names; below it, figures that are only information.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const user = useSession((s) => s.status?.user);
  const { data, error, loading, reload } = useCall('dashboard.summary', {});
  const byStatus = data?.peersByStatus;
  const total = byStatus ? Object.values(byStatus).reduce((sum, n) => sum + n, 0) : 0;
  const pipeline = byStatus ? byStatus.nominated + byStatus.interviewing + byStatus.selected + byStatus.in_training : 0;

  return (
    <>
      <PageHeader title={t('dashboard.title')} intro={t('dashboard.welcome', { name: user?.fullName ?? '' })} />
      <TodayList />
      <Title order={2} size="h3" mb="md">
        {t('today.figures')}
      </Title>
      <CasesDashboard />
      <SupervisionDue />
      <MyActionItems />
      <LoadState loading={loading && !data} error={error} retry={() => void reload()}>
        <Stack>
          <Title order={2} size="h4">
            {t('dashboard.peersTitle')}
          </Title>
          {total === 0 ? (
            <Paper withBorder p="lg" radius="md">
              <Stack align="flex-start">
                <Text>{t('dashboard.empty')}</Text>
                <Button variant="light" rightSection={<IconArrowRight size={16} />} onClick={() => goToArea('peers')}>
                  {t('dashboard.goToPeers')}
                </Button>
              </Stack>
            </Paper>
          ) : null}
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Figure label={t('dashboard.activePeers')} value={byStatus?.active ?? 0} />
            <Figure label={t('dashboard.inPipeline')} value={pipeline} />
          </SimpleGrid>
        </Stack>
      </LoadState>
    </>
  );
}
