import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/useCall';
import { pageSizes, type PeerStatus } from '../../contract';
import { formatDay, formatHours } from '../../ui/format';
import { ActionItemList } from './ActionItemList';
import { CadenceBadge } from './badges';
import { Figure } from '../../ui/Figure';

function Frame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** What staff see of a peer's supervision: group, last and next meeting, hours this term, and the peer's open action items. */
function StaffView({ peerId, status }: { peerId: number; status: PeerStatus }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const cadence = useCall('supervision.cadence', { peerId });
  // A peer's open items are few; the largest page holds them.
  const items = useCall('actionItems.list', { open: true, peerId, limit: pageSizes.max });
  const c = cadence.data?.peers[0];
  const own = items.data?.items ?? [];
  return (
    <Frame title={t('supervision.profileTitle')}>
      <Stack>
        {c ? (
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Figure label={t('supervision.profileGroup')}>
              <Text fz="sm">{c.groupName ? `${c.groupName} · ${t('supervision.everyDays', { count: c.frequencyDays ?? 0 })}` : t('supervision.noGroup')}</Text>
            </Figure>
            <Figure label={t('supervision.profileLast')}>
              <Text fz="sm">{c.lastMeetingOn ? formatDay(c.lastMeetingOn, lang) : t('supervision.never')}</Text>
            </Figure>
            <Figure label={t('supervision.profileNext')}>
              {status === 'active' ? (
                <Group gap={6} wrap="nowrap">
                  <CadenceBadge state={c.state} nextDueOn={c.nextDueOn} />
                  {c.nextDueOn ? <Text fz="sm">{formatDay(c.nextDueOn, lang)}</Text> : null}
                </Group>
              ) : (
                <Text fz="sm" c="dimmed">
                  {t('supervision.notActive')}
                </Text>
              )}
              {c.plannedOn ? (
                <Text fz="xs" c="dimmed">
                  {t('supervision.groupPlanned', { date: formatDay(c.plannedOn, lang) })}
                </Text>
              ) : null}
            </Figure>
            <Figure label={t('supervision.profileHours')}>
              <Text fz="sm">{t('supervision.profileHoursValue', { hours: formatHours(c.hoursThisTerm, lang), count: c.meetingsThisTerm })}</Text>
            </Figure>
          </SimpleGrid>
        ) : null}
        <Stack gap={6}>
          <Text fz="sm" fw={600}>
            {t('supervision.peerItems')}
          </Text>
          {own.length > 0 ? (
            <ActionItemList items={own} showOwner={false} onChanged={() => void items.reload()} />
          ) : (
            <Text fz="sm" c="dimmed">
              {t('supervision.peerItemsEmpty')}
            </Text>
          )}
        </Stack>
      </Stack>
    </Frame>
  );
}

/** A peer looking at their own profile: their action items from supervision, read-only. */
function OwnView() {
  const { t } = useTranslation();
  const { data } = useCall('actionItems.mine', {});
  const open = (data?.items ?? []).filter((i) => !i.done);
  return (
    <Frame title={t('supervision.peerItems')}>
      {open.length > 0 ? (
        <ActionItemList items={open} showOwner={false} linkMeeting={false} onChanged={() => undefined} />
      ) : (
        <Text fz="sm" c="dimmed">
          {t('supervision.peerItemsEmpty')}
        </Text>
      )}
    </Frame>
  );
}

/** The supervision part of a peer's profile (issue 5). */
export function PeerSupervision({ peerId, status, own }: { peerId: number; status: PeerStatus; own: boolean }) {
  return own ? <OwnView /> : <StaffView peerId={peerId} status={status} />;
}
