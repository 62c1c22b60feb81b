import type { Scope } from '../access/scope';
import type { Database } from '../db/database';
import {
  severityRiskItems,
  type ConcernLevel,
  type Page,
  type RiskItem,
  type SessionLogAddendum,
  type SessionLogReview,
  type SessionLogSort,
  type SessionLogStatus,
  type SessionMode,
  type SessionTopic,
  type SortDirection,
} from '../../../src/contract';
import { Conditions, likeText, pageOf, sqlDirection } from './paging';

export interface SessionLogRow {
  id: number;
  peer_id: number;
  peer_name: string;
  help_seeker_id: number | null;
  help_seeker_code: string | null;
  held_on: string | null;
  start_time: string | null;
  duration_minutes: number | null;
  mode: SessionMode | null;
  group_size: number | null;
  summary: string;
  actions: string;
  follow_up_on: string | null;
  no_risks: number;
  concern: ConcernLevel | null;
  status: SessionLogStatus;
  entered_by_user_id: number;
  entered_by_name: string | null;
  entered_by_role: string | null;
  first_submitted_at: string | null;
  submitted_at: string | null;
  approved_at: string | null;
  approved_by_name: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  topics: string | null;
  risks: string | null;
}

const logColumns = `
  SELECT l.*, p.full_name AS peer_name, h.code AS help_seeker_code,
    eu.full_name AS entered_by_name, eu.role AS entered_by_role, au.full_name AS approved_by_name,
    (SELECT group_concat(topic) FROM session_log_topics t WHERE t.log_id = l.id) AS topics,
    (SELECT group_concat(item) FROM session_log_risks r WHERE r.log_id = l.id) AS risks`;
// CROSS JOIN keeps the logs the outer loop, so a page is read off the logs' ORDER BY index: with
// the planner's statistics it would otherwise start from the peers and sort every log (110 ms a page).
const logTables = `
  FROM session_logs l
  CROSS JOIN peers p ON p.id = l.peer_id
  LEFT JOIN help_seekers h ON h.id = l.help_seeker_id
  LEFT JOIN users eu ON eu.id = l.entered_by_user_id
  LEFT JOIN users au ON au.id = l.approved_by_user_id`;
const selectLog = `${logColumns} ${logTables}`;

/** Splits a group_concat back into a list in the contract's order. */
export function listOf<T extends string>(joined: string | null, order: readonly T[]): T[] {
  const present = new Set((joined ?? '').split(',').filter(Boolean));
  return order.filter((value) => present.has(value));
}

/** One log, when the scope lets the caller see it. */
export function findLog(db: Database, scope: Scope<'sessionLogs'>, id: number): Promise<SessionLogRow | undefined> {
  return db.get<SessionLogRow>(`${selectLog} WHERE ${scope.where} AND l.id = ?`, [...scope.params, id]);
}

export interface LogFilter {
  peerId?: number | undefined;
  status?: SessionLogStatus | undefined;
  helpSeekerId?: number | undefined;
  /** The logs linked to this case. */
  caseId?: number | undefined;
  /** A help-seeker code's beginning or part of a peer's name. */
  text?: string | undefined;
}

export type LogOrder = { by: SessionLogSort; direction: SortDirection } | 'review-queue';

const quoted = (items: readonly string[]) => items.map((item) => `'${item}'`).join(', ');
const ticked = (items?: readonly string[]) =>
  `EXISTS (SELECT 1 FROM session_log_risks r WHERE r.log_id = l.id${items ? ` AND r.item IN (${quoted(items)})` : ''})`;

/**
 * `severityOf` in SQL, as a rank: 0 urgent, 1 high, 2 routine, 3 nothing ticked. The review queue
 * sorts by it; it reads only the submitted logs (the status index), a few risk rows each.
 */
export const severityRank = `CASE
    WHEN ${ticked(severityRiskItems.urgent)} THEN 0
    WHEN ${ticked(severityRiskItems.high)} OR (l.concern = 'high' AND ${ticked()}) THEN 1
    WHEN ${ticked()} THEN 2
    ELSE 3 END`;

/**
 * The ORDER BY of each sort, written exactly as the indexes of migration 6 are, so SQLite reads
 * a page off the index instead of sorting every log; undated drafts count as the newest.
 */
function logOrder(order: LogOrder): string {
  // The queue is the submitted logs only, read off the status index and sorted: never the whole table.
  if (order === 'review-queue') return `${severityRank}, l.submitted_at ASC, l.id ASC`;
  const d = sqlDirection(order.direction);
  return order.by === 'submittedAt'
    ? `coalesce(l.submitted_at, '') ${d}, l.id ${d}`
    : `coalesce(l.held_on, '9999') ${d}, l.start_time ${d}, l.id ${d}`;
}

