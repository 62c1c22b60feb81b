import { Alert, Anchor, Box, Button, Group, Paper, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { IconChevronRight, IconCircleCheck } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/useCall';
import type { TodayGroup, TodayItem, TodayKind, TodayTone } from '../../contract';
import {
  goToArea,
  openCasePage,
  openEvaluationTab,
  openMeeting,
  openPeerProfile,
  openReviewQueue,
  openSessionLog,
  openSessionsTab,
  openSupervisionTab,
} from '../../navigation/places';
import { SeverityBadge } from '../../ui/badges';
import { formatDateTime, formatDay } from '../../ui/format';
import { LoadState } from '../../ui/LoadState';

const toneColor: Record<TodayTone, string> = { urgent: 'red', soon: 'orange', routine: 'blue' };

/** An age in the largest unit that still reads naturally: minutes, then hours, then days. */
export function ageText(t: TFunction<'translation', undefined>, since: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(since)) / 60_000));
  if (minutes < 1) return t('today.age.justNow');
  if (minutes < 120) return t('today.age.minutes', { count: minutes });
  if (minutes < 48 * 60) return t('today.age.hours', { count: Math.floor(minutes / 60) });
  return t('today.age.days', { count: Math.floor(minutes / 1440) });
}

/** What a line says: it names the record it opens. */
export function lineText(t: TFunction<'translation', undefined>, item: TodayItem, language: string): string {
  const day = (d: string | null) => formatDay(d, language);
  const at = (d: string | null) => formatDateTime(d, language);
  switch (item.kind) {
    case 'urgentCase':
      return t('today.urgentCase', { id: item.caseId, code: item.helpSeekerCode, age: ageText(t, item.since) });
    case 'overdueCase':
      return t('today.overdueCase', { id: item.caseId, code: item.helpSeekerCode, due: at(item.dueAt) });
    case 'logAwaitingReview':
      return item.helpSeekerCode
        ? t('today.logAwaitingReview', { peer: item.peerName, code: item.helpSeekerCode, when: at(item.submittedAt) })
        : t('today.logAwaitingReviewNoCode', { peer: item.peerName, when: at(item.submittedAt) });
    case 'referralFollowUp':
      return t('today.referralFollowUp', { code: item.helpSeekerCode, service: item.serviceName, caseId: item.caseId, date: day(item.followUpOn) });
    case 'actionItem':
      return t('today.actionItem', { text: item.text, date: day(item.dueOn) });
    case 'refresherOverdue': {
      const module = language.startsWith('id') || !item.moduleTitleEn ? item.moduleTitleId : item.moduleTitleEn;
      return t('today.refresherOverdue', { peer: item.peerName, module, date: day(item.dueOn) });
    }
    case 'supervisionOverdue':
      return t('today.supervisionOverdue', { peer: item.peerName, date: day(item.dueOn) });
    case 'evaluationDue':
      return item.lastEvaluatedOn
        ? t('today.evaluationDue', { peer: item.peerName, end: day(item.termEnd), last: day(item.lastEvaluatedOn) })
        : t('today.evaluationDueNever', { peer: item.peerName, end: day(item.termEnd) });
    case 'who5FollowUp':
      return t('today.who5FollowUp', { code: item.helpSeekerCode, date: day(item.dueOn) });
    case 'returnedLog':
      return t('today.returnedLog', { peer: item.peerName, date: day(item.heldOn), returned: at(item.returnedAt) });
    case 'backup':
      return item.lastBackupAt ? t('backups.reminderOld', { date: at(item.lastBackupAt), days: item.reminderDays }) : t('backups.reminderNone');
  }
}

/** Where a line goes: the record it names. */
export function openItem(item: TodayItem): void {
  switch (item.kind) {
    case 'urgentCase':
    case 'overdueCase':
    case 'referralFollowUp':
      return openCasePage(item.caseId);
    case 'logAwaitingReview':
    case 'returnedLog':
      return openSessionLog(item.logId);
    case 'actionItem':
      return openMeeting(item.meetingId);
    case 'refresherOverdue':
    case 'supervisionOverdue':
    case 'evaluationDue':
      return openPeerProfile(item.peerId);
    case 'who5FollowUp':
      return openEvaluationTab('outcomes');
    case 'backup':
      return goToArea('backups');
  }
}

/** Where "and 12 more" goes: the full list of that kind. */
function openAll(kind: TodayKind): void {
  switch (kind) {
    case 'urgentCase':
    case 'overdueCase':
    case 'referralFollowUp':
      return goToArea('cases');
    case 'logAwaitingReview':
      return openReviewQueue();
    case 'returnedLog':
      return openSessionsTab('all');
    case 'actionItem':
      return openSupervisionTab('actions');
    case 'refresherOverdue':
      return goToArea('peers');
    case 'supervisionOverdue':
      return openSupervisionTab('cadence');
    case 'evaluationDue':
      return openEvaluationTab('peers');
    case 'who5FollowUp':
      return openEvaluationTab('outcomes');
    case 'backup':
      return goToArea('backups');
  }
}

