import type { Scope } from '../access/scope';
import type { Database } from '../db/database';
import type { SqlValue } from '../db/driver';
import type {
  CaseEvent,
  CaseEventKind,
  CaseOrigin,
  CaseOutcome,
  CaseSeverity,
  CaseSort,
  CaseStatus,
  Page,
  ReferralStatus,
} from '../../../src/contract';
import { Conditions, pageOf } from './paging';

export interface CaseRow {
  id: number;
  help_seeker_id: number;
  help_seeker_code: string;
  severity: CaseSeverity;
  status: CaseStatus;
  origin: CaseOrigin;
  assigned_user_id: number | null;
  assigned_name: string | null;
  opened_at: string;
  opened_by_user_id: number | null;
  due_at: string;
  closed_at: string | null;
  outcome: CaseOutcome | null;
  last_event_at: string;
  version: number;
  peer_names: string | null;
}

const caseColumns = `
  SELECT c.*, h.code AS help_seeker_code, u.full_name AS assigned_name,
    (SELECT group_concat(name, '|') FROM (
       SELECT DISTINCT p.full_name AS name FROM case_logs cl
       JOIN session_logs l ON l.id = cl.log_id JOIN peers p ON p.id = l.peer_id
       WHERE cl.case_id = c.id ORDER BY p.full_name)) AS peer_names`;
const caseTables = `
  FROM cases c
  JOIN help_seekers h ON h.id = c.help_seeker_id
  LEFT JOIN users u ON u.id = c.assigned_user_id`;
const selectCase = `${caseColumns} ${caseTables}`;

/** One case, when the scope lets the caller see it. */
export function findCase(db: Database, scope: Scope<'cases'>, id: number): Promise<CaseRow | undefined> {
  return db.get<CaseRow>(`${selectCase} WHERE ${scope.where} AND c.id = ?`, [...scope.params, id]);
}

export interface CaseFilter {
  open?: boolean;
  helpSeekerId?: number;
  /** A help-seeker code's beginning. */
  text?: string | undefined;
}

function caseWhere(scope: Scope<'cases'>, filter: CaseFilter): { where: string; params: SqlValue[] } {
  const where = new Conditions(scope).equals('c.help_seeker_id', filter.helpSeekerId).codeBeginsWith(filter.text);
  if (filter.open) where.add("c.status != 'closed'");
  return { where: where.sql, params: where.params };
}

/**
 * Open cases before closed ones, then the most severe, then the soonest due: written exactly as
 * the index of migration 6 (cases_by_priority), so a page is read off it.
 */
const casePriority = `CASE c.status WHEN 'closed' THEN 1 ELSE 0 END, CASE c.severity WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 ELSE 2 END, c.due_at, c.id`;
const caseOrders: { [S in CaseSort]: string } = {
  priority: casePriority,
  openedAt: 'c.opened_at DESC, c.id DESC',
};

/** Every case of the filter, for the figures that need them all (open cases only: a bounded set). */
export function listCases(db: Database, scope: Scope<'cases'>, filter: CaseFilter & { open: true }): Promise<CaseRow[]> {
  const { where, params } = caseWhere(scope, filter);
  return db.all<CaseRow>(`${selectCase} WHERE ${where} ORDER BY ${casePriority}`, params);
}

/** One page of the cases the scope lets the caller see, with how many match in all. */
export function pageCases(db: Database, scope: Scope<'cases'>, filter: CaseFilter, sort: CaseSort, page: Page): Promise<{ rows: CaseRow[]; total: number }> {
  const { where, params } = caseWhere(scope, filter);
  return pageOf<CaseRow>(db, { select: caseColumns, from: `${caseTables} WHERE ${where}`, params, orderBy: caseOrders[sort] }, page);
}

export interface NewCase {
  helpSeekerId: number;
  severity: CaseSeverity;
  origin: CaseOrigin;
  assignedUserId: number | null;
  openedByUserId: number;
  openedAt: string;
  dueAt: string;
}

