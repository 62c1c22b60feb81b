import type { Scope } from '../access/scope';
import type { Database } from '../db/database';
import type { Competency, MeasureOccasion, Page } from '../../../src/contract';
import { Conditions, pageOf } from './paging';

// ---------------------------------------------------------------- peer evaluations

export interface EvaluationRow {
  id: number;
  peer_id: number;
  peer_name: string;
  evaluated_on: string;
  evaluator_user_id: number;
  evaluator_name: string;
  comments: string;
  version: number;
  updated_at: string;
  /** JSON object competency → score. */
  scores: string;
  average: number;
}

const evaluationColumns = `
  SELECT e.*, p.full_name AS peer_name, u.full_name AS evaluator_name,
    (SELECT json_group_object(competency, score) FROM peer_evaluation_scores s WHERE s.evaluation_id = e.id) AS scores,
    (SELECT round(avg(score), 1) FROM peer_evaluation_scores s WHERE s.evaluation_id = e.id) AS average`;
const evaluationTables = 'FROM peer_evaluations e JOIN peers p ON p.id = e.peer_id JOIN users u ON u.id = e.evaluator_user_id';
const selectEvaluation = `${evaluationColumns} ${evaluationTables}`;

/** One evaluation, when the scope lets the caller see it. */
export function findEvaluation(db: Database, scope: Scope<'evaluations'>, id: number): Promise<EvaluationRow | undefined> {
  return db.get<EvaluationRow>(`${selectEvaluation} WHERE ${scope.where} AND e.id = ?`, [...scope.params, id]);
}

/** One page of the evaluations the scope lets the caller see, newest first, with how many match in all. */
export function pageEvaluations(
  db: Database,
  scope: Scope<'evaluations'>,
  filter: { peerId?: number | undefined; id?: number | undefined; text?: string | undefined },
  page: Page,
): Promise<{ rows: EvaluationRow[]; total: number }> {
  const where = new Conditions(scope).equals('e.peer_id', filter.peerId).equals('e.id', filter.id).containsText(filter.text, ['p.full_name', 'u.full_name']);
  return pageOf<EvaluationRow>(db, { select: evaluationColumns, from: `${evaluationTables} WHERE ${where.sql}`, params: where.params, orderBy: 'e.evaluated_on DESC, e.id DESC' }, page);
}

export async function insertEvaluation(
  db: Database,
  fields: { peerId: number; evaluatedOn: string; comments: string; evaluatorUserId: number },
  now: string,
): Promise<number> {
  const result = await db.run(
    'INSERT INTO peer_evaluations (peer_id, evaluated_on, evaluator_user_id, comments, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
    [fields.peerId, fields.evaluatedOn, fields.evaluatorUserId, fields.comments, now, now],
  );
  return result.lastInsertRowid;
}

export async function updateEvaluation(
  db: Database,
  id: number,
  expectedVersion: number,
  fields: { evaluatedOn: string; comments: string },
  now: string,
): Promise<boolean> {
  const result = await db.run(
    'UPDATE peer_evaluations SET evaluated_on = ?, comments = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?',
    [fields.evaluatedOn, fields.comments, now, id, expectedVersion],
  );
  return result.changes === 1;
}

export async function setScores(db: Database, evaluationId: number, scores: Readonly<Record<Competency, number>>): Promise<void> {
  for (const [competency, score] of Object.entries(scores)) {
    await db.run(
      `INSERT INTO peer_evaluation_scores (evaluation_id, competency, score) VALUES (?, ?, ?)
       ON CONFLICT (evaluation_id, competency) DO UPDATE SET score = excluded.score`,
      [evaluationId, competency, score],
    );
  }
}

/** Each peer's latest evaluation (day and average) and how many they had between two days. */
export function evaluationStandingRows(
  db: Database,
  from: string,
  to: string,
): Promise<Array<{ peer_id: number; last_on: string | null; last_average: number | null; in_term: number }>> {
  return db.all(
    `SELECT p.id AS peer_id,
       (SELECT max(evaluated_on) FROM peer_evaluations e WHERE e.peer_id = p.id) AS last_on,
       (SELECT round(avg(s.score), 1) FROM peer_evaluation_scores s WHERE s.evaluation_id =
          (SELECT e.id FROM peer_evaluations e WHERE e.peer_id = p.id ORDER BY e.evaluated_on DESC, e.id DESC LIMIT 1)) AS last_average,
       (SELECT count(*) FROM peer_evaluations e WHERE e.peer_id = p.id AND e.evaluated_on BETWEEN ? AND ?) AS in_term
     FROM peers p WHERE p.status = 'active'`,
    [from, to],
  );
}

// ---------------------------------------------------------------- outcome measures

export interface MeasureRow {
  id: number;
  help_seeker_id: number;
  help_seeker_code: string;
  instrument: string;
  occasion: MeasureOccasion;
  measured_on: string;
  recorded_by_name: string | null;
  /** JSON object item → answer. */
  answers: string;
  raw: number;
}

/**
 * One page of help-seekers that have measures (newest code first) with every measure of each:
 * the page is chosen over help-seekers, so a help-seeker's measures are never split across pages.
 */
