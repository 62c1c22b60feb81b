import { caseSeverities, todayKinds, todayLinesPerKind, type CaseSeverity, type TodayGroup, type TodayItem, type TodayKind } from '../../../src/contract';

/** What the queries found of one kind: some of its lines (any order) and how many there are in all. */
export interface Found {
  kind: TodayKind;
  total: number;
  items: TodayItem[];
}

const severityRank = (s: CaseSeverity | null): number => (s === null ? caseSeverities.length : caseSeverities.indexOf(s));

/** Inside a kind: what has waited longest or falls due first comes first, then the record's id. */
function sortKey(item: TodayItem): [number, string, number] {
  switch (item.kind) {
    case 'urgentCase':
      return [0, item.since, item.caseId];
    case 'overdueCase':
      return [severityRank(item.severity), item.dueAt, item.caseId];
    case 'logAwaitingReview':
      return [severityRank(item.severity), item.submittedAt, item.logId];
    case 'referralFollowUp':
      return [0, item.followUpOn, item.referralId];
    case 'actionItem':
      return [0, item.dueOn, item.actionItemId];
    case 'refresherOverdue':
      return [0, item.dueOn, item.peerId];
    case 'supervisionOverdue':
      return [0, item.dueOn, item.peerId];
    case 'evaluationDue':
      // Never evaluated first, then the longest ago.
      return [0, item.lastEvaluatedOn ?? '', item.peerId];
    case 'who5FollowUp':
      return [0, item.dueOn, item.helpSeekerId];
    case 'returnedLog':
      return [0, item.returnedAt, item.logId];
    case 'backup':
      return [0, '', 0];
  }
}

function compare(a: TodayItem, b: TodayItem): number {
  const [ra, sa, ia] = sortKey(a);
  const [rb, sb, ib] = sortKey(b);
  return ra - rb || (sa < sb ? -1 : sa > sb ? 1 : 0) || ia - ib;
}

/**
 * The Today list: kinds in the order of `todayKinds` (an urgent case waiting, then overdue
 * cases, logs to review by severity then age, follow-ups, action items, peers behind on a
 * refresher or supervision, evaluations and WHO-5 follow-ups, returned logs, the backup), each
 * kind in its own order and cut to `perKind` lines with its total kept for "and 12 more".
 * Kinds with nothing in them are left out.
 */
export function arrangeToday(found: readonly Found[], perKind: Readonly<Record<TodayKind, number>> = todayLinesPerKind): TodayGroup[] {
  return [...found]
    .filter((group) => group.items.length > 0)
    .sort((a, b) => todayKinds.indexOf(a.kind) - todayKinds.indexOf(b.kind))
    .map((group) => ({
      kind: group.kind,
      total: Math.max(group.total, group.items.length),
      items: group.items.filter((item) => item.kind === group.kind).sort(compare).slice(0, perKind[group.kind]),
    }));
}
