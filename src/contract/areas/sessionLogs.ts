import { z } from 'zod';
import { id, isoDate, limits, optionalText, requiredText, version } from '../fields';
import { defineMethod } from '../method';
import { pageRequest, pageTotal, sortRequest } from '../paging';
import { coordinatorOnly, everyone, type Role } from '../roles';

export const sessionModes = ['in_person', 'chat', 'phone', 'group'] as const;
export type SessionMode = (typeof sessionModes)[number];

export const sessionTopics = [
  'school_work',
  'friendship',
  'family',
  'bullying',
  'relationships',
  'grief',
  'self_esteem',
  'health',
  'other',
] as const;
export type SessionTopic = (typeof sessionTopics)[number];

/**
 * The risk screen on every log, in this order. The ids are stable (reports and
 * issue 5 count them); the screen shows plain-language labels in both languages.
 */
export const riskItems = [
  'self_harm_or_suicide',
  'wanting_to_hurt_someone',
  'violence_or_abuse_at_home',
  'sexual_abuse',
  'alcohol_or_drugs',
  'severe_distress',
  'family_crisis',
  'beyond_peer_role',
] as const;
export type RiskItem = (typeof riskItems)[number];

export const concernLevels = ['low', 'medium', 'high'] as const;
export type ConcernLevel = (typeof concernLevels)[number];

export const caseSeverities = ['urgent', 'high', 'routine'] as const;
export type CaseSeverity = (typeof caseSeverities)[number];

const urgentItems: readonly RiskItem[] = ['self_harm_or_suicide', 'violence_or_abuse_at_home', 'sexual_abuse'];
const highItems: readonly RiskItem[] = ['wanting_to_hurt_someone', 'alcohol_or_drugs', 'severe_distress'];

/** The risk items that alone make a log urgent or high (`severityOf`); the review queue orders by them in SQL. */
export const severityRiskItems: { urgent: readonly RiskItem[]; high: readonly RiskItem[] } = { urgent: urgentItems, high: highItems };

/**
 * The severity a risk screen gives a flagged case, or null when nothing was
 * ticked (no case opens). Urgent: self-harm or suicide, abuse at home, sexual
 * abuse. High: wanting to hurt someone, alcohol or drugs, severe distress, or
 * any item with the peer's concern high. Routine: anything else ticked.
 */
export function severityOf(risks: readonly RiskItem[], concern: ConcernLevel | null): CaseSeverity | null {
  if (risks.length === 0) return null;
  if (risks.some((r) => urgentItems.includes(r))) return 'urgent';
  if (risks.some((r) => highItems.includes(r)) || concern === 'high') return 'high';
  return 'routine';
}

/** The more serious of two severities. */
export function higherSeverity(a: CaseSeverity, b: CaseSeverity): CaseSeverity {
  return caseSeverities.indexOf(a) <= caseSeverities.indexOf(b) ? a : b;
}

/**
 * draft → submitted → approved (locked) | returned → submitted again.
 * Escalating from review approves the log too and opens a case.
 */
export const sessionLogStatuses = ['draft', 'submitted', 'returned', 'approved'] as const;
export type SessionLogStatus = (typeof sessionLogStatuses)[number];

/** A start time on the 24-hour clock, as written on the paper form (`13:45`). */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/**
 * What the log form holds. A draft may be incomplete; submitting checks that
 * everything the review needs is there (see `sessionLogComplete`).
 */
export const sessionLogFields = {
  peerId: id,
  /** An existing help-seeker; null together with `newHelpSeeker` makes a new code. */
  helpSeekerId: id.nullable(),
  heldOn: isoDate.nullable(),
  startTime: clockTime.nullable(),
  durationMinutes: z.number().int().min(1).max(600).nullable(),
  mode: z.enum(sessionModes).nullable(),
  /** How many students were present, for a group session (2 or more); null otherwise. */
  groupSize: z.number().int().min(2).max(200).nullable(),
  topics: z.array(z.enum(sessionTopics)).max(sessionTopics.length),
  /** What was talked about, briefly and in the student's own framing; no diagnoses. */
  summary: optionalText(limits.longText),
  /** What the peer did: listened, suggested, accompanied, referred to the guru BK… */
  actions: optionalText(limits.longText),
  followUpOn: isoDate.nullable(),
  risks: z.array(z.enum(riskItems)).max(riskItems.length),
  /** The peer confirms that none of the risk items happened; cannot go with a ticked item. */
  noRisks: z.boolean(),
  concern: z.enum(concernLevels).nullable(),
};

const newHelpSeeker = z.strictObject({
  identity: z
    .strictObject({
      fullName: optionalText(limits.name),
      className: optionalText(40),
      contact: optionalText(limits.shortText),
      parentContact: optionalText(limits.shortText),
    })
    .nullable(),
});