function keyOf(item: TodayItem): string {
  switch (item.kind) {
    case 'urgentCase':
    case 'overdueCase':
      return `${item.kind}-${item.caseId}`;
    case 'logAwaitingReview':
    case 'returnedLog':
      return `${item.kind}-${item.logId}`;
    case 'referralFollowUp':
      return `${item.kind}-${item.referralId}`;
    case 'actionItem':
      return `${item.kind}-${item.actionItemId}`;
    case 'refresherOverdue':
      return `${item.kind}-${item.peerId}-${item.moduleTitleId}`;
    case 'supervisionOverdue':
    case 'evaluationDue':
      return `${item.kind}-${item.peerId}`;
    case 'who5FollowUp':
      return `${item.kind}-${item.helpSeekerId}`;
    case 'backup':
      return item.kind;
  }
}

function severityOf(item: TodayItem) {
  if (item.kind === 'overdueCase') return item.severity;
  if (item.kind === 'logAwaitingReview') return item.severity;
  return null;
}

function Line({ item }: { item: TodayItem }) {
  const { t, i18n } = useTranslation();
  const color = toneColor[item.tone];
  const text = lineText(t, item, i18n.language);
  const severity = severityOf(item);
  const button = (
    <UnstyledButton
      onClick={() => openItem(item)}
      aria-label={text}
      w="100%"
      px="md"
      py={10}
      data-kind={item.kind}
      className="today-line"
      style={{
        display: 'block',
        borderLeft: `4px solid var(--mantine-color-${color}-${item.tone === 'routine' ? 4 : 6})`,
        background: item.tone === 'urgent' ? 'var(--mantine-color-red-0)' : undefined,
      }}
    >
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text fz="sm" fw={item.tone === 'urgent' ? 600 : 400} c={item.tone === 'urgent' ? 'red.9' : undefined}>
          {text}
        </Text>
        <Group gap={6} wrap="nowrap">
          {severity ? <SeverityBadge severity={severity} /> : null}
          <IconChevronRight size={16} color="var(--mantine-color-gray-6)" aria-hidden />
        </Group>
      </Group>
    </UnstyledButton>
  );
  return (
    <Box component="li" style={{ listStyle: 'none', borderTop: '1px solid var(--mantine-color-gray-2)' }}>
      {/* An urgent case waiting is announced the moment the dashboard opens. */}
      {item.kind === 'urgentCase' ? <div role="alert">{button}</div> : button}
    </Box>
  );
}

function KindLines({ group }: { group: TodayGroup }) {
  const { t } = useTranslation();
  const more = group.total - group.items.length;
  return (
    <>
      {group.items.map((item) => (
        <Line key={keyOf(item)} item={item} />
      ))}
      {more > 0 ? (
        <Box component="li" style={{ listStyle: 'none' }} px="md" pb={8} pl={20}>
          <Anchor component="button" type="button" fz="sm" onClick={() => openAll(group.kind)}>
            {t('today.more', { count: more })}
          </Anchor>
        </Box>
      ) : null}
    </>
  );
}

/**
 * Today (issue 14): the first thing on a staff member's dashboard. One list of what needs her,
 * most urgent first, each line naming the case, log, peer or meeting it opens in one click.
 */
export function TodayList() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useCall('today.list', {});
  const groups = data?.groups ?? [];
  return (
    <Stack mb="xl" component="section" aria-labelledby="today-title" gap="xs">
      <Title order={2} size="h3" id="today-title">
        {t('today.title')}
      </Title>
      <LoadState loading={loading && !data} error={error} retry={() => void reload()}>
        {groups.length === 0 ? (
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={20} />} title={t('today.empty')}>
            {t('today.emptyHint')}
          </Alert>
        ) : (
          <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
            <Box component="ul" m={0} p={0} aria-label={t('today.title')} style={{ marginTop: -1 }}>
              {groups.map((group) => (
                <KindLines key={group.kind} group={group} />
              ))}
            </Box>
          </Paper>
        )}
      </LoadState>
    </Stack>
  );
}

/**
 * On a peer's home: each log returned to him, as a banner with the coordinator's comment and a
 * button that opens the log to correct it.
 */
export function ReturnedLogBanners() {
  const { t, i18n } = useTranslation();
  const { data } = useCall('today.list', {});
  const returned = data?.groups.find((g) => g.kind === 'returnedLog');
  if (!returned) return null;
  const more = returned.total - returned.items.length;
  return (
    <Stack mb="lg" gap="sm">
      {returned.items.map((item) =>
        item.kind === 'returnedLog' ? (
          <Alert
            key={item.logId}
            color="orange"
            variant="light"
            role="status"
            title={t('today.peer.returnedTitle', { date: formatDay(item.heldOn, i18n.language) })}
          >
            <Stack gap="xs" align="flex-start">
              {item.comment ? (
                <Text fz="sm">
                  {item.byName ? `${t('today.peer.returnedBy', { name: item.byName })} ` : null}“{item.comment}”
                </Text>
              ) : null}
              <Button size="xs" color="orange" rightSection={<IconChevronRight size={14} />} onClick={() => openSessionLog(item.logId)}>
                {t('today.peer.correct')}
              </Button>
            </Stack>
          </Alert>
        ) : null,
      )}
      {more > 0 ? (
        <Group gap={6}>
          <ThemeIcon size="sm" variant="light" color="orange">
            <IconChevronRight size={12} />
          </ThemeIcon>
          <Text fz="sm">{t('today.peer.moreReturned', { count: more })}</Text>
        </Group>
      ) : null}
    </Stack>
  );
}