export async function insertCase(db: Database, c: NewCase): Promise<number> {
  const result = await db.run(
    `INSERT INTO cases (help_seeker_id, severity, status, origin, assigned_user_id, opened_at, opened_by_user_id, due_at, last_event_at)
     VALUES (?, ?, 'open', ?, ?, ?, ?, ?, ?)`,
    [c.helpSeekerId, c.severity, c.origin, c.assignedUserId, c.openedAt, c.openedByUserId, c.dueAt, c.openedAt],
  );
  return result.lastInsertRowid;
}

/**
 * Changes a case's current state (status, assignee, severity and due time,
 * outcome) when it is still at `expectedVersion`; the change itself is
 * recorded by the caller as a timeline event. Column names come from this
 * file's callers, never from input.
 */
export async function updateCase(
  db: Database,
  id: number,
  expectedVersion: number | null,
  columns: Partial<Record<'status' | 'assigned_user_id' | 'severity' | 'due_at' | 'closed_at' | 'outcome', string | number | null>>,
  now: string,
): Promise<boolean> {
  const names = Object.keys(columns) as Array<keyof typeof columns>;
  const sets = names.map((name) => `${name} = ?`).join(', ');
  const versionCheck = expectedVersion === null ? '' : 'AND version = ?';
  const result = await db.run(
    `UPDATE cases SET ${sets}${names.length ? ', ' : ''}version = version + 1, last_event_at = ? WHERE id = ? ${versionCheck}`,
    [...names.map((name) => columns[name] ?? null), now, id, ...(expectedVersion === null ? [] : [expectedVersion])],
  );
  return result.changes === 1;
}

/**
 * Moves the case's last-activity time on (a note, a referral) without changing
 * its state, so the version stays: a note does not make someone else's status
 * change stale. A closed case's row stays as it was closed.
 */
export async function touchCase(db: Database, id: number, now: string): Promise<void> {
  await db.run("UPDATE cases SET last_event_at = ? WHERE id = ? AND status != 'closed'", [now, id]);
}

export interface NewCaseEvent {
  caseId: number;
  kind: CaseEventKind;
  at: string;
  authorUserId: number | null;
  body?: string;
  fromStatus?: CaseStatus | null;
  toStatus?: CaseStatus | null;
  outcome?: CaseOutcome | null;
  assignedUserId?: number | null;
  severity?: CaseSeverity | null;
  logId?: number | null;
  referralId?: number | null;
  referralStatus?: ReferralStatus | null;
}

