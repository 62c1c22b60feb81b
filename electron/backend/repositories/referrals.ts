import type { Scope } from '../access/scope';
import type { Database } from '../db/database';
import type { ReferralService, ReferralServiceKind, ReferralStatus } from '../../../src/contract';

interface ServiceRow {
  id: number;
  kind: ReferralServiceKind;
  name: string;
  organisation: string;
  phone: string;
  notes: string;
  archived_at: string | null;
  version: number;
  updated_at: string;
}

function toService(row: ServiceRow): ReferralService {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    organisation: row.organisation,
    phone: row.phone,
    notes: row.notes,
    archived: row.archived_at !== null,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export async function listServices(db: Database): Promise<ReferralService[]> {
  const rows = await db.all<ServiceRow>('SELECT * FROM referral_services ORDER BY archived_at IS NOT NULL, kind, name COLLATE NOCASE');
  return rows.map(toService);
}

export async function findService(db: Database, id: number): Promise<ReferralService | undefined> {
  const row = await db.get<ServiceRow>('SELECT * FROM referral_services WHERE id = ?', [id]);
  return row ? toService(row) : undefined;
}

export interface ServiceFields {
  kind: ReferralServiceKind;
  name: string;
  organisation: string;
  phone: string;
  notes: string;
}

export async function insertService(db: Database, f: ServiceFields, now: string): Promise<number> {
  const result = await db.run(
    'INSERT INTO referral_services (kind, name, organisation, phone, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [f.kind, f.name, f.organisation, f.phone, f.notes, now, now],
  );
  return result.lastInsertRowid;
}

export async function updateService(
  db: Database,
  id: number,
  expectedVersion: number,
  f: ServiceFields & { archived: boolean },
  now: string,
): Promise<boolean> {
  const result = await db.run(
    `UPDATE referral_services SET kind = ?, name = ?, organisation = ?, phone = ?, notes = ?,
       archived_at = CASE WHEN ? THEN coalesce(archived_at, ?) ELSE NULL END, version = version + 1, updated_at = ?
     WHERE id = ? AND version = ?`,
    [f.kind, f.name, f.organisation, f.phone, f.notes, f.archived ? 1 : 0, now, now, id, expectedVersion],
  );
  return result.changes === 1;
}

export interface ReferralRow {
  id: number;
  case_id: number;
  help_seeker_code: string;
  service_id: number;
  service_name: string;
  service_kind: ReferralServiceKind;
  organisation: string;
  phone: string;
  referred_on: string;
  reason: string;
  consent_by: string | null;
  consent_on: string | null;
  override_reason: string | null;
  status: ReferralStatus;
  follow_up_on: string | null;
  created_by_name: string | null;
  created_at: string;
  version: number;
  updated_at: string;
}

const selectReferral = `
  SELECT r.*, h.code AS help_seeker_code, s.name AS service_name, s.kind AS service_kind, s.organisation, s.phone,
    u.full_name AS created_by_name
  FROM referrals r
  JOIN cases c ON c.id = r.case_id
  JOIN help_seekers h ON h.id = c.help_seeker_id
  JOIN referral_services s ON s.id = r.service_id
  LEFT JOIN users u ON u.id = r.created_by_user_id`;

/** A referral, when the case scope lets the caller see its case. */
export function findReferral(db: Database, scope: Scope<'cases'>, id: number): Promise<ReferralRow | undefined> {
  return db.get<ReferralRow>(`${selectReferral} WHERE ${scope.where} AND r.id = ?`, [...scope.params, id]);
}

export function referralsOfCase(db: Database, caseId: number): Promise<ReferralRow[]> {
  return db.all<ReferralRow>(`${selectReferral} WHERE r.case_id = ? ORDER BY r.id`, [caseId]);
}

/** Referrals on the cases the scope lets the caller see; with `followUp` only those still pending or accepted, by follow-up date. */
export function listReferrals(db: Database, scope: Scope<'cases'>, followUp: boolean): Promise<ReferralRow[]> {
  const where: string[] = [scope.where];
  if (followUp) where.push("r.status IN ('pending','accepted')");
  const order = followUp ? "coalesce(r.follow_up_on, '9999-12-31'), r.id" : 'r.referred_on DESC, r.id DESC';
  return db.all<ReferralRow>(`${selectReferral} WHERE ${where.join(' AND ')} ORDER BY ${order}`, scope.params);
}

export interface NewReferral {
  caseId: number;
  serviceId: number;
  referredOn: string;
  reason: string;
  consentBy: string | null;
  consentOn: string | null;
  overrideReason: string | null;
  followUpOn: string | null;
  byUserId: number;
}

export async function insertReferral(db: Database, r: NewReferral, now: string): Promise<number> {
  const result = await db.run(
    `INSERT INTO referrals (case_id, service_id, referred_on, reason, consent_by, consent_on, override_reason, status, follow_up_on,
       created_at, created_by_user_id, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)`,
    [r.caseId, r.serviceId, r.referredOn, r.reason, r.consentBy, r.consentOn, r.overrideReason, r.followUpOn, now, r.byUserId, now],
  );
  return result.lastInsertRowid;
}

export async function setReferralStatus(
  db: Database,
  id: number,
  expectedVersion: number,
  status: ReferralStatus,
  followUpOn: string | null | undefined,
  now: string,
): Promise<boolean> {
  const result =
    followUpOn === undefined
      ? await db.run('UPDATE referrals SET status = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?', [
          status,
          now,
          id,
          expectedVersion,
        ])
      : await db.run(
          'UPDATE referrals SET status = ?, follow_up_on = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?',
          [status, followUpOn, now, id, expectedVersion],
        );
  return result.changes === 1;
}

/** Referrals still pending or accepted whose follow-up date is on or before `day`, on these cases (all, when null). */
export async function countFollowUpsDue(db: Database, scope: Scope<'cases'>, day: string): Promise<number> {
  const row = await db.get<{ n: number }>(
    `SELECT count(*) AS n FROM referrals r JOIN cases c ON c.id = r.case_id
     WHERE r.status IN ('pending','accepted') AND r.follow_up_on IS NOT NULL AND r.follow_up_on <= ? AND ${scope.where}`,
    [day, ...scope.params],
  );
  return row?.n ?? 0;
}
