import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/useCall';
import { caseSeverities, type CasesDashboard as Board } from '../../contract';
import { useSession } from '../../stores/session';
import { formatDateTime } from '../../ui/format';
import { goToArea, openReviewQueue } from '../../navigation/places';
import { SeverityBadge } from '../../ui/badges';

function Figure({ label, value, note }: { label: string; value: number; note?: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text c="dimmed" fz="sm">
        {label}
      </Text>
      <Text fz={32} fw={700} lh={1.2}>
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

/**
 * The program's figures under Today: logs to review, cases not yet closed by severity, overdue
 * cases and follow-ups due. Today names each of them; these only count.
 */
export function CasesDashboard() {
  const { t, i18n } = useTranslation();
  const role = useSession((s) => s.status?.user?.role);
  const { data } = useCall('cases.dashboard', {});
  if (!data) return null;
  const board: Board = data;
  return (
    <Stack mb="xl">
      <Title order={2} size="h4">
        {t('caseDashboard.title')}
      </Title>
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
          <Text c="dimmed" fz="xs">
            {t('caseDashboard.openBySeverityNote')}
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
        <Figure label={t('caseDashboard.overdue')} value={board.overdueCases} note={board.unassignedCases > 0 ? `${t('caseDashboard.unassigned')}: ${board.unassignedCases}` : undefined} />
        <Figure label={t('caseDashboard.followUps')} value={board.referralFollowUpsDue} />
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
      </Group>
    </Stack>
  );
}
