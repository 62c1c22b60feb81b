import { z } from 'zod';
import { id } from '../fields';
import { defineMethod } from '../method';
import { everyone } from '../roles';
import { caseSeverities } from './sessionLogs';

/**
 * "Today" (issue 14): the first thing on a person's home, one list of what needs them, most
 * urgent first. Each kind names the record a line opens. The order of the kinds is the order of
 * this list; inside a kind the backend orders by due date or age (electron/backend/domain/today.ts).
 */
export const todayKinds = [
  'urgentCase',
  'overdueCase',
  'logAwaitingReview',
  'referralFollowUp',
  'actionItem',
  'refresherOverdue',
  'supervisionOverdue',
  'evaluationDue',
  'who5FollowUp',
  'returnedLog',
  'backup',
] as const;
export type TodayKind = (typeof todayKinds)[number];

/** How a line is coloured: urgent (red), soon (orange), routine (blue). */
export const todayTones = ['urgent', 'soon', 'routine'] as const;
export type TodayTone = (typeof todayTones)[number];

const severity = z.enum(caseSeverities);

export const todayItem = z.discriminatedUnion('kind', [
  /** An urgent case nobody has taken into review yet; `since` is when it opened. */
  z.object({ kind: z.literal('urgentCase'), tone: z.enum(todayTones), caseId: id, helpSeekerCode: z.string(), since: z.string() }),
  /** A case past its decision time (not an urgent one still waiting: that is an urgentCase). */
  z.object({ kind: z.literal('overdueCase'), tone: z.enum(todayTones), caseId: id, helpSeekerCode: z.string(), severity, dueAt: z.string() }),
  /** A submitted log waiting for the coordinator's review; `severity` from its risk screen, null when nothing was ticked. */
  z.object({
    kind: z.literal('logAwaitingReview'),
    tone: z.enum(todayTones),
    logId: id,
    peerName: z.string(),
    helpSeekerCode: z.string().nullable(),
    severity: severity.nullable(),
    submittedAt: z.string(),
  }),
  /** A referral still pending or accepted whose follow-up day has come. */
  z.object({
    kind: z.literal('referralFollowUp'),
    tone: z.enum(todayTones),
    referralId: id,
    caseId: id,
    helpSeekerCode: z.string(),
    serviceName: z.string(),
    followUpOn: z.string(),
  }),
  /** One of the caller's own open action items from supervision, overdue or due soon. */
  z.object({ kind: z.literal('actionItem'), tone: z.enum(todayTones), actionItemId: id, meetingId: id, text: z.string(), dueOn: z.string() }),
  /** An active peer past the refresher of a required module. */
  z.object({
    kind: z.literal('refresherOverdue'),
    tone: z.enum(todayTones),
    peerId: id,
    peerName: z.string(),
    moduleTitleId: z.string(),
    moduleTitleEn: z.string(),
    dueOn: z.string(),
  }),
  /** An active peer whose next supervision meeting is overdue. */
  z.object({ kind: z.literal('supervisionOverdue'), tone: z.enum(todayTones), peerId: id, peerName: z.string(), dueOn: z.string() }),
  /** An active peer not evaluated this term, in the term's last weeks. */
  z.object({
    kind: z.literal('evaluationDue'),
    tone: z.enum(todayTones),
    peerId: id,
    peerName: z.string(),
    lastEvaluatedOn: z.string().nullable(),
    termEnd: z.string(),
  }),
  /** A help-seeker whose WHO-5 first contact is four weeks old or more with no follow-up yet. */
  z.object({ kind: z.literal('who5FollowUp'), tone: z.enum(todayTones), helpSeekerId: id, helpSeekerCode: z.string(), dueOn: z.string() }),
  /** A log returned to its peer for correction, with the reviewer's comment. */
  z.object({
    kind: z.literal('returnedLog'),
    tone: z.enum(todayTones),
    logId: id,
    peerName: z.string(),
    heldOn: z.string().nullable(),
    returnedAt: z.string(),
    comment: z.string(),
    byName: z.string().nullable(),
  }),
  /** No verified backup yet, or the last one is older than the days set in Settings. */
  z.object({ kind: z.literal('backup'), tone: z.enum(todayTones), lastBackupAt: z.string().nullable(), reminderDays: z.number().int() }),
]);
export type TodayItem = z.infer<typeof todayItem>;

/** The lines of one kind (at most its `todayLinesPerKind`) and how many there are in all. */
export const todayGroup = z.object({ kind: z.enum(todayKinds), total: z.number().int(), items: z.array(todayItem) });
export type TodayGroup = z.infer<typeof todayGroup>;

/**
 * At most this many lines of one kind; the rest is "and 12 more", which opens the full list.
 * Cases and logs get five; what is about peers or reminders three, so the list stays short.
 */
export const todayLinesPerKind: Readonly<Record<TodayKind, number>> = {
  urgentCase: 5,
  overdueCase: 5,
  logAwaitingReview: 5,
  referralFollowUp: 5,
  actionItem: 5,
  refresherOverdue: 3,
  supervisionOverdue: 3,
  evaluationDue: 3,
  who5FollowUp: 3,
  returnedLog: 3,
  backup: 1,
};

export const todayMethods = {
  /**
   * What needs the signed-in person today, most urgent first, each kind capped. The coordinator:
   * the whole program; a supervisor: her cases and the peers she supervises; a peer: his returned
   * logs and his own action items.
   */
  'today.list': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: everyone },
    input: z.strictObject({}),
    output: z.object({ groups: z.array(todayGroup) }),
  }),
};
