import type { Database } from '../db/database';
import type { HelpSeekerIdentity, HelpSeekerIdentityInput } from '../../../src/contract';

export interface HelpSeekerRow {
  id: number;
  code: string;
  created_at: string;
}

/** `HS-2026-014`: the year, and the number within that year with at least three digits. */
export function formatCode(year: number, n: number): string {
  return `HS-${year}-${String(n).padStart(3, '0')}`;
}

/** Makes the next code of `year`. Runs inside the caller's transaction, so two saves never get the same number. */
export async function insertHelpSeeker(db: Database, year: number, now: string, byUserId: number): Promise<{ id: number; code: string }> {
  const row = await db.get<{ n: number | null }>('SELECT max(code_number) AS n FROM help_seekers WHERE code_year = ?', [year]);
  const n = (row?.n ?? 0) + 1;
  const code = formatCode(year, n);
  const result = await db.run(
    'INSERT INTO help_seekers (code, code_year, code_number, created_at, created_by_user_id) VALUES (?, ?, ?, ?, ?)',
    [code, year, n, now, byUserId],
  );
  return { id: result.lastInsertRowid, code };
}

export function findHelpSeeker(db: Database, id: number): Promise<HelpSeekerRow | undefined> {
  return db.get<HelpSeekerRow>('SELECT id, code, created_at FROM help_seekers WHERE id = ?', [id]);
}

export interface HelpSeekerListRow extends HelpSeekerRow {
  logs: number;
  last_session_on: string | null;
  open_cases: number;
  has_identity: number;
}

/**
 * Help-seekers with their figures. `scope` narrows the list: to those in a
 * peer's own logs, or to those on the given cases (a supervisor's).
 */
export function listHelpSeekers(
  db: Database,
  scope: { peerId: number } | { caseIds: readonly number[] } | null,
): Promise<HelpSeekerListRow[]> {
  const where: string[] = [];
  const params: number[] = [];
  // A peer's figures count only their own logs.
  let logFilter = '';
  if (scope && 'peerId' in scope) {
    where.push('h.id IN (SELECT help_seeker_id FROM session_logs WHERE peer_id = ? AND help_seeker_id IS NOT NULL)');
    params.push(scope.peerId);
    logFilter = 'AND l.peer_id = ?';
  } else if (scope) {
    if (scope.caseIds.length === 0) return Promise.resolve([]);
    where.push(`h.id IN (SELECT help_seeker_id FROM cases WHERE id IN (${scope.caseIds.map(() => '?').join(',')}))`);
    params.push(...scope.caseIds);
    logFilter = "AND l.status != 'draft'";
  }
  const logParams = scope && 'peerId' in scope ? [scope.peerId, scope.peerId] : [];
  return db.all<HelpSeekerListRow>(
    `SELECT h.id, h.code, h.created_at,
       (SELECT count(*) FROM session_logs l WHERE l.help_seeker_id = h.id ${logFilter}) AS logs,
       (SELECT max(l.held_on) FROM session_logs l WHERE l.help_seeker_id = h.id ${logFilter}) AS last_session_on,
       (SELECT count(*) FROM cases c WHERE c.help_seeker_id = h.id AND c.status != 'closed') AS open_cases,
       EXISTS (SELECT 1 FROM help_seeker_identities i WHERE i.help_seeker_id = h.id) AS has_identity
     FROM help_seekers h
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY h.code_year DESC, h.code_number DESC`,
    [...logParams, ...params],
  );
}

interface IdentityRow {
  full_name: string;
  class_name: string;
  contact: string;
  parent_contact: string;
  version: number;
  updated_at: string;
  updated_by_name: string | null;
}

export async function findIdentity(db: Database, helpSeekerId: number): Promise<HelpSeekerIdentity | null> {
  const row = await db.get<IdentityRow>(
    `SELECT i.*, u.full_name AS updated_by_name FROM help_seeker_identities i
     LEFT JOIN users u ON u.id = i.updated_by_user_id WHERE i.help_seeker_id = ?`,
    [helpSeekerId],
  );
  if (!row) return null;
  return {
    fullName: row.full_name,
    className: row.class_name,
    contact: row.contact,
    parentContact: row.parent_contact,
    version: row.version,
    updatedAt: row.updated_at,
    updatedByName: row.updated_by_name,
  };
}

/**
 * Writes the identity when it is still at `expectedVersion` (0: none yet);
 * returns false for a stale edit.
 */
export async function saveIdentity(
  db: Database,
  helpSeekerId: number,
  expectedVersion: number,
  identity: HelpSeekerIdentityInput,
  now: string,
  byUserId: number,
): Promise<boolean> {
  const values = [identity.fullName, identity.className, identity.contact, identity.parentContact, now, byUserId];
  if (expectedVersion === 0) {
    const result = await db.run(
      `INSERT INTO help_seeker_identities (help_seeker_id, full_name, class_name, contact, parent_contact, updated_at, updated_by_user_id)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (help_seeker_id) DO NOTHING`,
      [helpSeekerId, ...values],
    );
    return result.changes === 1;
  }
  const result = await db.run(
    `UPDATE help_seeker_identities SET full_name = ?, class_name = ?, contact = ?, parent_contact = ?, updated_at = ?,
       updated_by_user_id = ?, version = version + 1
     WHERE help_seeker_id = ? AND version = ?`,
    [...values, helpSeekerId, expectedVersion],
  );
  return result.changes === 1;
}

/** Help-seekers a peer may pick: those in their own logs. */
export function codesInPeerLogs(db: Database, peerId: number): Promise<Array<{ id: number; code: string; last_session_on: string | null }>> {
  return db.all(
    `SELECT h.id, h.code, max(l.held_on) AS last_session_on
     FROM help_seekers h JOIN session_logs l ON l.help_seeker_id = h.id
     WHERE l.peer_id = ? GROUP BY h.id ORDER BY h.code_year DESC, h.code_number DESC`,
    [peerId],
  );
}

export function allCodes(db: Database): Promise<Array<{ id: number; code: string; last_session_on: string | null }>> {
  return db.all(
    `SELECT h.id, h.code, (SELECT max(held_on) FROM session_logs l WHERE l.help_seeker_id = h.id) AS last_session_on
     FROM help_seekers h ORDER BY h.code_year DESC, h.code_number DESC`,
  );
}

/** Whether this help-seeker appears in any of the peer's logs. */
export async function inPeerLogs(db: Database, helpSeekerId: number, peerId: number): Promise<boolean> {
  const row = await db.get('SELECT 1 AS x FROM session_logs WHERE help_seeker_id = ? AND peer_id = ? LIMIT 1', [helpSeekerId, peerId]);
  return row !== undefined;
}
