import type { Scope } from '../access/scope';
import type { Database } from '../db/database';
import type { CaseSeverity, CaseStatus, MeetingKind, MeetingStatus, Page, PeerStatus } from '../../../src/contract';
import { Conditions, likeText, pageOf } from './paging';

/** `?, ?, ?` for a list of values bound one by one. */
const marks = (values: readonly unknown[]) => values.map(() => '?').join(',');

// ---------------------------------------------------------------- groups

export interface GroupRow {
  id: number;
  name: string;
  supervisor_user_id: number | null;
  supervisor_name: string | null;
  frequency_days: number;
  archived_at: string | null;
  version: number;
  created_at: string;
  last_meeting_on: string | null;
  planned_on: string | null;
}

/** The groups the scope lets the caller see, with their last held meeting and next planned one (from `today`). */
export function listGroups(db: Database, scope: Scope<'groups'>, today: string): Promise<GroupRow[]> {
  return db.all<GroupRow>(
    `SELECT g.*, u.full_name AS supervisor_name,
       (SELECT max(held_on) FROM supervision_meetings m WHERE m.group_id = g.id AND m.status = 'held') AS last_meeting_on,
       (SELECT min(held_on) FROM supervision_meetings m WHERE m.group_id = g.id AND m.status = 'planned' AND m.held_on >= ?) AS planned_on
     FROM supervision_groups g LEFT JOIN users u ON u.id = g.supervisor_user_id
     WHERE ${scope.where}
     ORDER BY g.archived_at IS NOT NULL, g.name COLLATE NOCASE`,
    [today, ...scope.params],
  );
}

export function findGroup(db: Database, id: number): Promise<{ id: number; version: number; archived_at: string | null } | undefined> {
  return db.get('SELECT id, version, archived_at FROM supervision_groups WHERE id = ?', [id]);
}

export interface MemberRow {
  group_id: number;
  peer_id: number;
  full_name: string;
  class_name: string;
  status: PeerStatus;
  joined_on: string;
}

export function listMembers(db: Database): Promise<MemberRow[]> {
  return db.all<MemberRow>(
    `SELECT m.group_id, m.peer_id, m.joined_on, p.full_name, p.class_name, p.status
     FROM supervision_group_members m JOIN peers p ON p.id = m.peer_id ORDER BY p.full_name COLLATE NOCASE`,
  );
}

export interface GroupFields {
  name: string;
  supervisorUserId: number | null;
  frequencyDays: number;
}

export async function insertGroup(db: Database, fields: GroupFields, now: string): Promise<number> {
  const result = await db.run(
    'INSERT INTO supervision_groups (name, supervisor_user_id, frequency_days, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    [fields.name, fields.supervisorUserId, fields.frequencyDays, now, now],
  );
  return result.lastInsertRowid;
}

export async function updateGroup(
  db: Database,
  id: number,
  expectedVersion: number,
  fields: GroupFields & { archived: boolean },
  now: string,
): Promise<boolean> {
  const result = await db.run(
    `UPDATE supervision_groups SET name = ?, supervisor_user_id = ?, frequency_days = ?,
       archived_at = CASE WHEN ? THEN coalesce(archived_at, ?) ELSE NULL END,
       version = version + 1, updated_at = ?
     WHERE id = ? AND version = ?`,
    [fields.name, fields.supervisorUserId, fields.frequencyDays, fields.archived ? 1 : 0, now, now, id, expectedVersion],
  );
  return result.changes === 1;
}

/**
 * Makes `peerIds` the group's members: others leave it, and a peer in another
 * group moves here (joining today). A peer who stays keeps their joining day.
 */
export async function setMembers(db: Database, groupId: number, peerIds: readonly number[], today: string): Promise<void> {
  const wanted = [...new Set(peerIds)];
  if (wanted.length === 0) await db.run('DELETE FROM supervision_group_members WHERE group_id = ?', [groupId]);
  else await db.run(`DELETE FROM supervision_group_members WHERE group_id = ? AND peer_id NOT IN (${marks(wanted)})`, [groupId, ...wanted]);
  for (const peerId of wanted) {
    await db.run(
      `INSERT INTO supervision_group_members (peer_id, group_id, joined_on) VALUES (?, ?, ?)
       ON CONFLICT (peer_id) DO UPDATE SET group_id = excluded.group_id, joined_on = excluded.joined_on
       WHERE supervision_group_members.group_id != excluded.group_id`,
      [peerId, groupId, today],
    );
  }
}

