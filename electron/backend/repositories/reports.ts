import type { Database } from '../db/database';
import type { CaseSeverity, OutreachKind, ReferralStatus, SessionTopic } from '../../../src/contract';
import type { Period } from '../domain/terms';

/**
 * The term report's figures (issue 5), each one query over the vault: nothing
 * is counted ahead of time, so a figure cannot drift from the records. Each
 * takes a term's Period (domain/terms.ts).
 */

/**
 * A median and the largest value of `value` over the rows of `source`, in SQL (window functions).
 * MATERIALIZED: the rows are read three times, and computing them once halves the review-time
 * figure over a term of 50k logs (bench/reports.bench.ts).
 */
const medianAndMax = (source: string) => `
  ordered AS MATERIALIZED (SELECT value, row_number() OVER (ORDER BY value) AS rn, count(*) OVER () AS n FROM (${source})),
  summary AS (
    SELECT (SELECT avg(value) FROM ordered WHERE rn IN ((n + 1) / 2, (n + 2) / 2)) AS median, (SELECT max(value) FROM ordered) AS worst
  )`;

export interface SessionFigures {
  total: number;
  group_sessions: number;
  students_in_groups: number;
  help_seekers: number;
  new_help_seekers: number;
  escalated: number;
}

/** Submitted logs (anything but a draft) held in the period. */
export async function sessionFigures(db: Database, p: Period): Promise<SessionFigures> {
  const row = await db.get<SessionFigures>(
    `SELECT count(*) AS total,
       coalesce(sum(l.mode = 'group'), 0) AS group_sessions,
       coalesce(sum(CASE WHEN l.mode = 'group' THEN l.group_size END), 0) AS students_in_groups,
       count(DISTINCT l.help_seeker_id) AS help_seekers,
       count(DISTINCT CASE WHEN NOT EXISTS (
         SELECT 1 FROM session_logs e WHERE e.help_seeker_id = l.help_seeker_id AND e.status != 'draft' AND e.held_on < ?
       ) THEN l.help_seeker_id END) AS new_help_seekers,
       coalesce(sum(EXISTS (SELECT 1 FROM case_logs cl WHERE cl.log_id = l.id)), 0) AS escalated
     FROM session_logs l
     WHERE l.held_on BETWEEN ? AND ? AND l.status != 'draft'`,
    [p.from, p.from, p.to],
  );
  return row!;
}

/** Sessions per week, the week named by its Monday. Weeks without sessions are not in the result. */
export function sessionsPerWeek(db: Database, p: Period): Promise<Array<{ week_start: string; sessions: number }>> {
  return db.all(
    `SELECT date(held_on, '-6 days', 'weekday 1') AS week_start, count(*) AS sessions
     FROM session_logs WHERE held_on BETWEEN ? AND ? AND status != 'draft'
     GROUP BY week_start ORDER BY week_start`,
    [p.from, p.to],
  );
}

export function topicCounts(db: Database, p: Period): Promise<Array<{ topic: SessionTopic; sessions: number }>> {
  return db.all(
    `SELECT t.topic, count(*) AS sessions
     FROM session_logs l JOIN session_log_topics t ON t.log_id = l.id
     WHERE l.held_on BETWEEN ? AND ? AND l.status != 'draft'
     GROUP BY t.topic`,
    [p.from, p.to],
  );
}

/** Cases opened in the period, by their severity now. */
export function casesOpened(db: Database, p: Period): Promise<Array<{ severity: CaseSeverity; n: number }>> {
  return db.all('SELECT severity, count(*) AS n FROM cases WHERE opened_at >= ? AND opened_at < ? GROUP BY severity', [p.fromIso, p.toIso]);
}

export interface TimeFigures {
  done: number;
  waiting: number;
  median_hours: number | null;
  worst_hours: number | null;
}

/** Logs first submitted in the period: hours from that submission to their first review decision. */
export async function reviewTimes(db: Database, p: Period): Promise<TimeFigures> {
  const row = await db.get<TimeFigures>(
    `WITH firsts AS MATERIALIZED (
       SELECT l.first_submitted_at AS submitted, (SELECT min(r.at) FROM session_log_reviews r WHERE r.log_id = l.id) AS reviewed
       FROM session_logs l WHERE l.first_submitted_at >= ? AND l.first_submitted_at < ?
     ),
     ${medianAndMax(`SELECT (julianday(reviewed) - julianday(submitted)) * 24.0 AS value FROM firsts WHERE reviewed IS NOT NULL`)}
     SELECT (SELECT count(*) FROM firsts WHERE reviewed IS NOT NULL) AS done,
       (SELECT count(*) FROM firsts WHERE reviewed IS NULL) AS waiting,
       summary.median AS median_hours, summary.worst AS worst_hours
     FROM summary`,
    [p.fromIso, p.toIso],
  );
  return row!;
}

