import {
  addDays,
  caseSeverities,
  currentTerm,
  derivedTerm,
  outreachKinds,
  referralStatuses,
  termById,
  who5,
  type CaseSeverity,
  type MeetingKind,
  type OutreachKind,
  type ReferralStatus,
  type Term,
  type TermReport,
} from '../../../src/contract';
import { invalidField } from '../errors';
import type { Database } from '../db/database';
import { readBesideTheQueue, type Context, type HandlerMap } from '../handler';
import * as figures from '../repositories/reports';
import { termCsv } from '../reports/figures';
import { termPdf } from '../reports/termPdf';
import { reportTexts } from '../reports/texts';
import { mondayOf, today } from '../domain/days';
import { periodOf } from '../domain/terms';
import { loadSettings } from '../repositories/settingsStore';

type ReportsMethod = 'reports.terms' | 'reports.term' | 'reports.exportPdf' | 'reports.exportCsv';

const round = (value: number | null, digits: number) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);
const share = (part: number, whole: number | null) => (whole ? round(part / whole, 4) : null);

/** How many queries a term report makes, for the progress of its PDF. */
const figureQueries = 12;

/**
 * Every figure of a term, each from its own query (repositories/reports.ts), read from `db`: the
 * vault's own connection, or a reader beside the queue for the PDF. `onFigure` after each query.
 */
export async function buildTermReport(db: Database, term: Term, day: string, onFigure?: (done: number, total: number) => void): Promise<TermReport> {
  let done = 0;
  const figure = async <T>(query: Promise<T>): Promise<T> => {
    const value = await query;
    done += 1;
    onFigure?.(done, figureQueries);
    return value;
  };
  const settings = await loadSettings(db);
  const period = periodOf(term);
  const asOf = day < term.end ? day : term.end;

  const sessions = await figure(figures.sessionFigures(db, period));
  // Weeks with no sessions are shown as such, from the term's first week to the last one counted.
  const counted = new Map((await figure(figures.sessionsPerWeek(db, period))).map((w) => [w.week_start, w.sessions]));
  const perWeek: Array<{ weekStart: string; sessions: number }> = [];
  if (asOf >= term.start) {
    for (let week = mondayOf(term.start); week <= asOf; week = addDays(week, 7)) perWeek.push({ weekStart: week, sessions: counted.get(week) ?? 0 });
  }
  const casesOpened = Object.fromEntries(caseSeverities.map((s) => [s, 0])) as Record<CaseSeverity, number>;
  for (const row of await figure(figures.casesOpened(db, period))) casesOpened[row.severity] = row.n;
  const review = await figure(figures.reviewTimes(db, period));
  const urgent = await figure(figures.urgentResponseTimes(db, period));
  const byStatus = Object.fromEntries(referralStatuses.map((s) => [s, 0])) as Record<ReferralStatus, number>;
  for (const row of await figure(figures.referralsByStatus(db, period))) byStatus[row.status] = row.n;
  const supervision = await figure(figures.supervisionFigures(db, period));
  const byKind: Record<MeetingKind, number> = { individual: supervision.individual, group: supervision.group_meetings, case_conference: supervision.case_conference };
  const training = await figure(figures.trainingFigures(db, period));
  const outreach = Object.fromEntries(outreachKinds.map((k) => [k, { events: 0, reached: 0 }])) as Record<OutreachKind, { events: number; reached: number }>;
  for (const row of await figure(figures.outreachByKind(db, period))) outreach[row.kind] = { events: row.events, reached: row.reached };
  const outcomes = await figure(
    figures.outcomeFigures(db, period, {
      id: who5.id,
      multiplier: who5.scoring.multiplier,
      meaningful: who5.scoring.meaningfulChange,
      poorBelow: who5.scoring.poorBelowRaw,
    }),
  );
  const feedback = await figure(figures.feedbackFigures(db, period));
  const topics = await figure(figures.topicCounts(db, period));

  return {
    term,
    schoolName: settings.schoolName,
    asOf,
    studentCount: settings.studentCount,
    sessions: { total: sessions.total, groupSessions: sessions.group_sessions, studentsInGroups: sessions.students_in_groups, perWeek },
    topics: topics.sort((a, b) => b.sessions - a.sessions || a.topic.localeCompare(b.topic)),
    reach: { helpSeekers: sessions.help_seekers, newHelpSeekers: sessions.new_help_seekers, share: share(sessions.help_seekers, settings.studentCount) },
    escalation: { submittedLogs: sessions.total, escalatedLogs: sessions.escalated, rate: share(sessions.escalated, sessions.total), casesOpened },
    reviewTime: { reviewed: review.done, waiting: review.waiting, medianHours: round(review.median_hours, 2), worstHours: round(review.worst_hours, 2) },
    urgentResponse: {
      cases: urgent.done + urgent.waiting,
      answered: urgent.done,
      waiting: urgent.waiting,
      medianHours: round(urgent.median_hours, 2),
      worstHours: round(urgent.worst_hours, 2),
    },
    referrals: { total: Object.values(byStatus).reduce((a, b) => a + b, 0), byStatus },
    supervision: {
      meetings: supervision.meetings,
      byKind,
      hours: round(supervision.minutes / 60, 2)!,
      invited: supervision.invited,
      present: supervision.present,
      attendanceRate: share(supervision.present, supervision.invited),
      activePeers: supervision.active_peers,
      peersSupervised: supervision.peers_supervised,
    },
    training: {
      inProgram: training.in_program,
      trained: training.trained,
      rate: share(training.trained, training.in_program),
      completions: training.completions,
      hours: round(training.hours, 2)!,
    },
    outreach: {
      events: Object.values(outreach).reduce((a, k) => a + k.events, 0),
      reached: Object.values(outreach).reduce((a, k) => a + k.reached, 0),
      byKind: outreach,
    },
    who5: {
      firstContacts: outcomes.first_contacts,
      pairs: outcomes.pairs,
      baselineMean: round(outcomes.baseline_mean, 1),
      followUpMean: round(outcomes.follow_up_mean, 1),
      meanChange: round(outcomes.mean_change, 1),
      improved: outcomes.improved,
      noMeaningfulChange: outcomes.pairs - outcomes.improved - outcomes.worsened,
      worsened: outcomes.worsened,
      poorAtBaseline: outcomes.poor_at_baseline,
      poorAtFollowUp: outcomes.poor_at_follow_up,
    },
    feedback: {
      responses: feedback.responses,
      helpful: round(feedback.helpful, 2),
      feltHeard: round(feedback.felt_heard, 2),
      wouldRecommend: round(feedback.would_recommend, 2),
    },
  };
}

