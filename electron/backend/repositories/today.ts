import type { Scope } from '../access/scope';
import type { Database } from '../db/database';
import type { SqlValue } from '../db/driver';
import { riskItems, severityOf, type CaseSeverity, type ConcernLevel } from '../../../src/contract';
import { pageOf } from './paging';
import { refresherDueSql } from './peers';

/**
 * The queries of the Today list (issue 14). Each reads at most `limit` rows of one kind, off an
 * indexed filter (a status, an owner, a due day), and counts the rest only when there is more:
 * ten years of records never come into memory for a home screen.
 */

type Limited<T> = Promise<{ rows: T[]; total: number }>;
const first = (limit: number) => ({ limit, offset: 0 });

/** Only the supervisor's own cases, when `assignedTo` is set: what needs *her*, inside what she may see. */
function caseConditions(scope: Scope<'cases'>, assignedTo: number | null): { where: string; params: SqlValue[] } {
  return assignedTo === null
    ? { where: scope.where, params: [...scope.params] }
    : { where: `${scope.where} AND c.assigned_user_id = ?`, params: [...scope.params, assignedTo] };
}

export interface CaseLine {
  id: number;
  help_seeker_code: string;
  severity: CaseSeverity;
  opened_at: string;
  due_at: string;
}

/** Urgent cases still open (nobody has taken them into review), the longest waiting first. */
export function urgentCasesWaiting(db: Database, scope: Scope<'cases'>, assignedTo: number | null, limit: number): Limited<CaseLine> {
  const { where, params } = caseConditions(scope, assignedTo);
  return pageOf<CaseLine>(
    db,
    {
      select: 'SELECT c.id, h.code AS help_seeker_code, c.severity, c.opened_at, c.due_at',
      from: `FROM cases c JOIN help_seekers h ON h.id = c.help_seeker_id WHERE c.status = 'open' AND c.severity = 'urgent' AND ${where}`,
      params,
      orderBy: 'c.opened_at, c.id',
    },
    first(limit),
  );
}

/** Cases past their decision time, most severe then longest overdue first; the urgent ones still waiting are urgentCasesWaiting's. */
export function overdueCases(db: Database, scope: Scope<'cases'>, assignedTo: number | null, now: string, limit: number): Limited<CaseLine> {
  const { where, params } = caseConditions(scope, assignedTo);
  return pageOf<CaseLine>(
    db,
    {
      select: 'SELECT c.id, h.code AS help_seeker_code, c.severity, c.opened_at, c.due_at',
      from: `FROM cases c JOIN help_seekers h ON h.id = c.help_seeker_id
        WHERE c.status IN ('open', 'in_review') AND c.due_at < ? AND NOT (c.status = 'open' AND c.severity = 'urgent') AND ${where}`,
      params: [now, ...params],
      orderBy: "CASE c.severity WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 ELSE 2 END, c.due_at, c.id",
    },
    first(limit),
  );
}

export interface LogLine {
  id: number;
  peer_name: string;
  help_seeker_code: string | null;
  submitted_at: string;
  concern: ConcernLevel | null;
  risks: string | null;
  severity: CaseSeverity | null;
}

const itemsOf = (severity: CaseSeverity) => riskItems.filter((item) => severityOf([item], 'low') === severity).map((item) => `'${item}'`).join(', ');

/**
 * The risk screen's severity in SQL, as severityOf (src/contract/areas/sessionLogs.ts) has it, so the
 * queue is cut after ordering by it: 0 urgent, 1 high, 2 routine, 3 nothing ticked.
 */
const severityRankSql = `CASE
    WHEN EXISTS (SELECT 1 FROM session_log_risks r WHERE r.log_id = l.id AND r.item IN (${itemsOf('urgent')})) THEN 0
    WHEN EXISTS (SELECT 1 FROM session_log_risks r WHERE r.log_id = l.id AND r.item IN (${itemsOf('high')})) THEN 1
    WHEN EXISTS (SELECT 1 FROM session_log_risks r WHERE r.log_id = l.id) THEN CASE WHEN l.concern = 'high' THEN 1 ELSE 2 END
    ELSE 3 END`;

