import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/useCall';
import { caseSeverities, type CasesDashboard as Board } from '../../contract';
import { useSession } from '../../stores/session';
import { formatDateTime } from '../../ui/format';
import { goToArea, openCasePage, openReviewQueue } from '../../navigation/places';
import { SeverityBadge } from '../../ui/badges';

function Figure({ label, value, tone, note }: { label: string; value: number; tone?: 'alert'; note?: string }) {
  const alert = tone === 'alert' && value > 0;
  return (
    <Paper withBorder p="md" radius="md" bg={alert ? 'var(--mantine-color-red-0)' : undefined} style={alert ? { borderColor: 'var(--mantine-color-red-4)' } : undefined}>
      <Text c={alert ? 'red.8' : 'dimmed'} fz="sm" fw={alert ? 600 : undefined}>
        {label}
      </Text>
      <Text fz={32} fw={700} lh={1.2} c={alert ? 'red.8' : undefined}>
        {value}
      </Text>
      {note ? (
        <Text fz="xs" c="dimmed">
          {note}
        </Text>
      ) : null}
    </Paper>
  );
}

/** An age in the largest unit that still reads naturally: minutes, then hours, then days. */
function ageOf(minutes: number): { key: 'justNow' | 'minutes' | 'hours' | 'days'; count: number } {
  if (minutes < 1) return { key: 'justNow', count: 0 };
  if (minutes < 120) return { key: 'minutes', count: minutes };
  if (minutes < 48 * 60) return { key: 'hours', count: Math.floor(minutes / 60) };
  return { key: 'days', count: Math.floor(minutes / 1440) };
}

/** What needs attention in the peer program today: logs to review, open and overdue cases, follow-ups due. */
export function CasesDashboard() {
  const { t, i18n } = useTranslation();
  const role = useSession((s) => s.status?.user?.role);
  const { data } = useCall('cases.dashboard', {});
  if (!data) return null;
  const board: Board = data;
  const urgent = board.oldestUnreviewedUrgent;
  const waited = urgent ? ageOf(urgent.ageMinutes) : null;
  return (
    <Stack mb="xl">
      <Title order={2} size="h4">
        {t('caseDashboard.title')}
      </Title>
      {urgent ? (
        <Alert color="red" variant="filled" icon={<IconAlertTriangle size={20} />} role="alert">
          <Group justify="space-between" wrap="nowrap">
            <Text fz="sm" fw={600}>
              {t('caseDashboard.oldestUrgent', { id: urgent.id, code: urgent.helpSeekerCode, age: t(`caseDashboard.${waited!.key}`, { count: waited!.count }) })}
            </Text>
            <Button size="xs" color="white" variant="white" c="red.8" onClick={() => openCasePage(urgent.id)}>
              {t('caseDashboard.openCase', { id: urgent.id })}
            </Button>
          </Group>
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure
          label={t('caseDashboard.awaitingReview')}
          value={board.logsAwaitingReview}
          note={board.oldestAwaitingReviewSince ? t('caseDashboard.awaitingSince', { when: formatDateTime(board.oldestAwaitingReviewSince, i18n.language) }) : undefined}
        />
        <Paper withBorder p="md" radius="md">
          <Text c="dimmed" fz="sm">
            {t('caseDashboard.openBySeverity')}
          </Text>
          <Stack gap={4} mt={6}>
            {caseSeverities.map((severity) => (
              <Group key={severity} justify="space-between">
                <SeverityBadge severity={severity} />
                <Text fw={700}>{board.openBySeverity[severity]}</Text>
              </Group>
            ))}
          </Stack>
        </Paper>
        <Figure label={t('caseDashboard.overdue')} value={board.overdueCases} tone="alert" note={board.unassignedCases > 0 ? `${t('caseDashboard.unassigned')}: ${board.unassignedCases}` : undefined} />
        <Figure label={t('caseDashboard.followUps')} value={board.referralFollowUpsDue} tone="alert" />
      </SimpleGrid>
      <Group>
        {role === 'coordinator' ? (
          <Button variant="light" rightSection={<IconArrowRight size={16} />} onClick={openReviewQueue}>
            {t('caseDashboard.openQueue')}
          </Button>
        ) : null}
        <Button variant="light" rightSection={<IconArrowRight size={16} />} onClick={() => goToArea('cases')}>
          {t('caseDashboard.openCases')}
        </Button>
        {!urgent ? (
          <Anchor component="span" fz="sm" c="dimmed">
            {t('caseDashboard.noUrgent')}
          </Anchor>
        ) : null}
      </Group>
    </Stack>
  );
}