export async function pageMeasures(
  db: Database,
  scope: Scope<'outcomes'>,
  filter: { helpSeekerId?: number | undefined; text?: string | undefined },
  page: Page,
): Promise<{ rows: MeasureRow[]; total: number }> {
  const where = new Conditions(scope).equals('m.help_seeker_id', filter.helpSeekerId).codeBeginsWith(filter.text);
  const params = where.params;
  const tables = 'FROM outcome_measures m JOIN help_seekers h ON h.id = m.help_seeker_id';
  const conditions = where.sql;
  // Help-seekers in the order of their code's index, each kept when it has a measure: a page reads
  // about its own rows, where grouping every measure first sorted all of them (52 ms at district scale).
  const seekers = await db.all<{ id: number }>(
    `SELECT h.id FROM help_seekers h WHERE EXISTS (SELECT 1 FROM outcome_measures m WHERE m.help_seeker_id = h.id AND ${conditions})
     ORDER BY h.code_year DESC, h.code_number DESC LIMIT ? OFFSET ?`,
    [...params, page.limit, page.offset],
  );
  const counted = await db.get<{ n: number }>(`SELECT count(DISTINCT m.help_seeker_id) AS n ${tables} WHERE ${conditions}`, params);
  if (seekers.length === 0) return { rows: [], total: counted?.n ?? 0 };
  const rows = await db.all<MeasureRow>(
    `SELECT m.id, m.help_seeker_id, h.code AS help_seeker_code, m.instrument, m.occasion, m.measured_on, u.full_name AS recorded_by_name,
       (SELECT json_group_object(item, score) FROM outcome_measure_items i WHERE i.measure_id = m.id) AS answers,
       (SELECT coalesce(sum(score), 0) FROM outcome_measure_items i WHERE i.measure_id = m.id) AS raw
     ${tables} LEFT JOIN users u ON u.id = m.created_by_user_id
     WHERE ${conditions} AND m.help_seeker_id IN (${seekers.map(() => '?').join(', ')})
     ORDER BY h.code_year DESC, h.code_number DESC, m.instrument, m.occasion = 'follow_up', m.measured_on, m.id`,
    [...params, ...seekers.map((row) => row.id)],
  );
  return { rows, total: counted?.n ?? 0 };
}

export function findMeasure(db: Database, id: number): Promise<{ id: number; help_seeker_id: number; occasion: MeasureOccasion; instrument: string } | undefined> {
  return db.get('SELECT id, help_seeker_id, occasion, instrument FROM outcome_measures WHERE id = ?', [id]);
}

export function firstContactOn(db: Database, helpSeekerId: number, instrument: string): Promise<string | undefined> {
  return db
    .get<{ measured_on: string }>("SELECT measured_on FROM outcome_measures WHERE help_seeker_id = ? AND instrument = ? AND occasion = 'first_contact'", [
      helpSeekerId,
      instrument,
    ])
    .then((row) => row?.measured_on);
}

export function earliestFollowUpOn(db: Database, helpSeekerId: number, instrument: string): Promise<string | undefined> {
  return db
    .get<{ d: string | null }>("SELECT min(measured_on) AS d FROM outcome_measures WHERE help_seeker_id = ? AND instrument = ? AND occasion = 'follow_up'", [
      helpSeekerId,
      instrument,
    ])
    .then((row) => row?.d ?? undefined);
}

export async function insertMeasure(
  db: Database,
  fields: { helpSeekerId: number; instrument: string; occasion: MeasureOccasion; measuredOn: string; answers: Readonly<Record<string, number>> },
  byUserId: number,
  now: string,
): Promise<number> {
  const result = await db.run(
    'INSERT INTO outcome_measures (help_seeker_id, instrument, occasion, measured_on, created_at, created_by_user_id) VALUES (?, ?, ?, ?, ?, ?)',
    [fields.helpSeekerId, fields.instrument, fields.occasion, fields.measuredOn, now, byUserId],
  );
  for (const [item, score] of Object.entries(fields.answers)) {
    await db.run('INSERT INTO outcome_measure_items (measure_id, item, score) VALUES (?, ?, ?)', [result.lastInsertRowid, item, score]);
  }
  return result.lastInsertRowid;
}

export async function deleteMeasure(db: Database, id: number): Promise<boolean> {
  const result = await db.run('DELETE FROM outcome_measures WHERE id = ?', [id]);
  return result.changes === 1;
}

// ---------------------------------------------------------------- feedback

export async function insertFeedback(
  db: Database,
  fields: { givenOn: string; helpful: number; feltHeard: number; wouldRecommend: number; comment: string },
): Promise<void> {
  await db.run('INSERT INTO session_feedback (given_on, helpful, felt_heard, would_recommend, comment) VALUES (?, ?, ?, ?, ?)', [
    fields.givenOn,
    fields.helpful,
    fields.feltHeard,
    fields.wouldRecommend,
    fields.comment,
  ]);
}

export function listFeedback(
  db: Database,
  from: string,
  to: string,
): Promise<Array<{ id: number; given_on: string; helpful: number; felt_heard: number; would_recommend: number; comment: string }>> {
  return db.all('SELECT * FROM session_feedback WHERE given_on BETWEEN ? AND ? ORDER BY given_on DESC, id DESC', [from, to]);
}
