import { Anchor, Text, Timeline } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../contract';
import { useSession } from '../../stores/session';
import { formatDay, formatTime } from '../../ui/format';
import { openMeeting } from '../../navigation/places';

type Discussed = CaseDetail['discussedInSupervision'][number];

/** When a meeting happened, as an instant comparable with timeline events; a meeting without a time sorts at the end of its day. */
function instantOf(meeting: Discussed): string {
  return new Date(`${meeting.heldOn}T${meeting.startTime ?? '23:59'}`).toISOString();
}

/**
 * The case's timeline events with the supervision meetings that discussed the
 * case slotted in by date (issue 5), so the timeline reads in order.
 */
export function withSupervision<E extends { at: string }>(events: readonly E[], meetings: readonly Discussed[]): Array<{ event: E } | { meeting: Discussed }> {
  // A meeting earlier on the day the case was opened still reads after the opening: the case is what it discussed.
  const opened = events[0]?.at ?? '';
  const merged: Array<{ at: string; entry: { event: E } | { meeting: Discussed } }> = [
    ...events.map((event) => ({ at: event.at, entry: { event } })),
    ...meetings.map((meeting) => {
      const at = instantOf(meeting);
      return { at: at < opened ? opened : at, entry: { meeting } };
    }),
  ];
  // A stable sort keeps the events' own order where instants tie.
  return merged.sort((a, b) => a.at.localeCompare(b.at)).map((m) => m.entry);
}

/**
 * "Discussed in supervision on …" on a case timeline. The coordinator may open
 * the meeting; a supervisor sees only meetings they lead, so gets no link here.
 */
export function DiscussedInSupervisionItem({ meeting }: { meeting: Discussed }) {
  const { t, i18n } = useTranslation();
  const canOpen = useSession((s) => s.status?.user?.role === 'coordinator');
  const date = formatDay(meeting.heldOn, i18n.language);
  return (
    <Timeline.Item
      bullet={<IconUsersGroup size={14} />}
      title={
        <Text fw={600} fz="sm">
          {t('supervision.discussedOn', { date })}
        </Text>
      }
    >
      <Text fz="sm">
        {t('supervision.discussedBy', { kind: t(`supervision.kindNames.${meeting.kind}`), name: meeting.supervisorName })}
        {meeting.startTime ? ` · ${t('supervision.at', { time: formatTime(meeting.startTime, i18n.language) })}` : ''}
      </Text>
      {canOpen ? (
        <Anchor component="button" type="button" fz="sm" onClick={() => openMeeting(meeting.meetingId)}>
          {t('supervision.viewMeeting')}
        </Anchor>
      ) : null}
    </Timeline.Item>
  );
}