/** Submitted logs waiting for review, the most severe first, then the longest waiting. */
export async function logsAwaitingReview(db: Database, scope: Scope<'sessionLogs'>, limit: number): Limited<LogLine> {
  const page = await pageOf<Omit<LogLine, 'severity'>>(
    db,
    {
      select: `SELECT l.id, p.full_name AS peer_name, h.code AS help_seeker_code, l.submitted_at, l.concern,
        (SELECT group_concat(item) FROM session_log_risks r WHERE r.log_id = l.id) AS risks`,
      from: `FROM session_logs l JOIN peers p ON p.id = l.peer_id LEFT JOIN help_seekers h ON h.id = l.help_seeker_id
        WHERE l.status = 'submitted' AND ${scope.where}`,
      params: [...scope.params],
      orderBy: `${severityRankSql}, l.submitted_at, l.id`,
      countFrom: `FROM session_logs l WHERE l.status = 'submitted' AND ${scope.where}`,
    },
    first(limit),
  );
  return {
    total: page.total,
    rows: page.rows.map((row) => ({
      ...row,
      severity: severityOf(
        riskItems.filter((item) => (row.risks ?? '').split(',').includes(item)),
        row.concern,
      ),
    })),
  };
}

export interface FollowUpLine {
  id: number;
  case_id: number;
  help_seeker_code: string;
  service_name: string;
  follow_up_on: string;
}

/** Referrals still pending or accepted whose follow-up day is `day` or earlier, the earliest first. */
export function referralFollowUpsDue(db: Database, scope: Scope<'cases'>, assignedTo: number | null, day: string, limit: number): Limited<FollowUpLine> {
  const { where, params } = caseConditions(scope, assignedTo);
  return pageOf<FollowUpLine>(
    db,
    {
      select: 'SELECT r.id, r.case_id, h.code AS help_seeker_code, s.name AS service_name, r.follow_up_on',
      from: `FROM referrals r JOIN cases c ON c.id = r.case_id JOIN help_seekers h ON h.id = c.help_seeker_id
        JOIN referral_services s ON s.id = r.service_id
        WHERE r.status IN ('pending', 'accepted') AND r.follow_up_on IS NOT NULL AND r.follow_up_on <= ? AND ${where}`,
      params: [day, ...params],
      orderBy: 'r.follow_up_on, r.id',
    },
    first(limit),
  );
}

export interface ActionItemLine {
  id: number;
  meeting_id: number;
  text: string;
  due_on: string;
}

/** One owner's open action items (meetings not cancelled) due by `by`, the earliest first. */
export function actionItemsDue(db: Database, owner: { userId: number } | { peerId: number }, by: string, limit: number): Limited<ActionItemLine> {
  const [column, value] = 'userId' in owner ? ['ai.owner_user_id', owner.userId] : ['ai.owner_peer_id', owner.peerId];
  return pageOf<ActionItemLine>(
    db,
    {
      select: 'SELECT ai.id, ai.meeting_id, ai.text, ai.due_on',
      from: `FROM action_items ai JOIN supervision_meetings sm ON sm.id = ai.meeting_id
        WHERE ${column} = ? AND ai.done_at IS NULL AND ai.due_on <= ? AND sm.status != 'cancelled'`,
      params: [value, by],
      orderBy: 'ai.due_on, ai.id',
    },
    first(limit),
  );
}

export interface RefresherLine {
  peer_id: number;
  peer_name: string;
  module_id: number;
  title_id: string;
  title_en: string;
  due_on: string;
}

/**
 * Active peers (of `peers`, alias `p`) past the refresher of a required module still in use: one
 * line per peer and module, the longest overdue first. Reads the active peers' training records only.
 */
