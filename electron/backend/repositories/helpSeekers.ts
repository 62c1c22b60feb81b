import type { Scope } from '../access/scope';
import type { Database } from '../db/database';
import type { HelpSeekerIdentity, HelpSeekerIdentityInput, Page } from '../../../src/contract';
import { Conditions, pageOf } from './paging';

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
 * One page of help-seekers, newest code first (read off the UNIQUE (code_year, code_number)
 * index), with their figures worked out for the page's rows only; the sessions counted are
 * those the caller may see of them (`logScope`). `text` finds a code by its beginning;
 * `onlyId` reads one row the same way.
 */
export function pageHelpSeekers(
  db: Database,
  scope: Scope<'helpSeekers'>,
  logScope: Scope<'sessionLogs'>,
  filter: { text?: string | undefined; onlyId?: number | undefined },
  page: Page,
): Promise<{ rows: HelpSeekerListRow[]; total: number }> {
  const where = new Conditions(scope).equals('h.id', filter.onlyId).codeBeginsWith(filter.text);
  return pageOf<HelpSeekerListRow>(
    db,
    {
      select: `SELECT h.id, h.code, h.created_at,
         (SELECT count(*) FROM session_logs l WHERE l.help_seeker_id = h.id AND ${logScope.where}) AS logs,
         (SELECT max(l.held_on) FROM session_logs l WHERE l.help_seeker_id = h.id AND ${logScope.where}) AS last_session_on,
         (SELECT count(*) FROM cases oc WHERE oc.help_seeker_id = h.id AND oc.status != 'closed') AS open_cases,
         EXISTS (SELECT 1 FROM help_seeker_identities i WHERE i.help_seeker_id = h.id) AS has_identity`,
      from: `FROM help_seekers h WHERE ${where.sql}`,
      // The select's parameters come first in the statement, then the WHERE's.
      params: where.params,
      orderBy: 'h.code_year DESC, h.code_number DESC',
      selectParams: [...logScope.params, ...logScope.params],
    },
    page,
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