// ---------------------------------------------------------------- cadence

export interface CadenceRow {
  peer_id: number;
  full_name: string;
  class_name: string;
  status: PeerStatus;
  group_id: number | null;
  group_name: string | null;
  frequency_days: number | null;
  joined_on: string | null;
  last_meeting_on: string | null;
  planned_on: string | null;
}

/**
 * Each active peer's group (an archived group counts as none), the last held
 * meeting they were present at up to `today`, and the next planned meeting
 * they are invited to; of the peers the scope lets the caller see. `peerId`
 * asks for one peer whatever their status.
 */
export function cadenceRows(db: Database, scope: Scope<'peers'>, today: string, peerId?: number): Promise<CadenceRow[]> {
  return db.all<CadenceRow>(
    `SELECT p.id AS peer_id, p.full_name, p.class_name, p.status,
       g.id AS group_id, g.name AS group_name, g.frequency_days, CASE WHEN g.id IS NULL THEN NULL ELSE m.joined_on END AS joined_on,
       (SELECT max(sm.held_on) FROM supervision_attendees a JOIN supervision_meetings sm ON sm.id = a.meeting_id
         WHERE a.peer_id = p.id AND a.present = 1 AND sm.status = 'held' AND sm.held_on <= ?) AS last_meeting_on,
       (SELECT min(sm.held_on) FROM supervision_attendees a JOIN supervision_meetings sm ON sm.id = a.meeting_id
         WHERE a.peer_id = p.id AND sm.status = 'planned' AND sm.held_on >= ?) AS planned_on
     FROM peers p
     LEFT JOIN supervision_group_members m ON m.peer_id = p.id
     LEFT JOIN supervision_groups g ON g.id = m.group_id AND g.archived_at IS NULL
     WHERE ${scope.where} AND ${peerId === undefined ? "p.status = 'active'" : 'p.id = ?'}
     ORDER BY p.full_name COLLATE NOCASE`,
    [today, today, ...scope.params, ...(peerId === undefined ? [] : [peerId])],
  );
}

/** Held meetings each peer was present at between two days, and their minutes. */
export function supervisionTimeByPeer(db: Database, from: string, to: string): Promise<Array<{ peer_id: number; meetings: number; minutes: number }>> {
  return db.all(
    `SELECT a.peer_id, count(*) AS meetings, coalesce(sum(sm.duration_minutes), 0) AS minutes
     FROM supervision_meetings sm JOIN supervision_attendees a ON a.meeting_id = sm.id
     WHERE sm.status = 'held' AND sm.held_on BETWEEN ? AND ? AND a.peer_id IS NOT NULL AND a.present = 1
     GROUP BY a.peer_id`,
    [from, to],
  );
}

/** Held meetings between two days that the scope lets the caller see, and their minutes, each meeting once however many came. */
export async function heldMeetingTime(db: Database, scope: Scope<'meetings'>, from: string, to: string): Promise<{ meetings: number; minutes: number }> {
  const row = await db.get<{ meetings: number; minutes: number }>(
    `SELECT count(*) AS meetings, coalesce(sum(sm.duration_minutes), 0) AS minutes
     FROM supervision_meetings sm WHERE sm.status = 'held' AND sm.held_on BETWEEN ? AND ? AND ${scope.where}`,
    [from, to, ...scope.params],
  );
  return row ?? { meetings: 0, minutes: 0 };
}

// ---------------------------------------------------------------- meetings

export interface MeetingRow {
  id: number;
  status: MeetingStatus;
  kind: MeetingKind;
  held_on: string;
  start_time: string | null;
  duration_minutes: number | null;
  group_id: number | null;
  group_name: string | null;
  supervisor_user_id: number;
  supervisor_name: string;
  notes: string;
  version: number;
  created_at: string;
  created_by_name: string | null;
  updated_at: string;
  peers_invited: number;
  peers_present: number;
  topics: string;
  cases: number;
  open_action_items: number;
}