/**
 * Cases opened as urgent in the period: hours from opening to the first thing
 * a supervisor or coordinator did on them (a note, a decision, a status
 * change, a reassignment, a referral). Logs joining and severities rising are
 * not actions: the system does those.
 */
export async function urgentResponseTimes(db: Database, p: Period): Promise<TimeFigures> {
  const row = await db.get<TimeFigures>(
    `WITH urgent AS MATERIALIZED (
       SELECT c.opened_at,
         (SELECT min(e.at) FROM case_events e WHERE e.case_id = c.id
            AND e.kind IN ('note','decision','status','assigned','referral_made','referral_status')) AS acted
       FROM cases c
       WHERE c.opened_at >= ? AND c.opened_at < ?
         AND EXISTS (SELECT 1 FROM case_events o WHERE o.case_id = c.id AND o.kind = 'opened' AND o.severity = 'urgent')
     ),
     ${medianAndMax(`SELECT (julianday(acted) - julianday(opened_at)) * 24.0 AS value FROM urgent WHERE acted IS NOT NULL`)}
     SELECT (SELECT count(*) FROM urgent WHERE acted IS NOT NULL) AS done,
       (SELECT count(*) FROM urgent WHERE acted IS NULL) AS waiting,
       summary.median AS median_hours, summary.worst AS worst_hours
     FROM summary`,
    [p.fromIso, p.toIso],
  );
  return row!;
}

/** Referrals made in the period, by their status now. */
export function referralsByStatus(db: Database, p: Period): Promise<Array<{ status: ReferralStatus; n: number }>> {
  return db.all('SELECT status, count(*) AS n FROM referrals WHERE referred_on BETWEEN ? AND ? GROUP BY status', [p.from, p.to]);
}

export interface SupervisionFigures {
  meetings: number;
  minutes: number;
  individual: number;
  group_meetings: number;
  case_conference: number;
  invited: number;
  present: number;
  peer_minutes: number;
  peers_supervised: number;
  active_peers: number;
}

/** Meetings held in the period, and their peers: invited, present, and the minutes they spent. */
export async function supervisionFigures(db: Database, p: Period): Promise<SupervisionFigures> {
  const row = await db.get<SupervisionFigures>(
    `WITH held AS (SELECT * FROM supervision_meetings WHERE status = 'held' AND held_on BETWEEN ? AND ?),
     peers_at AS (SELECT a.peer_id, a.present, h.duration_minutes FROM held h JOIN supervision_attendees a ON a.meeting_id = h.id WHERE a.peer_id IS NOT NULL)
     SELECT (SELECT count(*) FROM held) AS meetings,
       (SELECT coalesce(sum(duration_minutes), 0) FROM held) AS minutes,
       (SELECT count(*) FROM held WHERE kind = 'individual') AS individual,
       (SELECT count(*) FROM held WHERE kind = 'group') AS group_meetings,
       (SELECT count(*) FROM held WHERE kind = 'case_conference') AS case_conference,
       (SELECT count(*) FROM peers_at) AS invited,
       (SELECT count(*) FROM peers_at WHERE present = 1) AS present,
       (SELECT coalesce(sum(duration_minutes), 0) FROM peers_at WHERE present = 1) AS peer_minutes,
       (SELECT count(DISTINCT peer_id) FROM peers_at WHERE present = 1) AS peers_supervised,
       (SELECT count(*) FROM peers WHERE status = 'active') AS active_peers`,
    [p.from, p.to],
  );
  return row!;
}

export interface TrainingFigures {
  in_program: number;
  trained: number;
  completions: number;
  hours: number;
}

/**
 * Peers in training, active or paused today and how many of them are trained
 * (every required module that is not retired completed: the rule of
 * training/progress.ts); module completions and hours recorded in the period.
 */
export async function trainingFigures(db: Database, p: Period): Promise<TrainingFigures> {
  const row = await db.get<TrainingFigures>(
    `WITH program AS (SELECT id FROM peers WHERE status IN ('in_training','active','paused')),
     required AS (SELECT id FROM training_modules WHERE required = 1 AND retired_at IS NULL)
     SELECT (SELECT count(*) FROM program) AS in_program,
       (SELECT count(*) FROM program pr WHERE EXISTS (SELECT 1 FROM required) AND NOT EXISTS (
          SELECT 1 FROM required m WHERE NOT EXISTS (
            SELECT 1 FROM training_records r WHERE r.peer_id = pr.id AND r.module_id = m.id AND r.completed = 1))) AS trained,
       (SELECT count(*) FROM training_records WHERE completed = 1 AND attended_on BETWEEN ? AND ?) AS completions,
       (SELECT coalesce(sum(hours), 0) FROM training_records WHERE attended_on BETWEEN ? AND ?) AS hours`,
    [p.from, p.to, p.from, p.to],
  );
  return row!;
}

