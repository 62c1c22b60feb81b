import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/useCall';
import { useSession } from '../../stores/session';
import { formatDay } from '../../ui/format';
import { ActionItemList } from './ActionItemList';
import { openSupervisionTab } from '../../navigation/places';

/**
 * The signed-in person's own open action items from supervision, overdue
 * first and in red. A peer account sees theirs read-only (no tick box).
 */
export function MyActionItems({ title }: { title?: string }) {
  const { t } = useTranslation();
  const role = useSession((s) => s.status?.user?.role);
  const { data, reload } = useCall('actionItems.mine', {});
  if (!data) return null;
  const open = data.items.filter((i) => !i.done);
  const overdue = open.filter((i) => i.overdue).length;
  if (role === 'peer' && open.length === 0) return null;
  return (
    <Stack mb="xl" component="section" aria-label={title ?? t('supervision.myItems')}>
      <Group gap="sm">
        <Title order={2} size="h4">
          {title ?? t('supervision.myItems')}
        </Title>
        {overdue > 0 ? (
          <Badge color="red" variant="filled">
            {t('supervision.myItemsOverdue', { count: overdue })}
          </Badge>
        ) : null}
      </Group>
      {open.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('supervision.myItemsEmpty')}
        </Text>
      ) : (
        <ActionItemList items={open} showOwner={false} linkMeeting={role !== 'peer'} onChanged={() => void reload()} />
      )}
    </Stack>
  );
}

/** Who is overdue for supervision, on the dashboard: a count in red and the first few names. */
export function SupervisionDue() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { data } = useCall('supervision.cadence', {});
  if (!data || data.peers.length === 0) return null;
  const overdue = data.peers.filter((p) => p.state === 'overdue').sort((a, b) => (a.nextDueOn ?? '').localeCompare(b.nextDueOn ?? ''));
  const soon = data.peers.filter((p) => p.state === 'due').length;
  const noGroup = data.peers.filter((p) => p.state === 'no_group').length;
  const alert = overdue.length > 0;
  return (
    <Stack mb="xl" component="section" aria-label={t('supervision.dueBoard')}>
      <Title order={2} size="h4">
        {t('supervision.dueBoard')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" radius="md" bg={alert ? 'var(--mantine-color-red-0)' : undefined} style={alert ? { borderColor: 'var(--mantine-color-red-4)' } : undefined}>
          <Text fw={600} c={alert ? 'red.8' : 'teal.8'} fz="sm">
            {alert ? t('supervision.dueBoardOverdue', { count: overdue.length }) : t('supervision.dueBoardAllOk')}
          </Text>
          {overdue.length > 0 ? (
            <Stack gap={2} mt={6}>
              {overdue.slice(0, 5).map((p) => (
                <Text key={p.peerId} fz="sm">
                  {p.fullName} · {t('supervision.overdueSince', { date: formatDay(p.nextDueOn, lang) })}
                </Text>
              ))}
              {overdue.length > 5 ? (
                <Text fz="sm" c="dimmed">
                  {t('supervision.andMore', { count: overdue.length - 5 })}
                </Text>
              ) : null}
            </Stack>
          ) : null}
          {soon > 0 ? (
            <Text fz="xs" c="dimmed" mt={6}>
              {t('supervision.dueBoardSoon', { count: soon })}
            </Text>
          ) : null}
        </Paper>
        {noGroup > 0 ? (
          <Paper withBorder p="md" radius="md">
            <Text fz="sm" fw={600}>
              {t('supervision.dueBoardNoGroup', { count: noGroup })}
            </Text>
          </Paper>
        ) : null}
      </SimpleGrid>
      <Group>
        <Button variant="light" rightSection={<IconArrowRight size={16} />} onClick={() => openSupervisionTab('cadence')}>
          {t('supervision.openCadence')}
        </Button>
      </Group>
    </Stack>
  );
}