/** A term by id, as Settings sets it or derived; a VALIDATION error naming `termId` otherwise. */
export async function resolveTerm(ctx: Context, termId: string): Promise<Term> {
  const term = termById(termId, (await loadSettings(ctx.db)).terms);
  if (!term) throw invalidField('termId', 'not_found', 'There is no such term.');
  return term;
}

/** `laporan-semester-2026-2027-1` / `term-report-2026-2027-1`. */
function fileStem(term: Term, language: 'id' | 'en'): string {
  return `${language === 'id' ? 'laporan-semester' : 'term-report'}-${term.id.replace('/', '-')}`;
}

export const reportsHandlers: HandlerMap<ReportsMethod> = {
  'reports.terms': async (_input, ctx) => {
    const set = (await loadSettings(ctx.db)).terms;
    const day = today(ctx);
    const current = currentTerm(day, set);
    const terms = new Map<string, Term & { set: boolean }>();
    // Derived half-years from the first recorded activity to today, then the terms set in Settings over them.
    const span = await figures.activitySpan(ctx.db);
    const first = span.first && span.first < day ? span.first : day;
    for (let d = first; d <= day; d = addDays(derivedTerm(d).end, 1)) terms.set(derivedTerm(d).id, { ...derivedTerm(d), set: false });
    for (const t of set) terms.set(t.id, { ...t, set: true });
    terms.set(current.id, { ...current, set: set.some((t) => t.id === current.id) });
    return { terms: [...terms.values()].sort((a, b) => b.start.localeCompare(a.start)), currentTermId: current.id };
  },

  'reports.term': async (input, ctx) => buildTermReport(ctx.db, await resolveTerm(ctx, input.termId), today(ctx)),

  'reports.exportPdf': async (input, ctx) => {
    const term = await resolveTerm(ctx, input.termId);
    const day = today(ctx);
    const offThread = ctx.session.config.offThread;
    // Beside the queue (issue 12): the figures from one snapshot, then the layout, which is seconds of
    // CPU for pdfmake on a slow PC, on the long jobs' thread; back in the queue only to audit it.
    return readBesideTheQueue(
      ctx,
      { job: 'term-pdf' },
      async (reader, job) => {
        job?.report('figures', 0, figureQueries);
        const report = await buildTermReport(reader, term, day, (done, total) => job?.report('figures', done, total));
        job?.report('writing-pdf');
        return offThread ? offThread.termPdf(report, input.language, day) : termPdf(report, reportTexts(input.language), day);
      },
      async (bytes) => {
        await ctx.db.transaction(() => ctx.audit('report.exported', null, { termId: term.id, format: 'pdf' }));
        return { fileName: `${fileStem(term, input.language)}.pdf`, base64: bytes.toString('base64'), bytes: bytes.length };
      },
    );
  },

  'reports.exportCsv': async (input, ctx) => {
    const term = await resolveTerm(ctx, input.termId);
    const report = await buildTermReport(ctx.db, term, today(ctx));
    const { csv, rows } = termCsv(report, reportTexts(input.language));
    await ctx.db.transaction(() => ctx.audit('report.exported', null, { termId: term.id, format: 'csv' }));
    return { fileName: `${fileStem(term, input.language)}.csv`, csv, rows };
  },
};