/** One page of logs the scope lets the caller see, with how many match in all. */
export function pageLogs(db: Database, scope: Scope<'sessionLogs'>, filter: LogFilter, order: LogOrder, page: Page): Promise<{ rows: SessionLogRow[]; total: number }> {
  const where = new Conditions(scope).equals('l.peer_id', filter.peerId).equals('l.status', filter.status).equals('l.help_seeker_id', filter.helpSeekerId);
  if (filter.caseId !== undefined) where.add('l.id IN (SELECT log_id FROM case_logs WHERE case_id = ?)', filter.caseId);
  if (filter.text) {
    // As id lists, so SQLite reads only those help-seekers' and peers' logs off their indexes instead of joining all of them.
    where.add(
      "(l.help_seeker_id IN (SELECT id FROM help_seekers WHERE code LIKE ? ESCAPE '\\') OR l.peer_id IN (SELECT id FROM peers WHERE full_name LIKE ? ESCAPE '\\'))",
      likeText(filter.text.toUpperCase(), 'start'),
      likeText(filter.text, 'anywhere'),
    );
  }
  const conditions = where.sql;
  return pageOf<SessionLogRow>(
    db,
    {
      select: logColumns,
      from: `${logTables} WHERE ${conditions}`,
      params: where.params,
      orderBy: logOrder(order),
      // Every log has its peer (a foreign key) and the other joins are outer: they change no count.
      countFrom: `FROM session_logs l WHERE ${conditions}`,
    },
    page,
  );
}

export interface LogFields {
  peerId: number;
  helpSeekerId: number | null;
  heldOn: string | null;
  startTime: string | null;
  durationMinutes: number | null;
  mode: SessionMode | null;
  groupSize: number | null;
  topics: readonly SessionTopic[];
  summary: string;
  actions: string;
  followUpOn: string | null;
  risks: readonly RiskItem[];
  noRisks: boolean;
  concern: ConcernLevel | null;
}

function columnValues(fields: LogFields) {
  return [
    fields.peerId,
    fields.helpSeekerId,
    fields.heldOn,
    fields.startTime,
    fields.durationMinutes,
    fields.mode,
    fields.groupSize,
    fields.summary,
    fields.actions,
    fields.followUpOn,
    fields.noRisks ? 1 : 0,
    fields.concern,
  ];
}

async function setLists(db: Database, logId: number, fields: LogFields): Promise<void> {
  await db.run('DELETE FROM session_log_topics WHERE log_id = ?', [logId]);
  await db.run('DELETE FROM session_log_risks WHERE log_id = ?', [logId]);
  for (const topic of new Set(fields.topics)) await db.run('INSERT INTO session_log_topics (log_id, topic) VALUES (?, ?)', [logId, topic]);
  for (const item of new Set(fields.risks)) await db.run('INSERT INTO session_log_risks (log_id, item) VALUES (?, ?)', [logId, item]);
}

export async function insertLog(db: Database, fields: LogFields, enteredByUserId: number, now: string): Promise<number> {
  const result = await db.run(
    `INSERT INTO session_logs (peer_id, help_seeker_id, held_on, start_time, duration_minutes, mode, group_size, summary, actions,
       follow_up_on, no_risks, concern, status, entered_by_user_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?)`,
    [...columnValues(fields), enteredByUserId, now, now],
  );
  await setLists(db, result.lastInsertRowid, fields);
  return result.lastInsertRowid;
}

/**
 * Writes the form's fields when the log is still at `expectedVersion`; false for a stale edit. A
 * draft or returned log changes; a submitted one only as `correction` (a paper log its coordinator
 * corrects before the review, services/sessionLogs), and it stays submitted.
 */
export async function updateLogFields(
  db: Database,
  id: number,
  expectedVersion: number,
  fields: LogFields,
  now: string,
  correction = false,
): Promise<boolean> {
  const result = await db.run(
    `UPDATE session_logs SET peer_id = ?, help_seeker_id = ?, held_on = ?, start_time = ?, duration_minutes = ?, mode = ?,
       group_size = ?, summary = ?, actions = ?, follow_up_on = ?, no_risks = ?, concern = ?,
       version = version + 1, updated_at = ?
     WHERE id = ? AND version = ? AND status IN (${correction ? "'submitted'" : "'draft','returned'"})`,
    [...columnValues(fields), now, id, expectedVersion],
  );
  if (result.changes !== 1) return false;
  await setLists(db, id, fields);
  return true;
}

/** Moves a log to submitted (from draft or returned); the caller has checked its version. */
export async function markSubmitted(db: Database, id: number, now: string): Promise<void> {
  await db.run(
    `UPDATE session_logs SET status = 'submitted', submitted_at = ?, first_submitted_at = coalesce(first_submitted_at, ?),
       version = version + 1, updated_at = ?
     WHERE id = ? AND status IN ('draft','returned')`,
    [now, now, now, id],
  );
}

