import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CadenceState, MeetingStatus } from '../../contract';
import { formatDay } from '../../ui/format';

const whole = { minWidth: 'max-content' } as const;
const cadenceColor: Record<CadenceState, string> = { ok: 'teal', due: 'orange', overdue: 'red', no_group: 'gray' };

/** Where a peer stands with supervision: on track, due soon, overdue (filled red, so it stands out), or in no group. */
export function CadenceBadge({ state, nextDueOn }: { state: CadenceState; nextDueOn: string | null }) {
  const { t, i18n } = useTranslation();
  const badge = (
    <Badge color={cadenceColor[state]} variant={state === 'overdue' ? 'filled' : 'light'} style={whole}>
      {t(`supervision.state.${state}`)}
    </Badge>
  );
  if (!nextDueOn) return badge;
  const date = formatDay(nextDueOn, i18n.language);
  return <Tooltip label={state === 'overdue' ? t('supervision.overdueSince', { date }) : t('supervision.dueOn', { date })}>{badge}</Tooltip>;
}

const statusColor: Record<MeetingStatus, string> = { planned: 'blue', held: 'teal', cancelled: 'gray' };

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[status]} variant="light" style={whole}>
      {t(`supervision.statuses.${status}`)}
    </Badge>
  );
}
