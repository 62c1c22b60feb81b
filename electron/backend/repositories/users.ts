import type { Database } from '../db/database';
import type { AccountKind, Language, Page, Role, SortDirection, UserSort, UserSummary } from '../../../src/contract';
import { Conditions, pageOf, sqlDirection } from './paging';

export interface UserRow {
  id: number;
  username: string;
  full_name: string;
  role: Role;
  status: 'active' | 'disabled' | 'removed';
  language: Language;
  peer_id: number | null;
  peer_name: string | null;
  pin_hash: string | null;
  pin_failed_count: number;
  pin_locked_until: string | null;
  must_change_password: number;
  last_sign_in_at: string | null;
  created_at: string;
  updated_at: string;
}

const userColumns = 'SELECT u.*, p.full_name AS peer_name';
const userTables = 'FROM users u LEFT JOIN peers p ON p.id = u.peer_id';
const selectUser = `${userColumns} ${userTables}`;

/**
 * A peer account's name is the peer's name in the roster; the copy made when the
 * account was created goes stale when the coordinator corrects the roster.
 */
export function displayName(row: UserRow): string {
  return row.peer_name ?? row.full_name;
}

export function toUserSummary(row: UserRow): UserSummary {
  return {
    id: row.id,
    username: row.username,
    fullName: displayName(row),
    role: row.role,
    status: row.status === 'disabled' ? 'disabled' : 'active',
    peerId: row.peer_id,
    peerName: row.peer_name,
    mustChangePassword: row.must_change_password === 1,
    lastSignInAt: row.last_sign_in_at,
    createdAt: row.created_at,
  };
}

export function findUserById(db: Database, id: number): Promise<UserRow | undefined> {
  return db.get<UserRow>(`${selectUser} WHERE u.id = ? AND u.status != 'removed'`, [id]);
}

export function findUserByUsername(db: Database, username: string): Promise<UserRow | undefined> {
  return db.get<UserRow>(`${selectUser} WHERE u.username = ? AND u.status != 'removed'`, [username]);
}

/** Every account not removed: for the key-slot checks, which need them all. */
export function listUsers(db: Database): Promise<UserRow[]> {
  return db.all<UserRow>(`${selectUser} WHERE u.status != 'removed' ORDER BY u.role, u.full_name COLLATE NOCASE`);
}

export interface UserFilter {
  kind?: AccountKind | undefined;
  status?: 'active' | 'disabled' | undefined;
  text?: string | undefined;
}

/** The name the screen shows (displayName), in SQL, so it sorts and matches as it reads. */
const shownName = 'coalesce(p.full_name, u.full_name)';

/** Each sort ends in the name and the id, so pages never overlap. */
function userOrder(sort: UserSort, direction: SortDirection): string {
  const d = sqlDirection(direction);
  const byName = `${shownName} COLLATE NOCASE, u.id`;
  switch (sort) {
    case 'fullName':
      return `${shownName} COLLATE NOCASE ${d}, u.id ${d}`;
    case 'username':
      return `u.username ${d}, u.id ${d}`;
    case 'role':
      return `u.role ${d}, ${byName}`;
    case 'lastSignInAt':
      // Accounts that never signed in come last either way.
      return `u.last_sign_in_at IS NULL, u.last_sign_in_at ${d}, ${byName}`;
  }
}

/**
 * One page of the accounts, removed ones never, with how many match in all. A school has tens of
 * staff and up to a thousand peer accounts over the years: too few for an index to beat a scan.
 */
export function pageUsers(db: Database, filter: UserFilter, order: { sort: UserSort; direction: SortDirection }, page: Page): Promise<{ rows: UserRow[]; total: number }> {
  const where = new Conditions({ where: "u.status != 'removed'", params: [] })
    .equals('u.status', filter.status)
    .containsText(filter.text, [shownName, 'u.username']);
  if (filter.kind) where.add(filter.kind === 'peer' ? "u.role = 'peer'" : "u.role != 'peer'");
  return pageOf<UserRow>(
    db,
    { select: userColumns, from: `${userTables} WHERE ${where.sql}`, params: where.params, orderBy: userOrder(order.sort, order.direction) },
    page,
  );
}

/** Every user ever, removed ones included, to name the actor of old audit entries. */
export function listAllUsernames(db: Database): Promise<Array<{ id: number; username: string }>> {
  return db.all('SELECT id, username FROM users');
}

export function countActiveCoordinators(db: Database): Promise<number> {
  return db
    .get<{ n: number }>("SELECT count(*) AS n FROM users WHERE role = 'coordinator' AND status = 'active'")
    .then((r) => r?.n ?? 0);
}

export interface NewUser {
  username: string;
  fullName: string;
  role: Role;
  language: Language;
  peerId: number | null;
  pinHash: string | null;
  mustChangePassword: boolean;
  now: string;
}

export async function insertUser(db: Database, user: NewUser): Promise<number> {
  const result = await db.run(
    `INSERT INTO users (username, full_name, role, status, language, peer_id, pin_hash, must_change_password, created_at, updated_at)
     VALUES (?, ?, ?, 'active', ?, ?, ?, ?, ?, ?)`,
    [user.username, user.fullName, user.role, user.language, user.peerId, user.pinHash, user.mustChangePassword ? 1 : 0, user.now, user.now],
  );
  return result.lastInsertRowid;
}

export async function setUserStatus(db: Database, id: number, status: UserRow['status'], now: string): Promise<void> {
  await db.run('UPDATE users SET status = ?, updated_at = ? WHERE id = ?', [status, now, id]);
}

export async function setMustChangePassword(db: Database, id: number, value: boolean, now: string): Promise<void> {
  await db.run('UPDATE users SET must_change_password = ?, updated_at = ? WHERE id = ?', [value ? 1 : 0, now, id]);
}

export async function setLanguage(db: Database, id: number, language: Language): Promise<void> {
  await db.run('UPDATE users SET language = ? WHERE id = ?', [language, id]);
}

export async function recordSignIn(db: Database, id: number, now: string): Promise<void> {
  await db.run('UPDATE users SET last_sign_in_at = ?, pin_failed_count = 0, pin_locked_until = NULL WHERE id = ?', [now, id]);
}

export async function setPinHash(db: Database, id: number, pinHash: string, now: string): Promise<void> {
  await db.run('UPDATE users SET pin_hash = ?, pin_failed_count = 0, pin_locked_until = NULL, updated_at = ? WHERE id = ?', [
    pinHash,
    now,
    id,
  ]);
}

export async function recordPinFailure(db: Database, id: number, lockedUntil: string | null): Promise<void> {
  await db.run('UPDATE users SET pin_failed_count = pin_failed_count + 1, pin_locked_until = ? WHERE id = ?', [lockedUntil, id]);
}

export function countUsers(db: Database): Promise<{ staff: number; peers: number }> {
  return db
    .get<{ staff: number; peers: number }>(
      `SELECT sum(role != 'peer') AS staff, sum(role = 'peer') AS peers FROM users WHERE status != 'removed'`,
    )
    .then((r) => ({ staff: r?.staff ?? 0, peers: r?.peers ?? 0 }));
}
