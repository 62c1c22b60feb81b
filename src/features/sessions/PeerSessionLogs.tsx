import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/useCall';
import { usePage } from '../../api/usePage';
import { pageSizes } from '../../contract';
import { Figure } from '../../ui/Figure';
import { formatDay } from '../../ui/format';
import { LoadState } from '../../ui/LoadState';
import { Pager } from '../../ui/Pager';
import { LogTable } from './LogTable';

/**
 * A peer's session logs on their profile: how many they wrote, what still waits
 * for review, how many raised a risk, and the logs themselves (what the caller
 * may see of them: a supervisor no drafts, a peer only their own).
 */
export function PeerSessionLogs({ peerId }: { peerId: number }) {
  const { t, i18n } = useTranslation();
  // One peer's logs over their years in the program fit the largest page; the pager shows if they ever do not.
  const [offset, setOffset] = usePage({ peerId });
  const { data, error, loading, stale, reload } = useCall('sessionLogs.list', { peerId, limit: pageSizes.max, offset });
  const logs = data?.logs ?? [];
  const written = logs.filter((l) => l.status !== 'draft');
  const lastHeldOn = written.reduce<string | null>((last, l) => (l.heldOn && (!last || l.heldOn > last) ? l.heldOn : last), null);
  const title = t('peerSessions.title');
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <LoadState loading={loading && !data} stale={stale} error={error} retry={() => void reload()}>
        <Stack>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Figure label={t('peerSessions.written')}>
              <Text fz="lg" fw={600}>
                {String(written.length)}
              </Text>
            </Figure>
            <Figure label={t('peerSessions.awaiting')}>
              <Text fz="lg" fw={600}>
                {String(logs.filter((l) => l.status === 'submitted').length)}
              </Text>
            </Figure>
            <Figure label={t('peerSessions.withRisk')}>
              <Text fz="lg" fw={600}>
                {String(written.filter((l) => l.severity !== null).length)}
              </Text>
            </Figure>
            <Figure label={t('peerSessions.last')}>
              <Text fz="lg" fw={600}>
                {lastHeldOn ? formatDay(lastHeldOn, i18n.language) : t('peerSessions.never')}
              </Text>
            </Figure>
          </SimpleGrid>
          <LogTable logs={logs} show={['risk']} search="" caption={title} empty={<Text c="dimmed">{t('peerSessions.none')}</Text>} />
          <Pager total={data?.total ?? 0} offset={offset} limit={pageSizes.max} onOffset={setOffset} />
        </Stack>
      </LoadState>
    </Card>
  );
}
