import type { Scope } from '../access/scope';
import type { Database } from '../db/database';
import type {
  Consent,
  Interview,
  InterviewCriterion,
  Nomination,
  NominationSource,
  Peer,
  PeerStatus,
  StatusChange,
} from '../../../src/contract';

export interface PeerRow {
  id: number;
  full_name: string;
  class_name: string;
  status: PeerStatus;
  version: number;
  created_at: string;
  updated_at: string;
  nomination_source: NominationSource | null;
  nominated_by: string | null;
  nominated_on: string | null;
  nomination_reason: string | null;
  supervisor_user_id: number | null;
  consent_on: string | null;
  consent_guardian: string | null;
  consent_relationship: Consent['relationship'] | null;
  consent_form_location: string | null;
  pledge_on: string | null;
  knowledge_pre: number | null;
  knowledge_post: number | null;
}

export function toPeer(row: PeerRow): Peer {
  return {
    id: row.id,
    fullName: row.full_name,
    className: row.class_name,
    status: row.status,
    supervisorUserId: row.supervisor_user_id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function nominationOf(row: PeerRow): Nomination | null {
  if (!row.nomination_source || !row.nominated_by) return null;
  return {
    source: row.nomination_source,
    nominatedBy: row.nominated_by,
    nominatedOn: row.nominated_on,
    reason: row.nomination_reason ?? '',
  };
}

export function consentOf(row: PeerRow): Consent | null {
  if (!row.consent_on || !row.consent_guardian || !row.consent_relationship) return null;
  return {
    consentOn: row.consent_on,
    guardianName: row.consent_guardian,
    relationship: row.consent_relationship,
    formLocation: row.consent_form_location ?? '',
  };
}

/** The peers the scope lets the caller see. */
export async function listPeerRows(db: Database, scope: Scope<'peers'>): Promise<PeerRow[]> {
  return db.all<PeerRow>(`SELECT p.* FROM peers p WHERE ${scope.where} ORDER BY p.full_name COLLATE NOCASE`, scope.params);
}

export async function findPeerRow(db: Database, id: number): Promise<PeerRow | undefined> {
  return db.get<PeerRow>('SELECT * FROM peers WHERE id = ?', [id]);
}

export async function findPeer(db: Database, id: number): Promise<Peer | undefined> {
  const row = await findPeerRow(db, id);
  return row ? toPeer(row) : undefined;
}

export interface NewPeer {
  fullName: string;
  className: string;
  status: PeerStatus;
  nomination: { source: NominationSource; nominatedBy: string; nominatedOn: string | null; reason: string } | null;
}

export async function insertPeer(db: Database, fields: NewPeer, now: string): Promise<number> {
  const n = fields.nomination;
  const result = await db.run(
    `INSERT INTO peers (full_name, class_name, status, nomination_source, nominated_by, nominated_on, nomination_reason, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [fields.fullName, fields.className, fields.status, n?.source ?? null, n?.nominatedBy ?? null, n?.nominatedOn ?? null, n?.reason ?? null, now, now],
  );
  return result.lastInsertRowid;
}

/**
 * The peers of a roster import with their first status, many rows to a statement (issue 12:
 * two statements per peer held the call queue for 1.5 s for 5,000 peers with one driver). Returns
 * the new ids in the order of `list`, which is the order of their ids.
 */
export async function insertImportedPeers(db: Database, list: readonly NewPeer[], now: string, byUserId: number): Promise<number[]> {
  const ids: number[] = [];
  // 9 values a row: 3,600 a statement, well within SQLite's limit of 32,766.
  for (let start = 0; start < list.length; start += 400) {
    const batch = list.slice(start, start + 400);
    const inserted = await db.all<{ id: number; status: PeerStatus }>(
      `INSERT INTO peers (full_name, class_name, status, nomination_source, nominated_by, nominated_on, nomination_reason, created_at, updated_at)
       VALUES ${batch.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')} RETURNING id, status`,
      batch.flatMap((p) => [p.fullName, p.className, p.status, p.nomination?.source ?? null, p.nomination?.nominatedBy ?? null, p.nomination?.nominatedOn ?? null, p.nomination?.reason ?? null, now, now]),
    );
    // RETURNING names no order; the ids of one statement are consecutive and follow the rows.
    inserted.sort((a, b) => a.id - b.id);
    await db.run(
      `INSERT INTO peer_status_history (peer_id, from_status, to_status, changed_at, changed_by_user_id, reason, overridden)
       VALUES ${inserted.map(() => '(?, NULL, ?, ?, ?, NULL, 0)').join(', ')}`,
      inserted.flatMap((row) => [row.id, row.status, now, byUserId]),
    );
    ids.push(...inserted.map((row) => row.id));
  }
  return ids;
}

/**
 * Writes `columns` only when the row is still at `expectedVersion`, moving the
 * version on; returns false for a stale edit. Column names come from this
 * file's callers, never from input.
 */
async function updateVersioned(
  db: Database,
  id: number,
  expectedVersion: number,
  columns: Record<string, string | number | null>,
  now: string,
): Promise<boolean> {
  const names = Object.keys(columns);
  const sets = names.map((name) => `${name} = ?`).join(', ');
  const result = await db.run(
    `UPDATE peers SET ${sets}${names.length ? ', ' : ''}version = version + 1, updated_at = ? WHERE id = ? AND version = ?`,
    [...names.map((name) => columns[name] ?? null), now, id, expectedVersion],
  );
  return result.changes === 1;
}

export interface PeerDetails {
  fullName: string;
  className: string;
  /** undefined: leave as it is; null: clear it. */
  nomination?: NewPeer['nomination'] | undefined;
  supervisorUserId?: number | null | undefined;
}

export function updatePeerDetails(db: Database, id: number, expectedVersion: number, fields: PeerDetails, now: string): Promise<boolean> {
  const columns: Record<string, string | number | null> = { full_name: fields.fullName, class_name: fields.className };
  if (fields.nomination !== undefined) {
    const n = fields.nomination;
    Object.assign(columns, {
      nomination_source: n?.source ?? null,
      nominated_by: n?.nominatedBy ?? null,
      nominated_on: n?.nominatedOn ?? null,
      nomination_reason: n?.reason ?? null,
    });
  }
  if (fields.supervisorUserId !== undefined) columns.supervisor_user_id = fields.supervisorUserId;
  return updateVersioned(db, id, expectedVersion, columns, now);
}

export function setPeerStatus(db: Database, id: number, expectedVersion: number, status: PeerStatus, now: string): Promise<boolean> {
  return updateVersioned(db, id, expectedVersion, { status }, now);
}

export function setConsent(db: Database, id: number, expectedVersion: number, consent: Consent, now: string): Promise<boolean> {
  return updateVersioned(
    db,
    id,
    expectedVersion,
    {
      consent_on: consent.consentOn,
      consent_guardian: consent.guardianName,
      consent_relationship: consent.relationship,
      consent_form_location: consent.formLocation,
    },
    now,
  );
}

export function setPledge(db: Database, id: number, expectedVersion: number, pledgeOn: string, now: string): Promise<boolean> {
  return updateVersioned(db, id, expectedVersion, { pledge_on: pledgeOn }, now);
}

export function setKnowledgeScores(
  db: Database,
  id: number,
  expectedVersion: number,
  scores: { knowledgePre: number | null; knowledgePost: number | null },
  now: string,
): Promise<boolean> {
  return updateVersioned(db, id, expectedVersion, { knowledge_pre: scores.knowledgePre, knowledge_post: scores.knowledgePost }, now);
}

/** Moves the version on without changing anything else: another record about the peer changed (the interview). */
export function touchPeer(db: Database, id: number, expectedVersion: number, now: string): Promise<boolean> {
  return updateVersioned(db, id, expectedVersion, {}, now);
}

export async function countPeersByStatus(db: Database): Promise<Array<{ status: PeerStatus; n: number }>> {
  return db.all('SELECT status, count(*) AS n FROM peers GROUP BY status');
}

// ---- status history ----

export interface NewStatusChange {
  peerId: number;
  fromStatus: PeerStatus | null;
  toStatus: PeerStatus;
  at: string;
  byUserId: number | null;
  reason: string | null;
  overridden: boolean;
}

export async function insertStatusChange(db: Database, change: NewStatusChange): Promise<void> {
  await db.run(
    `INSERT INTO peer_status_history (peer_id, from_status, to_status, changed_at, changed_by_user_id, reason, overridden)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [change.peerId, change.fromStatus, change.toStatus, change.at, change.byUserId, change.reason, change.overridden ? 1 : 0],
  );
}

interface StatusChangeRow {
  id: number;
  from_status: PeerStatus | null;
  to_status: PeerStatus;
  changed_at: string;
  changed_by_name: string | null;
  reason: string | null;
  overridden: number;
}

export async function listStatusHistory(db: Database, peerId: number): Promise<StatusChange[]> {
  const rows = await db.all<StatusChangeRow>(
    `SELECT h.id, h.from_status, h.to_status, h.changed_at, u.full_name AS changed_by_name, h.reason, h.overridden
     FROM peer_status_history h LEFT JOIN users u ON u.id = h.changed_by_user_id
     WHERE h.peer_id = ? ORDER BY h.id`,
    [peerId],
  );
  return rows.map((r) => ({
    id: r.id,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    changedAt: r.changed_at,
    changedByName: r.changed_by_name,
    reason: r.reason,
    overridden: r.overridden === 1,
  }));
}

/** When each peer's current status began. */
export async function statusSinceByPeer(db: Database, onlyPeerId?: number): Promise<Map<number, string>> {
  const rows = await db.all<{ peer_id: number; changed_at: string }>(
    `SELECT h.peer_id, h.changed_at FROM peer_status_history h
     JOIN (SELECT peer_id, max(id) AS last FROM peer_status_history ${onlyPeerId === undefined ? '' : 'WHERE peer_id = ?'} GROUP BY peer_id) l
       ON l.last = h.id`,
    onlyPeerId === undefined ? [] : [onlyPeerId],
  );
  return new Map(rows.map((r) => [r.peer_id, r.changed_at]));
}

// ---- interviews ----

interface InterviewRow {
  interviewed_on: string;
  interviewer: string;
  criteria: string;
  notes: string;
  decision: Interview['decision'];
  updated_at: string;
}

export async function findInterview(db: Database, peerId: number): Promise<Interview | null> {
  const row = await db.get<InterviewRow>('SELECT * FROM peer_interviews WHERE peer_id = ?', [peerId]);
  if (!row) return null;
  return {
    interviewedOn: row.interviewed_on,
    interviewer: row.interviewer,
    criteria: JSON.parse(row.criteria) as Record<InterviewCriterion, boolean>,
    notes: row.notes,
    decision: row.decision,
    updatedAt: row.updated_at,
  };
}

export async function saveInterview(
  db: Database,
  peerId: number,
  interview: Omit<Interview, 'updatedAt'>,
  byUserId: number,
  now: string,
): Promise<void> {
  await db.run(
    `INSERT INTO peer_interviews (peer_id, interviewed_on, interviewer, criteria, notes, decision, updated_at, updated_by_user_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(peer_id) DO UPDATE SET interviewed_on = excluded.interviewed_on, interviewer = excluded.interviewer,
       criteria = excluded.criteria, notes = excluded.notes, decision = excluded.decision,
       updated_at = excluded.updated_at, updated_by_user_id = excluded.updated_by_user_id`,
    [peerId, interview.interviewedOn, interview.interviewer, JSON.stringify(interview.criteria), interview.notes, interview.decision, now, byUserId],
  );
}

/** Names of staff users by id, for the roster's supervisor column. */
export async function staffNames(db: Database): Promise<Map<number, string>> {
  const rows = await db.all<{ id: number; full_name: string }>("SELECT id, full_name FROM users WHERE role != 'peer'");
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

/** Which of these ids are peers on the roster; the rest do not exist. */
export async function existingPeerIds(db: Database, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.all<{ id: number }>(`SELECT id FROM peers WHERE id IN (${ids.map(() => '?').join(',')})`, ids);
  return new Set(rows.map((r) => r.id));
}