/** Save (and with `submit`, send for review) a new log. */
export const sessionLogCreateInput = z.strictObject({
  ...sessionLogFields,
  newHelpSeeker: newHelpSeeker.optional(),
  submit: z.boolean(),
});
export const sessionLogUpdateInput = z.strictObject({
  id,
  version,
  ...sessionLogFields,
  newHelpSeeker: newHelpSeeker.optional(),
  submit: z.boolean(),
});

/**
 * What a log must have to be submitted. Checked by the backend on submit and
 * by the form before sending, so both name the same field.
 */
export const sessionLogComplete = z
  .object({
    helpSeekerId: id,
    heldOn: isoDate,
    startTime: clockTime,
    durationMinutes: z.number().int().min(1).max(600),
    mode: z.enum(sessionModes),
    groupSize: z.number().int().min(2).max(200).nullable(),
    topics: z.array(z.enum(sessionTopics)).min(1),
    summary: requiredText(limits.longText),
    actions: requiredText(limits.longText),
    followUpOn: isoDate.nullable(),
    risks: z.array(z.enum(riskItems)),
    noRisks: z.boolean(),
    concern: z.enum(concernLevels),
  })
  .superRefine((log, ctx) => {
    if (log.mode === 'group' && log.groupSize === null) {
      ctx.addIssue({ code: 'custom', path: ['groupSize'], message: 'A group session needs the number present.', params: { reason: 'required' } });
    }
    if (log.risks.length === 0 && !log.noRisks) {
      ctx.addIssue({ code: 'custom', path: ['risks'], message: 'Tick what happened, or confirm that none of it did.', params: { reason: 'risk_screen' } });
    }
    if (log.followUpOn !== null && log.followUpOn < log.heldOn) {
      ctx.addIssue({ code: 'custom', path: ['followUpOn'], message: 'The follow-up cannot be before the session.', params: { reason: 'before_session' } });
    }
  });

export const sessionLogReview = z.object({
  id,
  decision: z.enum(['returned', 'approved', 'escalated']),
  comment: z.string(),
  at: z.string(),
  byName: z.string().nullable(),
});
export type SessionLogReview = z.infer<typeof sessionLogReview>;

export const sessionLogAddendum = z.object({
  id,
  text: z.string(),
  at: z.string(),
  authorName: z.string(),
  authorRole: z.string(),
});
export type SessionLogAddendum = z.infer<typeof sessionLogAddendum>;

/** A log as a list shows it: no free text. */
/** The orders a list of logs offers: the day it was held (then its start time) or when it was submitted. */
export const sessionLogSorts = ['heldOn', 'submittedAt'] as const;
export type SessionLogSort = (typeof sessionLogSorts)[number];