export function outreachByKind(db: Database, p: Period): Promise<Array<{ kind: OutreachKind; events: number; reached: number }>> {
  return db.all(
    'SELECT kind, count(*) AS events, coalesce(sum(reached), 0) AS reached FROM outreach_events WHERE held_on BETWEEN ? AND ? GROUP BY kind',
    [p.from, p.to],
  );
}

export interface OutcomeFigures {
  first_contacts: number;
  pairs: number;
  baseline_mean: number | null;
  follow_up_mean: number | null;
  mean_change: number | null;
  improved: number;
  worsened: number;
  poor_at_baseline: number;
  poor_at_follow_up: number;
}

/**
 * One instrument's outcomes: first contacts measured in the period, and the
 * help-seekers whose latest follow-up in the period pairs with their first
 * contact. Means and changes are on the percentage scale (raw × multiplier);
 * `meaningful` is the change in points that counts, `poorBelow` the raw cut-off.
 */
export async function outcomeFigures(
  db: Database,
  p: Period,
  instrument: { id: string; multiplier: number; meaningful: number; poorBelow: number },
): Promise<OutcomeFigures> {
  const { multiplier: k, meaningful, poorBelow } = instrument;
  const row = await db.get<OutcomeFigures>(
    `WITH scored AS (
       SELECT m.id, m.help_seeker_id, m.occasion, m.measured_on,
         (SELECT coalesce(sum(score), 0) FROM outcome_measure_items i WHERE i.measure_id = m.id) AS raw
       FROM outcome_measures m WHERE m.instrument = ?
     ),
     latest AS (
       SELECT f.help_seeker_id, f.raw FROM scored f
       WHERE f.occasion = 'follow_up' AND f.measured_on BETWEEN ? AND ?
         AND NOT EXISTS (SELECT 1 FROM scored g WHERE g.help_seeker_id = f.help_seeker_id AND g.occasion = 'follow_up'
           AND g.measured_on <= ? AND (g.measured_on > f.measured_on OR (g.measured_on = f.measured_on AND g.id > f.id)))
     ),
     pairs AS (SELECT b.raw AS base, l.raw AS follow FROM latest l JOIN scored b ON b.help_seeker_id = l.help_seeker_id AND b.occasion = 'first_contact')
     SELECT (SELECT count(*) FROM scored WHERE occasion = 'first_contact' AND measured_on BETWEEN ? AND ?) AS first_contacts,
       count(*) AS pairs,
       avg(base * ?) AS baseline_mean,
       avg(follow * ?) AS follow_up_mean,
       avg((follow - base) * ?) AS mean_change,
       coalesce(sum((follow - base) * ? >= ?), 0) AS improved,
       coalesce(sum((follow - base) * ? <= -?), 0) AS worsened,
       coalesce(sum(base < ?), 0) AS poor_at_baseline,
       coalesce(sum(follow < ?), 0) AS poor_at_follow_up
     FROM pairs`,
    [instrument.id, p.from, p.to, p.to, p.from, p.to, k, k, k, k, meaningful, k, meaningful, poorBelow, poorBelow],
  );
  return row!;
}

export interface FeedbackFigures {
  responses: number;
  helpful: number | null;
  felt_heard: number | null;
  would_recommend: number | null;
}

export async function feedbackFigures(db: Database, p: Pick<Period, 'from' | 'to'>): Promise<FeedbackFigures> {
  const row = await db.get<FeedbackFigures>(
    `SELECT count(*) AS responses, avg(helpful) AS helpful, avg(felt_heard) AS felt_heard, avg(would_recommend) AS would_recommend
     FROM session_feedback WHERE given_on BETWEEN ? AND ?`,
    [p.from, p.to],
  );
  return row!;
}

/** The first and last day anything in the program happened on, for the list of terms a report can cover. */
export async function activitySpan(db: Database): Promise<{ first: string | null; last: string | null }> {
  const row = await db.get<{ first: string | null; last: string | null }>(
    `SELECT min(d) AS first, max(d) AS last FROM (
       SELECT min(held_on) AS d FROM session_logs WHERE status != 'draft' UNION ALL SELECT max(held_on) FROM session_logs WHERE status != 'draft'
       UNION ALL SELECT min(held_on) FROM supervision_meetings WHERE status = 'held' UNION ALL SELECT max(held_on) FROM supervision_meetings WHERE status = 'held'
       UNION ALL SELECT min(held_on) FROM outreach_events UNION ALL SELECT max(held_on) FROM outreach_events
     ) WHERE d IS NOT NULL`,
  );
  return row ?? { first: null, last: null };
}