export async function insertEvent(db: Database, e: NewCaseEvent): Promise<number> {
  const result = await db.run(
    `INSERT INTO case_events (case_id, kind, at, author_user_id, body, from_status, to_status, outcome, assigned_user_id, severity,
       log_id, referral_id, referral_status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      e.caseId,
      e.kind,
      e.at,
      e.authorUserId,
      e.body ?? '',
      e.fromStatus ?? null,
      e.toStatus ?? null,
      e.outcome ?? null,
      e.assignedUserId ?? null,
      e.severity ?? null,
      e.logId ?? null,
      e.referralId ?? null,
      e.referralStatus ?? null,
    ],
  );
  return result.lastInsertRowid;
}

/** A case's timeline, oldest first; a linked log's day only when `logs` lets the caller read that log. */
export async function listEvents(db: Database, logs: Scope<'sessionLogs'>, caseId: number): Promise<CaseEvent[]> {
  const rows = await db.all<{
    id: number;
    kind: CaseEventKind;
    at: string;
    author_name: string | null;
    body: string;
    from_status: CaseStatus | null;
    to_status: CaseStatus | null;
    outcome: CaseOutcome | null;
    assigned_name: string | null;
    severity: CaseSeverity | null;
    log_id: number | null;
    log_visible: number | null;
    log_held_on: string | null;
    referral_id: number | null;
    referral_status: string | null;
  }>(
    `SELECT e.*, a.full_name AS author_name, s.full_name AS assigned_name, l.id IS NOT NULL AS log_visible, l.held_on AS log_held_on
     FROM case_events e
     LEFT JOIN users a ON a.id = e.author_user_id LEFT JOIN users s ON s.id = e.assigned_user_id
     LEFT JOIN session_logs l ON l.id = e.log_id AND ${logs.where}
     WHERE e.case_id = ? ORDER BY e.id`,
    [...logs.params, caseId],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    at: r.at,
    authorName: r.author_name,
    body: r.body,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    outcome: r.outcome,
    assignedToName: r.assigned_name,
    severity: r.severity,
    logId: r.log_id,
    logHeldOn: r.log_held_on,
    logVisible: r.log_visible === 1,
    referralId: r.referral_id,
    referralStatus: r.referral_status,
  }));
}

export async function linkLog(db: Database, caseId: number, logId: number, now: string): Promise<void> {
  await db.run('INSERT INTO case_logs (case_id, log_id, linked_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [caseId, logId, now]);
}

export async function logIdsOfCase(db: Database, caseId: number): Promise<number[]> {
  const rows = await db.all<{ log_id: number }>('SELECT log_id FROM case_logs WHERE case_id = ? ORDER BY log_id', [caseId]);
  return rows.map((r) => r.log_id);
}

/** The cases a log is on, of those the scope lets the caller see. */
export function casesOfLog(
  db: Database,
  scope: Scope<'cases'>,
  logId: number,
): Promise<Array<{ id: number; severity: CaseSeverity; status: CaseStatus; assigned_user_id: number | null }>> {
  return db.all(
    `SELECT c.id, c.severity, c.status, c.assigned_user_id FROM case_logs cl JOIN cases c ON c.id = cl.case_id
     WHERE cl.log_id = ? AND ${scope.where} ORDER BY c.id`,
    [logId, ...scope.params],
  );
}

/** The cases each of several logs is on, of those the scope lets the caller see, in one query. */
export async function casesOfLogs(
  db: Database,
  scope: Scope<'cases'>,
  logIds: readonly number[],
): Promise<Map<number, Array<{ id: number; severity: CaseSeverity; status: CaseStatus; assigned_user_id: number | null }>>> {
  const grouped = new Map<number, Array<{ id: number; severity: CaseSeverity; status: CaseStatus; assigned_user_id: number | null }>>(logIds.map((id) => [id, []]));
  if (logIds.length === 0) return grouped;
  const rows = await db.all<{ log_id: number; id: number; severity: CaseSeverity; status: CaseStatus; assigned_user_id: number | null }>(
    `SELECT cl.log_id, c.id, c.severity, c.status, c.assigned_user_id FROM case_logs cl JOIN cases c ON c.id = cl.case_id
     WHERE cl.log_id IN (${logIds.map(() => '?').join(', ')}) AND ${scope.where} ORDER BY c.id`,
    [...logIds, ...scope.params],
  );
  for (const { log_id, ...row } of rows) grouped.get(log_id)?.push(row);
  return grouped;
}

/** The help-seeker's case that is not closed yet, if any (the newest one). */
export function openCaseOfHelpSeeker(db: Database, helpSeekerId: number): Promise<CaseRow | undefined> {
  return db.get<CaseRow>(`${selectCase} WHERE c.help_seeker_id = ? AND c.status != 'closed' ORDER BY c.id DESC LIMIT 1`, [helpSeekerId]);
}

export interface AssigneeRow {
  id: number;
  full_name: string;
  role: 'coordinator' | 'supervisor';
}

/** Active staff accounts, supervisors first. */
export function listAssignees(db: Database): Promise<AssigneeRow[]> {
  return db.all<AssigneeRow>(
    `SELECT id, full_name, role FROM users WHERE role IN ('coordinator','supervisor') AND status = 'active'
     ORDER BY CASE role WHEN 'supervisor' THEN 0 ELSE 1 END, full_name COLLATE NOCASE`,
  );
}