export const sessionLogSummary = z.object({
  id,
  peerId: id,
  peerName: z.string(),
  helpSeekerId: id.nullable(),
  helpSeekerCode: z.string().nullable(),
  heldOn: z.string().nullable(),
  startTime: z.string().nullable(),
  mode: z.enum(sessionModes).nullable(),
  topics: z.array(z.enum(sessionTopics)),
  risks: z.array(z.enum(riskItems)),
  concern: z.enum(concernLevels).nullable(),
  /** The severity the risk screen gives; null when nothing was ticked. */
  severity: z.enum(caseSeverities).nullable(),
  status: z.enum(sessionLogStatuses),
  /** Entered by a coordinator from a paper form, not by the peer's own account. */
  enteredByStaff: z.boolean(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  followUpOn: z.string().nullable(),
});
export type SessionLogSummary = z.infer<typeof sessionLogSummary>;

export const sessionLog = sessionLogSummary.extend({
  durationMinutes: z.number().int().nullable(),
  groupSize: z.number().int().nullable(),
  summary: z.string(),
  actions: z.string(),
  noRisks: z.boolean(),
  enteredByName: z.string().nullable(),
  createdAt: z.string(),
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  version,
  reviews: z.array(sessionLogReview),
  addenda: z.array(sessionLogAddendum),
  /** Cases this log belongs to that the caller may see; always empty for a peer. */
  cases: z.array(z.object({ id, severity: z.enum(caseSeverities), status: z.string() })),
  /** Whether the peer has an active account of their own (a peer without one has only paper logs). */
  peerHasAccount: z.boolean(),
  /**
   * What the caller may do with it now. `canEdit` includes a coordinator correcting a submitted
   * paper log before the review (it stays submitted); `canReturn` only when the peer can read the
   * comment and change the log (an active peer with an active account, issue 14).
   */
  canEdit: z.boolean(),
  canReview: z.boolean(),
  canReturn: z.boolean(),
  canAddAddendum: z.boolean(),
});
export type SessionLog = z.infer<typeof sessionLog>;

/** What submitting a log with a ticked risk item set in motion. */
export const flagged = z.object({
  severity: z.enum(caseSeverities),
  /** The case it opened or joined; null for a peer, who sees no cases. */
  caseId: id.nullable(),
});

export const sessionLogSaved = z.object({
  log: sessionLog,
  flagged: flagged.nullable(),
  /** The school's escalation protocol, when the log opened or joined a case. */
  escalationProtocol: z.string().nullable(),
});

/** Who writes logs: the peer's own account, and a coordinator typing in a paper form. */
const logWriters = ['coordinator', 'peer'] as const satisfies readonly Role[];

export const sessionLogsMethods = {
  /**
   * Logs the caller may see, newest first: a peer their own, a supervisor the
   * submitted ones of the peers they supervise, a coordinator all.
   */
  /**
   * One page of the logs the caller may see, newest session first by default. `text` finds a
   * help-seeker code by its beginning or a peer by part of the name.
   */
  'sessionLogs.list': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: everyone },
    input: z.strictObject({
      status: z.enum(sessionLogStatuses).optional(),
      helpSeekerId: id.optional(),
      peerId: id.optional(),
      text: z.string().trim().max(100).optional(),
      ...sortRequest(sessionLogSorts, 'heldOn', 'desc'),
      ...pageRequest,
    }),
    output: z.object({ logs: z.array(sessionLogSummary), ...pageTotal }),
  }),
  /**
   * Submitted logs waiting for review, a page at a time; `total` is the queue's length. The most
   * severe first (urgent, high, routine, then logs with nothing ticked), the longest waiting first
   * within a severity.
   */
  'sessionLogs.reviewQueue': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({ ...pageRequest }),
    output: z.object({ logs: z.array(sessionLogSummary), ...pageTotal }),
  }),
  'sessionLogs.get': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: everyone },
    input: z.strictObject({ id }),
    output: z.object({ log: sessionLog }),
  }),
  /**
   * Whether the caller has any help-seeker code to pick. The form finds codes by typing
   * (helpSeekers.list) and, for a coordinator, the peer too (peers.list with
   * offeredPeerStatuses.paperLog), rather than loading every code or peer.
   */
  'sessionLogs.formOptions': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: logWriters },
    input: z.strictObject({}),
    output: z.object({ hasHelpSeekers: z.boolean() }),
  }),
  'sessionLogs.create': defineMethod({ access: { states: ['unlocked'], roles: logWriters }, input: sessionLogCreateInput, output: sessionLogSaved }),
  /** Only a draft or a returned log can change; a stale version is refused. */
  'sessionLogs.update': defineMethod({ access: { states: ['unlocked'], roles: logWriters }, input: sessionLogUpdateInput, output: sessionLogSaved }),
  /** A draft that was never submitted can be thrown away; nothing else is ever deleted. */
  'sessionLogs.discardDraft': defineMethod({
    access: { states: ['unlocked'], roles: logWriters },
    input: z.strictObject({ id, version }),
    output: z.strictObject({}),
  }),
  /**
   * Approves a submitted log; it is locked from then on. `comment`, a review note kept with the
   * decision, says why a log that cannot go back to its peer (issue 14) was approved as it is.
   */
  'sessionLogs.approve': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({ id, version, comment: optionalText(limits.longText).optional() }),
    output: z.object({ log: sessionLog }),
  }),
  /**
   * Sends a submitted log back to the peer with a comment saying what to change. Refused
   * (CONFLICT `no-peer-account` or `return-peer-not-active`) when the peer could not read it or
   * change the log; see `canReturn`.
   */
  'sessionLogs.return': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({ id, version, comment: requiredText(limits.longText) }),
    output: z.object({ log: sessionLog }),
  }),
  /**
   * Approves a submitted log and opens a case from it, assigned to
   * `assignedUserId` (null: the peer's supervisor, if any). When the
   * help-seeker already has a case that is not closed, the log joins that case
   * with the note instead. Refused when the log itself is already on one.
   */
  'sessionLogs.escalate': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({
      id,
      version,
      severity: z.enum(caseSeverities),
      assignedUserId: id.nullable(),
      note: requiredText(limits.longText),
    }),
    output: z.object({ log: sessionLog, caseId: id, escalationProtocol: z.string() }),
  }),
  /** A dated correction to an approved log, signed by its author; never edited or removed. */
  'sessionLogs.addAddendum': defineMethod({
    access: { states: ['unlocked'], roles: everyone },
    input: z.strictObject({ id, text: requiredText(limits.longText) }),
    output: z.object({ log: sessionLog }),
  }),
};
