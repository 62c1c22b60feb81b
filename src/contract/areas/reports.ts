import { z } from 'zod';
import { language } from '../fields';
import { defineMethod } from '../method';
import { staff } from '../roles';
import { term } from '../terms';
import { referralStatuses } from './cases';
import { outreachKinds } from './outreach';
import { caseSeverities, sessionTopics } from './sessionLogs';
import { meetingKinds } from './supervision';

const count = z.number().int();
const hours = z.number().nullable();

/**
 * The program's figures for one term (issue 5), every one computed by SQL over
 * the vault when asked: nothing is a stored counter. Aggregates only: no name
 * and no help-seeker code appears anywhere in it.
 *
 * Which records a figure counts:
 * - sessions, topics, reach: submitted logs (not drafts) held in the term;
 * - escalation: of those logs, the ones on a case (flagged by the risk screen or escalated on review);
 * - review time: logs first submitted in the term, to their first review decision;
 * - urgent response: cases opened in the term as urgent, to the first note, decision, status change,
 *   reassignment or referral on them;
 * - referrals: made in the term, by their status now;
 * - supervision: meetings held in the term; attendance is peers present of peers invited;
 * - training: peers in training, active or paused today and how many are trained; module
 *   completions and hours recorded in the term;
 * - outreach: events held in the term;
 * - WHO-5: help-seekers whose latest follow-up falls in the term, against their first contact;
 * - feedback: forms filled in during the term.
 */
export const termReport = z.object({
  term,
  schoolName: z.string(),
  /** The last day counted: the term's end, or today while the term runs. */
  asOf: z.string(),
  studentCount: count.nullable(),
  sessions: z.object({
    total: count,
    groupSessions: count,
    /** Everyone present at group sessions, help-seeker included. */
    studentsInGroups: count,
    perWeek: z.array(z.object({ weekStart: z.string(), sessions: count })),
  }),
  topics: z.array(z.object({ topic: z.enum(sessionTopics), sessions: count })),
  reach: z.object({
    helpSeekers: count,
    /** Of them, seen for the first time this term. */
    newHelpSeekers: count,
    /** Distinct help-seekers as a share of the student body (0–1); null until the school size is set. */
    share: z.number().nullable(),
  }),
  escalation: z.object({
    submittedLogs: count,
    escalatedLogs: count,
    rate: z.number().nullable(),
    casesOpened: z.record(z.enum(caseSeverities), count),
  }),
  reviewTime: z.object({ reviewed: count, waiting: count, medianHours: hours, worstHours: hours }),
  urgentResponse: z.object({ cases: count, answered: count, waiting: count, medianHours: hours, worstHours: hours }),
  referrals: z.object({ total: count, byStatus: z.record(z.enum(referralStatuses), count) }),
  supervision: z.object({
    meetings: count,
    byKind: z.record(z.enum(meetingKinds), count),
    hours: z.number(),
    invited: count,
    present: count,
    attendanceRate: z.number().nullable(),
    activePeers: count,
    /** Active peers present at one or more meetings in the term. */
    peersSupervised: count,
  }),
  training: z.object({ inProgram: count, trained: count, rate: z.number().nullable(), completions: count, hours: z.number() }),
  outreach: z.object({
    events: count,
    reached: count,
    byKind: z.record(z.enum(outreachKinds), z.object({ events: count, reached: count })),
  }),
  who5: z.object({
    firstContacts: count,
    pairs: count,
    baselineMean: z.number().nullable(),
    followUpMean: z.number().nullable(),
    meanChange: z.number().nullable(),
    improved: count,
    noMeaningfulChange: count,
    worsened: count,
    poorAtBaseline: count,
    poorAtFollowUp: count,
  }),
  feedback: z.object({
    responses: count,
    helpful: z.number().nullable(),
    feltHeard: z.number().nullable(),
    wouldRecommend: z.number().nullable(),
  }),
});
export type TermReport = z.infer<typeof termReport>;

const termId = z.string().max(20);

export const reportsMethods = {
  /** The terms a report can be made for (set in Settings, or derived), newest first, and the current one. */
  'reports.terms': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({}),
    output: z.object({ terms: z.array(term.extend({ set: z.boolean() })), currentTermId: z.string() }),
  }),
  /** The dashboard's figures for a term. */
  'reports.term': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({ termId }),
    output: termReport,
  }),
  /**
   * The term report as a PDF, made by the backend in the chosen language. The
   * file it becomes leaves the vault unencrypted; it holds aggregates only.
   */
  'reports.exportPdf': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({ termId, language }),
    output: z.object({ fileName: z.string(), base64: z.string(), bytes: count }),
  }),
  /** The same figures as a CSV table (one row per figure), in the chosen language. */
  'reports.exportCsv': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({ termId, language }),
    output: z.object({ fileName: z.string(), csv: z.string(), rows: count }),
  }),
};