const meetingColumns = `
  SELECT sm.*, g.name AS group_name, u.full_name AS supervisor_name, cu.full_name AS created_by_name,
    (SELECT count(*) FROM supervision_attendees a WHERE a.meeting_id = sm.id AND a.peer_id IS NOT NULL) AS peers_invited,
    (SELECT count(*) FROM supervision_attendees a WHERE a.meeting_id = sm.id AND a.peer_id IS NOT NULL AND a.present = 1) AS peers_present,
    (SELECT json_group_array(topic) FROM (SELECT topic FROM supervision_topics t WHERE t.meeting_id = sm.id ORDER BY topic)) AS topics,
    (SELECT count(*) FROM supervision_meeting_cases c WHERE c.meeting_id = sm.id) AS cases,
    (SELECT count(*) FROM action_items ai WHERE ai.meeting_id = sm.id AND ai.done_at IS NULL) AS open_action_items`;
const meetingTables = `
  FROM supervision_meetings sm
  LEFT JOIN supervision_groups g ON g.id = sm.group_id
  JOIN users u ON u.id = sm.supervisor_user_id
  LEFT JOIN users cu ON cu.id = sm.created_by_user_id`;
const selectMeeting = `${meetingColumns} ${meetingTables}`;

/** One meeting, when the scope lets the caller see it. */
export function findMeeting(db: Database, scope: Scope<'meetings'>, id: number): Promise<MeetingRow | undefined> {
  return db.get<MeetingRow>(`${selectMeeting} WHERE ${scope.where} AND sm.id = ?`, [...scope.params, id]);
}

/** One page of the meetings the scope lets the caller see, newest first, with how many match in all. */
export function pageMeetings(
  db: Database,
  scope: Scope<'meetings'>,
  filter: { status?: MeetingStatus | undefined; text?: string | undefined },
  page: Page,
): Promise<{ rows: MeetingRow[]; total: number }> {
  const where = new Conditions(scope).equals('sm.status', filter.status);
  if (filter.text) {
    const part = likeText(filter.text, 'anywhere');
    where.add(
      "(g.name LIKE ? ESCAPE '\\' OR u.full_name LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM supervision_topics t WHERE t.meeting_id = sm.id AND t.topic LIKE ? ESCAPE '\\'))",
      part,
      part,
      part,
    );
  }
  return pageOf<MeetingRow>(db, { select: meetingColumns, from: `${meetingTables} WHERE ${where.sql}`, params: where.params, orderBy: 'sm.held_on DESC, sm.id DESC' }, page);
}

export interface MeetingFields {
  status: 'planned' | 'held';
  kind: MeetingKind;
  heldOn: string;
  startTime: string | null;
  durationMinutes: number | null;
  groupId: number | null;
  supervisorUserId: number;
  notes: string;
}