/** A review decision: the log moves on (when still at `expectedVersion`) and the decision is kept. */
export async function recordReview(
  db: Database,
  id: number,
  expectedVersion: number,
  decision: 'returned' | 'approved' | 'escalated',
  comment: string,
  byUserId: number,
  now: string,
): Promise<boolean> {
  const result =
    decision === 'returned'
      ? await db.run(
          `UPDATE session_logs SET status = 'returned', version = version + 1, updated_at = ?
           WHERE id = ? AND version = ? AND status = 'submitted'`,
          [now, id, expectedVersion],
        )
      : await db.run(
          `UPDATE session_logs SET status = 'approved', approved_at = ?, approved_by_user_id = ?, version = version + 1, updated_at = ?
           WHERE id = ? AND version = ? AND status = 'submitted'`,
          [now, byUserId, now, id, expectedVersion],
        );
  if (result.changes !== 1) return false;
  await db.run('INSERT INTO session_log_reviews (log_id, decision, comment, at, by_user_id) VALUES (?, ?, ?, ?, ?)', [
    id,
    decision,
    comment,
    now,
    byUserId,
  ]);
  return true;
}

/** Per peer: whether they have an active peer account and are active themselves, the two things a returned log needs. */
export async function whoCanCorrect(db: Database, peerIds: readonly number[]): Promise<Map<number, { hasAccount: boolean; active: boolean }>> {
  const ids = [...new Set(peerIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.all<{ id: number; status: string; has_account: number }>(
    `SELECT p.id, p.status,
       EXISTS (SELECT 1 FROM users u WHERE u.peer_id = p.id AND u.role = 'peer' AND u.status = 'active') AS has_account
     FROM peers p WHERE p.id IN (${inList(ids)})`,
    ids,
  );
  return new Map(rows.map((r) => [r.id, { hasAccount: r.has_account === 1, active: r.status === 'active' }]));
}

export async function deleteDraft(db: Database, id: number, expectedVersion: number): Promise<boolean> {
  const result = await db.run("DELETE FROM session_logs WHERE id = ? AND version = ? AND status = 'draft'", [id, expectedVersion]);
  return result.changes === 1;
}

/** Placeholders for an IN list of ids. */
const inList = (ids: readonly number[]) => ids.map(() => '?').join(', ');

/** Groups rows by the log they belong to, every id present. */
function byLog<T>(ids: readonly number[], rows: Array<T & { log_id: number }>, map: (row: T) => unknown): Map<number, never[]> {
  const grouped = new Map<number, unknown[]>(ids.map((id) => [id, []]));
  for (const row of rows) grouped.get(row.log_id)?.push(map(row));
  return grouped as Map<number, never[]>;
}

/** The reviews of several logs in one query, oldest first per log. */
export async function reviewsOfLogs(db: Database, logIds: readonly number[]): Promise<Map<number, SessionLogReview[]>> {
  if (logIds.length === 0) return new Map();
  const rows = await db.all<{ log_id: number; id: number; decision: SessionLogReview['decision']; comment: string; at: string; by_name: string | null }>(
    `SELECT r.log_id, r.id, r.decision, r.comment, r.at, u.full_name AS by_name FROM session_log_reviews r
     LEFT JOIN users u ON u.id = r.by_user_id WHERE r.log_id IN (${inList(logIds)}) ORDER BY r.id`,
    [...logIds],
  );
  return byLog(logIds, rows, (r) => ({ id: r.id, decision: r.decision, comment: r.comment, at: r.at, byName: r.by_name }));
}

/** The addenda of several logs in one query, oldest first per log. */
export async function addendaOfLogs(db: Database, logIds: readonly number[]): Promise<Map<number, SessionLogAddendum[]>> {
  if (logIds.length === 0) return new Map();
  const rows = await db.all<{ log_id: number; id: number; text: string; at: string; author_name: string; author_role: string }>(
    `SELECT log_id, id, text, at, author_name, author_role FROM session_log_addenda WHERE log_id IN (${inList(logIds)}) ORDER BY id`,
    [...logIds],
  );
  return byLog(logIds, rows, (r) => ({ id: r.id, text: r.text, at: r.at, authorName: r.author_name, authorRole: r.author_role }));
}

export async function insertAddendum(
  db: Database,
  logId: number,
  text: string,
  author: { userId: number; name: string; role: string },
  now: string,
): Promise<number> {
  const result = await db.run(
    'INSERT INTO session_log_addenda (log_id, text, at, author_user_id, author_name, author_role) VALUES (?, ?, ?, ?, ?, ?)',
    [logId, text, now, author.userId, author.name, author.role],
  );
  return result.lastInsertRowid;
}

/** Submitted logs waiting for review, of those the scope lets the caller see. */
export async function countAwaitingReview(db: Database, scope: Scope<'sessionLogs'>): Promise<{ n: number; oldest: string | null }> {
  const row = await db.get<{ n: number; oldest: string | null }>(
    `SELECT count(*) AS n, min(l.submitted_at) AS oldest FROM session_logs l WHERE l.status = 'submitted' AND ${scope.where}`,
    scope.params,
  );
  return { n: row?.n ?? 0, oldest: row?.oldest ?? null };
}