export function refreshersOverdue(db: Database, peers: Scope<'peers'>, day: string, limit: number): Limited<RefresherLine> {
  const due = `SELECT r.peer_id, p.full_name AS peer_name, m.id AS module_id, m.title_id, m.title_en,
      ${refresherDueSql('max(r.attended_on)', 'm.refresher_months')} AS due_on
    FROM peers p JOIN training_records r ON r.peer_id = p.id JOIN training_modules m ON m.id = r.module_id
    WHERE p.status = 'active' AND ${peers.where} AND r.completed = 1 AND m.required = 1 AND m.retired_at IS NULL AND m.refresher_months > 0
    GROUP BY r.peer_id, m.id`;
  return pageOf<RefresherLine>(
    db,
    { select: 'SELECT *', from: `FROM (${due}) WHERE due_on < ?`, params: [...peers.params, day], orderBy: 'due_on, peer_id, module_id' },
    first(limit),
  );
}

export interface EvaluationLine {
  peer_id: number;
  peer_name: string;
  last_on: string | null;
}

/** Active peers (of `peers`, alias `p`) with no evaluation between two days, never evaluated first, then the longest ago. */
export function peersNotEvaluated(db: Database, peers: Scope<'peers'>, from: string, to: string, limit: number): Limited<EvaluationLine> {
  return pageOf<EvaluationLine>(
    db,
    {
      select: 'SELECT p.id AS peer_id, p.full_name AS peer_name, (SELECT max(e.evaluated_on) FROM peer_evaluations e WHERE e.peer_id = p.id) AS last_on',
      from: `FROM peers p WHERE p.status = 'active' AND ${peers.where}
        AND NOT EXISTS (SELECT 1 FROM peer_evaluations e WHERE e.peer_id = p.id AND e.evaluated_on BETWEEN ? AND ?)`,
      params: [...peers.params, from, to],
      orderBy: 'last_on IS NOT NULL, last_on, p.full_name COLLATE NOCASE, p.id',
    },
    first(limit),
  );
}

export interface OutcomeLine {
  help_seeker_id: number;
  help_seeker_code: string;
  measured_on: string;
}

/**
 * Help-seekers (of `outcomes`, alias `m`) whose first-contact measurement of `instrument` was
 * between two days, with no follow-up since; the oldest first contact first.
 */
export function followUpsNotMeasured(db: Database, outcomes: Scope<'outcomes'>, instrument: string, from: string, to: string, limit: number): Limited<OutcomeLine> {
  return pageOf<OutcomeLine>(
    db,
    {
      select: 'SELECT m.help_seeker_id, h.code AS help_seeker_code, m.measured_on',
      from: `FROM outcome_measures m JOIN help_seekers h ON h.id = m.help_seeker_id
        WHERE m.instrument = ? AND m.occasion = 'first_contact' AND m.measured_on BETWEEN ? AND ? AND ${outcomes.where}
        AND NOT EXISTS (SELECT 1 FROM outcome_measures f WHERE f.help_seeker_id = m.help_seeker_id AND f.instrument = m.instrument AND f.occasion = 'follow_up')`,
      params: [instrument, from, to, ...outcomes.params],
      orderBy: 'm.measured_on, m.help_seeker_id',
    },
    first(limit),
  );
}

export interface ReturnedLine {
  id: number;
  peer_name: string;
  held_on: string | null;
  returned_at: string;
  comment: string;
  by_name: string | null;
}

/** Logs returned to their peer and not yet sent again, with the latest return's comment; the longest waiting first. */
export function returnedLogs(db: Database, scope: Scope<'sessionLogs'>, limit: number): Limited<ReturnedLine> {
  return pageOf<ReturnedLine>(
    db,
    {
      select: 'SELECT l.id, p.full_name AS peer_name, l.held_on, rv.at AS returned_at, rv.comment, u.full_name AS by_name',
      from: `FROM session_logs l JOIN peers p ON p.id = l.peer_id
        JOIN session_log_reviews rv ON rv.id = (SELECT max(x.id) FROM session_log_reviews x WHERE x.log_id = l.id AND x.decision = 'returned')
        LEFT JOIN users u ON u.id = rv.by_user_id
        WHERE l.status = 'returned' AND ${scope.where}`,
      params: [...scope.params],
      orderBy: 'rv.at, l.id',
      countFrom: `FROM session_logs l WHERE l.status = 'returned' AND ${scope.where}`,
    },
    first(limit),
  );
}