export async function insertMeeting(db: Database, fields: MeetingFields, byUserId: number, now: string): Promise<number> {
  const result = await db.run(
    `INSERT INTO supervision_meetings (status, kind, held_on, start_time, duration_minutes, group_id, supervisor_user_id, notes,
       created_at, created_by_user_id, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [fields.status, fields.kind, fields.heldOn, fields.startTime, fields.durationMinutes, fields.groupId, fields.supervisorUserId, fields.notes, now, byUserId, now],
  );
  return result.lastInsertRowid;
}

export async function updateMeeting(db: Database, id: number, expectedVersion: number, fields: MeetingFields, now: string): Promise<boolean> {
  const result = await db.run(
    `UPDATE supervision_meetings SET status = ?, kind = ?, held_on = ?, start_time = ?, duration_minutes = ?, group_id = ?,
       supervisor_user_id = ?, notes = ?, version = version + 1, updated_at = ?
     WHERE id = ? AND version = ?`,
    [fields.status, fields.kind, fields.heldOn, fields.startTime, fields.durationMinutes, fields.groupId, fields.supervisorUserId, fields.notes, now, id, expectedVersion],
  );
  return result.changes === 1;
}

export async function cancelMeeting(db: Database, id: number, expectedVersion: number, now: string): Promise<boolean> {
  const result = await db.run(
    "UPDATE supervision_meetings SET status = 'cancelled', version = version + 1, updated_at = ? WHERE id = ? AND version = ? AND status = 'planned'",
    [now, id, expectedVersion],
  );
  return result.changes === 1;
}

/**
 * A new version for a meeting whose action item was ticked on its own, so a
 * meeting form opened before that is refused as stale instead of undoing the tick.
 */
export async function bumpMeetingVersion(db: Database, id: number): Promise<void> {
  await db.run('UPDATE supervision_meetings SET version = version + 1 WHERE id = ?', [id]);
}

export interface AttendeeRow {
  peer_id: number | null;
  user_id: number | null;
  name: string;
  present: number;
}

export function listAttendees(db: Database, meetingId: number): Promise<AttendeeRow[]> {
  return db.all<AttendeeRow>(
    `SELECT a.peer_id, a.user_id, coalesce(p.full_name, u.full_name, '') AS name, a.present
     FROM supervision_attendees a LEFT JOIN peers p ON p.id = a.peer_id LEFT JOIN users u ON u.id = a.user_id
     WHERE a.meeting_id = ? ORDER BY a.peer_id IS NULL, name COLLATE NOCASE`,
    [meetingId],
  );
}

export async function setAttendees(
  db: Database,
  meetingId: number,
  attendees: ReadonlyArray<{ peerId: number | null; userId: number | null; present: boolean }>,
): Promise<void> {
  await db.run('DELETE FROM supervision_attendees WHERE meeting_id = ?', [meetingId]);
  for (const a of attendees) {
    await db.run('INSERT INTO supervision_attendees (meeting_id, peer_id, user_id, present) VALUES (?, ?, ?, ?)', [
      meetingId,
      a.peerId,
      a.userId,
      a.present ? 1 : 0,
    ]);
  }
}

export async function setTopics(db: Database, meetingId: number, topics: readonly string[]): Promise<void> {
  await db.run('DELETE FROM supervision_topics WHERE meeting_id = ?', [meetingId]);
  for (const topic of new Set(topics)) await db.run('INSERT INTO supervision_topics (meeting_id, topic) VALUES (?, ?)', [meetingId, topic]);
}

/** Topics used before, most used first, for the form's suggestions. */
export async function usedTopics(db: Database): Promise<string[]> {
  const rows = await db.all<{ topic: string }>('SELECT topic FROM supervision_topics GROUP BY topic ORDER BY count(*) DESC, topic LIMIT 50');
  return rows.map((r) => r.topic);
}

export async function setDiscussedCases(db: Database, meetingId: number, caseIds: readonly number[]): Promise<void> {
  await db.run('DELETE FROM supervision_meeting_cases WHERE meeting_id = ?', [meetingId]);
  for (const caseId of new Set(caseIds)) await db.run('INSERT INTO supervision_meeting_cases (meeting_id, case_id) VALUES (?, ?)', [meetingId, caseId]);
}

export async function setDiscussedLogs(db: Database, meetingId: number, logIds: readonly number[]): Promise<void> {
  await db.run('DELETE FROM supervision_meeting_logs WHERE meeting_id = ?', [meetingId]);
  for (const logId of new Set(logIds)) await db.run('INSERT INTO supervision_meeting_logs (meeting_id, log_id) VALUES (?, ?)', [meetingId, logId]);
}

export function discussedCases(
  db: Database,
  meetingId: number,
): Promise<Array<{ id: number; help_seeker_code: string; severity: CaseSeverity; status: CaseStatus }>> {
  return db.all(
    `SELECT c.id, h.code AS help_seeker_code, c.severity, c.status FROM supervision_meeting_cases mc
     JOIN cases c ON c.id = mc.case_id JOIN help_seekers h ON h.id = c.help_seeker_id
     WHERE mc.meeting_id = ? ORDER BY c.id`,
    [meetingId],
  );
}

export function discussedLogs(
  db: Database,
  meetingId: number,
): Promise<Array<{ id: number; held_on: string | null; peer_name: string; help_seeker_code: string | null }>> {
  return db.all(
    `SELECT l.id, l.held_on, p.full_name AS peer_name, h.code AS help_seeker_code FROM supervision_meeting_logs ml
     JOIN session_logs l ON l.id = ml.log_id JOIN peers p ON p.id = l.peer_id LEFT JOIN help_seekers h ON h.id = l.help_seeker_id
     WHERE ml.meeting_id = ? ORDER BY l.held_on, l.id`,
    [meetingId],
  );
}

/** Held meetings that discussed a case, oldest first: the case timeline shows them. */
export function meetingsDiscussingCase(
  db: Database,
  caseId: number,
): Promise<Array<{ id: number; held_on: string; start_time: string | null; kind: MeetingKind; supervisor_name: string }>> {
  return db.all(
    `SELECT sm.id, sm.held_on, sm.start_time, sm.kind, u.full_name AS supervisor_name
     FROM supervision_meeting_cases mc JOIN supervision_meetings sm ON sm.id = mc.meeting_id JOIN users u ON u.id = sm.supervisor_user_id
     WHERE mc.case_id = ? AND sm.status = 'held' ORDER BY sm.held_on, sm.id`,
    [caseId],
  );
}

/** Submitted logs held on or after `since` that the scope lets the caller see, for the meeting form's list of logs to discuss. */
export function recentLogs(
  db: Database,
  scope: Scope<'sessionLogs'>,
  since: string,
): Promise<Array<{ id: number; held_on: string | null; peer_id: number; peer_name: string; help_seeker_code: string | null; status: string }>> {
  return db.all(
    `SELECT l.id, l.held_on, l.peer_id, p.full_name AS peer_name, h.code AS help_seeker_code, l.status
     FROM session_logs l JOIN peers p ON p.id = l.peer_id LEFT JOIN help_seekers h ON h.id = l.help_seeker_id
     WHERE l.status != 'draft' AND l.held_on >= ? AND ${scope.where} ORDER BY l.held_on DESC, l.id DESC LIMIT 500`,
    [since, ...scope.params],
  );
}

// ---------------------------------------------------------------- action items

export interface ActionItemRow {
  id: number;
  meeting_id: number;
  meeting_held_on: string;
  meeting_kind: MeetingKind;
  meeting_supervisor_user_id: number;
  text: string;
  owner_peer_id: number | null;
  owner_user_id: number | null;
  owner_name: string;
  due_on: string;
  done_at: string | null;
  version: number;
}

const actionItemColumns = `
  SELECT ai.id, ai.meeting_id, sm.held_on AS meeting_held_on, sm.kind AS meeting_kind, sm.supervisor_user_id AS meeting_supervisor_user_id,
    ai.text, ai.owner_peer_id, ai.owner_user_id, coalesce(p.full_name, u.full_name, '') AS owner_name, ai.due_on, ai.done_at, ai.version`;
const actionItemTables = `
  FROM action_items ai
  JOIN supervision_meetings sm ON sm.id = ai.meeting_id
  LEFT JOIN peers p ON p.id = ai.owner_peer_id
  LEFT JOIN users u ON u.id = ai.owner_user_id`;
const selectActionItem = `${actionItemColumns} ${actionItemTables}`;

/** Open items first, then by the day they are due. */
const actionItemSort = 'ai.done_at IS NOT NULL, ai.due_on, ai.id';

export function findActionItem(db: Database, id: number): Promise<ActionItemRow | undefined> {
  return db.get<ActionItemRow>(`${selectActionItem} WHERE ai.id = ?`, [id]);
}

export function actionItemsOfMeeting(db: Database, meetingId: number): Promise<ActionItemRow[]> {
  return db.all<ActionItemRow>(`${selectActionItem} WHERE ai.meeting_id = ? ORDER BY ai.id`, [meetingId]);
}

/**
 * Open action items of one owner (a staff account or a peer), and those done
 * since `doneSince`; items of cancelled meetings are left out.
 */
export function actionItemsOfOwner(db: Database, owner: { userId: number } | { peerId: number }, doneSince: string): Promise<ActionItemRow[]> {
  const [column, value] = 'userId' in owner ? ['ai.owner_user_id', owner.userId] : ['ai.owner_peer_id', owner.peerId];
  return db.all<ActionItemRow>(
    `${selectActionItem} WHERE ${column} = ? AND sm.status != 'cancelled' AND (ai.done_at IS NULL OR ai.done_at >= ?) ORDER BY ${actionItemSort}`,
    [value, doneSince],
  );
}

/** Action items of every meeting (or of one supervisor's meetings and their own), cancelled meetings left out. */
/** One page of the action items of meetings that were not cancelled, open ones first by due day. */
export function pageActionItems(
  db: Database,
  filter: { supervisorUserId?: number | undefined; open: boolean; peerId?: number | undefined; text?: string | undefined },
  page: Page,
): Promise<{ rows: ActionItemRow[]; total: number }> {
  const where = new Conditions({ where: "sm.status != 'cancelled'", params: [] })
    .equals('ai.owner_peer_id', filter.peerId)
    .containsText(filter.text, ['ai.text', "coalesce(p.full_name, u.full_name, '')"]);
  if (filter.supervisorUserId !== undefined) where.add('(sm.supervisor_user_id = ? OR ai.owner_user_id = ?)', filter.supervisorUserId, filter.supervisorUserId);
  if (filter.open) where.add('ai.done_at IS NULL');
  return pageOf<ActionItemRow>(
    db,
    { select: actionItemColumns, from: `${actionItemTables} WHERE ${where.sql}`, params: where.params, orderBy: actionItemSort },
    page,
  );
}

export interface ActionItemFields {
  text: string;
  ownerPeerId: number | null;
  ownerUserId: number | null;
  dueOn: string;
}

export async function insertActionItem(db: Database, meetingId: number, fields: ActionItemFields, done: { at: string; by: number } | null, now: string): Promise<number> {
  const result = await db.run(
    `INSERT INTO action_items (meeting_id, text, owner_peer_id, owner_user_id, due_on, done_at, done_by_user_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [meetingId, fields.text, fields.ownerPeerId, fields.ownerUserId, fields.dueOn, done?.at ?? null, done?.by ?? null, now, now],
  );
  return result.lastInsertRowid;
}

/** Rewrites an item from the meeting form; its done mark is kept when it stays done. */
export async function updateActionItem(db: Database, id: number, fields: ActionItemFields, done: { at: string; by: number } | null, now: string): Promise<void> {
  await db.run(
    `UPDATE action_items SET text = ?, owner_peer_id = ?, owner_user_id = ?, due_on = ?,
       done_at = CASE WHEN ? THEN coalesce(done_at, ?) ELSE NULL END,
       done_by_user_id = CASE WHEN ? THEN coalesce(done_by_user_id, ?) ELSE NULL END,
       version = version + 1, updated_at = ?
     WHERE id = ?`,
    [fields.text, fields.ownerPeerId, fields.ownerUserId, fields.dueOn, done ? 1 : 0, done?.at ?? null, done ? 1 : 0, done?.by ?? null, now, id],
  );
}

export async function deleteActionItems(db: Database, meetingId: number, keepIds: readonly number[]): Promise<void> {
  if (keepIds.length === 0) await db.run('DELETE FROM action_items WHERE meeting_id = ?', [meetingId]);
  else await db.run(`DELETE FROM action_items WHERE meeting_id = ? AND id NOT IN (${marks(keepIds)})`, [meetingId, ...keepIds]);
}

export async function setActionItemDone(db: Database, id: number, expectedVersion: number, done: { at: string; by: number } | null, now: string): Promise<boolean> {
  const result = await db.run(
    'UPDATE action_items SET done_at = ?, done_by_user_id = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?',
    [done?.at ?? null, done?.by ?? null, now, id, expectedVersion],
  );
  return result.changes === 1;
}
