import type { Database } from '../db/database';
import type { ModuleRevision, Page, TrainingModule, TrainingRecord, TrainingSession } from '../../../src/contract';
import { pageOf } from './paging';

interface ModuleRow {
  id: number;
  title_id: string;
  title_en: string;
  description_id: string;
  description_en: string;
  hours: number;
  required: number;
  refresher_months: number | null;
  position: number;
  retired_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

function toModule(row: ModuleRow): TrainingModule {
  return {
    id: row.id,
    titleId: row.title_id,
    titleEn: row.title_en,
    descriptionId: row.description_id,
    descriptionEn: row.description_en,
    hours: row.hours,
    required: row.required === 1,
    refresherMonths: row.refresher_months,
    position: row.position,
    retired: row.retired_at !== null,
    retiredAt: row.retired_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listModules(db: Database): Promise<TrainingModule[]> {
  const rows = await db.all<ModuleRow>('SELECT * FROM training_modules ORDER BY position, id');
  return rows.map(toModule);
}

export async function findModule(db: Database, id: number): Promise<TrainingModule | undefined> {
  const row = await db.get<ModuleRow>('SELECT * FROM training_modules WHERE id = ?', [id]);
  return row ? toModule(row) : undefined;
}

export interface ModuleFields {
  titleId: string;
  titleEn: string;
  descriptionId: string;
  descriptionEn: string;
  hours: number;
  required: boolean;
  refresherMonths: number | null;
}

export async function insertModule(db: Database, fields: ModuleFields, now: string): Promise<number> {
  const next = await db.get<{ p: number }>('SELECT coalesce(max(position), 0) + 1 AS p FROM training_modules');
  const result = await db.run(
    `INSERT INTO training_modules
       (title_id, title_en, description_id, description_en, hours, required, refresher_months, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      fields.titleId,
      fields.titleEn,
      fields.descriptionId,
      fields.descriptionEn,
      fields.hours,
      fields.required ? 1 : 0,
      fields.refresherMonths,
      next?.p ?? 1,
      now,
      now,
    ],
  );
  return result.lastInsertRowid;
}

export async function updateModule(db: Database, id: number, expectedVersion: number, fields: ModuleFields, now: string): Promise<boolean> {
  const result = await db.run(
    `UPDATE training_modules SET title_id = ?, title_en = ?, description_id = ?, description_en = ?, hours = ?, required = ?,
       refresher_months = ?, version = version + 1, updated_at = ?
     WHERE id = ? AND version = ?`,
    [
      fields.titleId,
      fields.titleEn,
      fields.descriptionId,
      fields.descriptionEn,
      fields.hours,
      fields.required ? 1 : 0,
      fields.refresherMonths,
      now,
      id,
      expectedVersion,
    ],
  );
  return result.changes === 1;
}

export async function setModuleRetired(db: Database, id: number, expectedVersion: number, retiredAt: string | null, now: string): Promise<boolean> {
  const result = await db.run(
    'UPDATE training_modules SET retired_at = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?',
    [retiredAt, now, id, expectedVersion],
  );
  return result.changes === 1;
}

export async function insertRevision(
  db: Database,
  module: TrainingModule,
  change: ModuleRevision['change'],
  byUserId: number,
  now: string,
): Promise<void> {
  const snapshot = {
    titleId: module.titleId,
    titleEn: module.titleEn,
    hours: module.hours,
    required: module.required,
    refresherMonths: module.refresherMonths,
  };
  await db.run(
    'INSERT INTO training_module_revisions (module_id, change, changed_at, changed_by_user_id, snapshot) VALUES (?, ?, ?, ?, ?)',
    [module.id, change, now, byUserId, JSON.stringify(snapshot)],
  );
}

export async function listRevisions(db: Database, moduleId: number): Promise<ModuleRevision[]> {
  const rows = await db.all<{ id: number; change: ModuleRevision['change']; changed_at: string; name: string | null; snapshot: string }>(
    `SELECT r.id, r.change, r.changed_at, u.full_name AS name, r.snapshot
     FROM training_module_revisions r LEFT JOIN users u ON u.id = r.changed_by_user_id
     WHERE r.module_id = ? ORDER BY r.id DESC`,
    [moduleId],
  );
  return rows.map((r) => {
    const s = JSON.parse(r.snapshot) as Pick<ModuleRevision, 'titleId' | 'titleEn' | 'hours' | 'required' | 'refresherMonths'>;
    return { id: r.id, change: r.change, changedAt: r.changed_at, changedByName: r.name, ...s };
  });
}

// ---- records ----

interface RecordRow {
  id: number;
  peer_id: number;
  module_id: number;
  session_id: number | null;
  attended_on: string;
  hours: number;
  trainer: string;
  completed: number;
  score: number | null;
}

export interface PeerTrainingRecord extends TrainingRecord {
  peerId: number;
}

function toRecord(row: RecordRow): PeerTrainingRecord {
  return {
    id: row.id,
    peerId: row.peer_id,
    moduleId: row.module_id,
    sessionId: row.session_id,
    attendedOn: row.attended_on,
    hours: row.hours,
    trainer: row.trainer,
    completed: row.completed === 1,
    score: row.score,
  };
}

export async function listRecordsForPeer(db: Database, peerId: number): Promise<PeerTrainingRecord[]> {
  const rows = await db.all<RecordRow>('SELECT * FROM training_records WHERE peer_id = ? ORDER BY attended_on DESC, id DESC', [peerId]);
  return rows.map(toRecord);
}

/** Bound parameters per statement, well under SQLite's limit, for the export's long lists of peers. */
const idsPerStatement = 500;

/** The records of these peers: one query for a page of the roster, a few for an export of all of it. */
export async function listRecordsForPeers(db: Database, peerIds: readonly number[]): Promise<PeerTrainingRecord[]> {
  const records: PeerTrainingRecord[] = [];
  for (let start = 0; start < peerIds.length; start += idsPerStatement) {
    const ids = peerIds.slice(start, start + idsPerStatement);
    const rows = await db.all<RecordRow>(`SELECT * FROM training_records WHERE peer_id IN (${ids.map(() => '?').join(', ')}) ORDER BY attended_on, id`, ids);
    records.push(...rows.map(toRecord));
  }
  return records;
}

export async function findRecord(db: Database, id: number): Promise<PeerTrainingRecord | undefined> {
  const row = await db.get<RecordRow>('SELECT * FROM training_records WHERE id = ?', [id]);
  return row ? toRecord(row) : undefined;
}

export interface NewRecord {
  peerId: number;
  moduleId: number;
  sessionId: number | null;
  attendedOn: string;
  hours: number;
  trainer: string;
  completed: boolean;
  score: number | null;
}

export async function insertRecord(db: Database, record: NewRecord, byUserId: number, now: string): Promise<number> {
  const result = await db.run(
    `INSERT INTO training_records (peer_id, module_id, session_id, attended_on, hours, trainer, completed, score, created_at, created_by_user_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      record.peerId,
      record.moduleId,
      record.sessionId,
      record.attendedOn,
      record.hours,
      record.trainer,
      record.completed ? 1 : 0,
      record.score,
      now,
      byUserId,
    ],
  );
  return result.lastInsertRowid;
}

export async function deleteRecord(db: Database, id: number): Promise<void> {
  await db.run('DELETE FROM training_records WHERE id = ?', [id]);
}

// ---- group sessions ----

export async function insertSession(
  db: Database,
  session: { moduleId: number; heldOn: string; hours: number; trainer: string; notes: string },
  byUserId: number,
  now: string,
): Promise<number> {
  const result = await db.run(
    `INSERT INTO training_sessions (module_id, held_on, hours, trainer, notes, created_at, created_by_user_id)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [session.moduleId, session.heldOn, session.hours, session.trainer, session.notes, now, byUserId],
  );
  return result.lastInsertRowid;
}

/** One page of group training sessions, newest first, each with its attendees (one query for the page's). */
export async function pageSessions(db: Database, page: Page): Promise<{ sessions: TrainingSession[]; total: number }> {
  const { rows, total } = await pageOf<{ id: number; module_id: number; held_on: string; hours: number; trainer: string; notes: string; created_at: string }>(
    db,
    { select: 'SELECT *', from: 'FROM training_sessions', params: [], orderBy: 'held_on DESC, id DESC' },
    page,
  );
  if (rows.length === 0) return { sessions: [], total };
  const attendees = await db.all<{ session_id: number; peer_id: number; full_name: string; completed: number; score: number | null }>(
    `SELECT r.session_id, r.peer_id, p.full_name, r.completed, r.score
     FROM training_records r JOIN peers p ON p.id = r.peer_id
     WHERE r.session_id IN (${rows.map(() => '?').join(', ')}) ORDER BY p.full_name COLLATE NOCASE`,
    rows.map((s) => s.id),
  );
  const bySession = new Map<number, TrainingSession['attendees']>(rows.map((s) => [s.id, []]));
  for (const a of attendees) bySession.get(a.session_id)?.push({ peerId: a.peer_id, fullName: a.full_name, completed: a.completed === 1, score: a.score });
  return {
    sessions: rows.map((s) => ({
      id: s.id,
      moduleId: s.module_id,
      heldOn: s.held_on,
      hours: s.hours,
      trainer: s.trainer,
      notes: s.notes,
      createdAt: s.created_at,
      attendees: bySession.get(s.id) ?? [],
    })),
    total,
  };
}
