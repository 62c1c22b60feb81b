import { createHash } from 'node:crypto';
import type { Database } from '../db/database';
import { auditDetailRefs, auditRecordKinds, type AuditAction, type AuditEntry, type AuditRecordKind, type AuditRef, type AuditVerification } from '../../../src/contract';

/**
 * The audit log is a hash chain: each entry's hash covers its own fields and
 * the previous entry's hash, so an edited, inserted or deleted row breaks every
 * hash after it. Triggers also refuse UPDATE and DELETE.
 */
export const genesisHash = '0'.repeat(64);

export type AuditDetails = AuditEntry['details'];

export interface NewAuditEntry {
  at: string;
  actorUserId: number | null;
  actorName: string | null;
  action: AuditAction;
  target: string | null;
  details: AuditDetails;
}

interface AuditRow {
  id: number;
  at: string;
  actor_user_id: number | null;
  actor_name: string | null;
  action: string;
  target: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export function entryHash(prevHash: string, row: Omit<AuditRow, 'prev_hash' | 'hash'>): string {
  return createHash('sha256')
    .update(JSON.stringify([prevHash, row.id, row.at, row.actor_user_id, row.actor_name, row.action, row.target, row.details]))
    .digest('hex');
}

export async function appendAudit(db: Database, entry: NewAuditEntry): Promise<void> {
  const last = await db.get<{ id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const row = {
    id: (last?.id ?? 0) + 1,
    at: entry.at,
    actor_user_id: entry.actorUserId,
    actor_name: entry.actorName,
    action: entry.action,
    target: entry.target,
    details: JSON.stringify(entry.details),
  };
  const prevHash = last?.hash ?? genesisHash;
  await db.run(
    `INSERT INTO audit_log (id, at, actor_user_id, actor_name, action, target, details, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [row.id, row.at, row.actor_user_id, row.actor_name, row.action, row.target, row.details, prevHash, entryHash(prevHash, row)],
  );
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    action: row.action,
    target: row.target,
    details: JSON.parse(row.details) as AuditDetails,
  };
}

export async function listAudit(
  db: Database,
  query: { beforeId?: number | undefined; limit: number; action?: string | undefined },
): Promise<{ entries: AuditEntry[]; hasMore: boolean; refs: Record<string, AuditRef> }> {
  // Only the conditions asked for, so SQLite can use the primary key or audit_log_action(action, id):
  // `(? IS NULL OR …)` would read every entry for a deep page or a rare action.
  const where: string[] = [];
  const params: Array<string | number> = [];
  if (query.beforeId !== undefined) {
    where.push('id < ?');
    params.push(query.beforeId);
  }
  if (query.action !== undefined) {
    where.push('action = ?');
    params.push(query.action);
  }
  const rows = await db.all<AuditRow>(
    `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
    [...params, query.limit + 1],
  );
  const entries = rows.slice(0, query.limit).map(toEntry);
  return { entries, hasMore: rows.length > query.limit, refs: await resolveAuditRefs(db, entries) };
}

/**
 * For each kind, the query that names its records: `?` stands for the ids of a page. One query
 * per kind named on the page, never one per entry, so a page of 100 costs a handful of reads.
 */
const refQueries: Record<AuditRecordKind, string> = {
  case: 'SELECT c.id, h.code AS label FROM cases c JOIN help_seekers h ON h.id = c.help_seeker_id WHERE c.id IN (?)',
  'session-log': 'SELECT l.id, h.code AS label FROM session_logs l LEFT JOIN help_seekers h ON h.id = l.help_seeker_id WHERE l.id IN (?)',
  'help-seeker': 'SELECT id, code AS label FROM help_seekers WHERE id IN (?)',
  peer: 'SELECT id, full_name AS label FROM peers WHERE id IN (?)',
  user: 'SELECT id, full_name AS label FROM users WHERE id IN (?)',
  module: "SELECT id, coalesce(nullif(title_id, ''), title_en) AS label, coalesce(nullif(title_en, ''), title_id) AS label_en FROM training_modules WHERE id IN (?)",
  'training-session':
    "SELECT s.id, coalesce(nullif(m.title_id, ''), m.title_en) AS label, coalesce(nullif(m.title_en, ''), m.title_id) AS label_en, s.held_on AS day FROM training_sessions s JOIN training_modules m ON m.id = s.module_id WHERE s.id IN (?)",
  outreach: 'SELECT id, title AS label, held_on AS day FROM outreach_events WHERE id IN (?)',
  referral: 'SELECT r.id, s.name AS label FROM referrals r JOIN referral_services s ON s.id = r.service_id WHERE r.id IN (?)',
  'referral-service': 'SELECT id, name AS label FROM referral_services WHERE id IN (?)',
  'supervision-group': 'SELECT id, name AS label FROM supervision_groups WHERE id IN (?)',
  'supervision-meeting':
    'SELECT m.id, g.name AS label, m.held_on AS day FROM supervision_meetings m LEFT JOIN supervision_groups g ON g.id = m.group_id WHERE m.id IN (?)',
  'action-item': 'SELECT a.id, NULL AS label, m.held_on AS day FROM action_items a JOIN supervision_meetings m ON m.id = a.meeting_id WHERE a.id IN (?)',
  evaluation: 'SELECT e.id, p.full_name AS label, e.evaluated_on AS day FROM peer_evaluations e JOIN peers p ON p.id = e.peer_id WHERE e.id IN (?)',
  outcome: 'SELECT m.id, h.code AS label, m.measured_on AS day FROM outcome_measures m JOIN help_seekers h ON h.id = m.help_seeker_id WHERE m.id IN (?)',
};

const isRecordKind = (kind: string): kind is AuditRecordKind => (auditRecordKinds as readonly string[]).includes(kind);

/** Every `kind:id` a page's entries name: targets, actors, and the details that hold ids. */
function namedRecords(entries: AuditEntry[]): Map<AuditRecordKind, Set<number>> {
  const named = new Map<AuditRecordKind, Set<number>>();
  const add = (kind: string, value: unknown) => {
    const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
    if (!isRecordKind(kind) || !Number.isSafeInteger(id)) return;
    let ids = named.get(kind);
    if (!ids) named.set(kind, (ids = new Set()));
    ids.add(id);
  };
  for (const entry of entries) {
    if (entry.actorUserId !== null) add('user', entry.actorUserId);
    if (entry.target) {
      const colon = entry.target.indexOf(':');
      add(entry.target.slice(0, colon), entry.target.slice(colon + 1));
    }
    const refs = auditDetailRefs[entry.action as AuditAction] ?? {};
    for (const [field, kind] of Object.entries(refs)) {
      const value = entry.details[field];
      for (const one of Array.isArray(value) ? value : [value]) add(kind, one);
    }
  }
  return named;
}

export async function resolveAuditRefs(db: Database, entries: AuditEntry[]): Promise<Record<string, AuditRef>> {
  const refs: Record<string, AuditRef> = {};
  for (const [kind, idSet] of namedRecords(entries)) {
    const ids = [...idSet];
    const rows = await db.all<{ id: number; label: string | null; label_en?: string | null; day?: string | null }>(
      refQueries[kind].replace('(?)', `(${ids.map(() => '?').join(', ')})`),
      ids,
    );
    for (const row of rows) refs[`${kind}:${row.id}`] = { label: row.label, labelEn: row.label_en ?? null, on: row.day ?? null };
  }
  return refs;
}

/** An entry of the chain known to be intact, from which a later check can go on. */
export interface ChainPoint {
  id: number;
  hash: string;
}

/** Walks the chain in order and names the first entry whose hash does not follow. */
export async function verifyAuditChain(db: Database, batchSize = 2000, onBatch?: (checked: number) => void): Promise<AuditVerification> {
  return (await verifyAuditChainFrom(db, null, batchSize, onBatch)).verification;
}

/** How many entries the chain has: its last id, since ids run 1, 2, 3… with no gap. */
export async function auditChainLength(db: Database): Promise<number> {
  return (await db.get<{ n: number }>('SELECT coalesce(max(id), 0) AS n FROM audit_log'))?.n ?? 0;
}

/**
 * The same walk from a point checked before (issue 12: the Audit log screen must not
 * re-hash ten years of entries each time it opens). The point itself is read again: an
 * entry rewritten there breaks the chain at it. `last` is where a later check can go on.
 */
export async function verifyAuditChainFrom(
  db: Database,
  from: ChainPoint | null,
  batchSize = 2000,
  /** After each batch, with the entries checked so far. */
  onBatch?: (checked: number) => void,
): Promise<{ verification: AuditVerification; last: ChainPoint | null }> {
  let prevHash = genesisHash;
  let expectedId = 1;
  let last: ChainPoint | null = null;
  if (from) {
    const point = await db.get<{ hash: string }>('SELECT hash FROM audit_log WHERE id = ?', [from.id]);
    if (point?.hash !== from.hash) return { verification: { ok: false, checked: 0, brokenAtId: from.id }, last: null };
    prevHash = from.hash;
    expectedId = from.id + 1;
    last = from;
  }
  let checked = 0;
  for (;;) {
    const rows = await db.all<AuditRow>('SELECT * FROM audit_log WHERE id >= ? ORDER BY id LIMIT ?', [expectedId, batchSize]);
    for (const row of rows) {
      const intact = row.id === expectedId && row.prev_hash === prevHash && row.hash === entryHash(prevHash, row);
      if (!intact) return { verification: { ok: false, checked, brokenAtId: row.id }, last: null };
      prevHash = row.hash;
      expectedId += 1;
      checked += 1;
      last = { id: row.id, hash: row.hash };
    }
    onBatch?.(checked);
    if (rows.length < batchSize) return { verification: { ok: true, checked, brokenAtId: null }, last };
  }
}
