import { z } from 'zod';
import { id, isoDate, limits, optionalText, requiredText, version } from '../fields';
import { defineMethod } from '../method';
import { pageRequest, pageTotal } from '../paging';
import { coordinatorOnly, staff } from '../roles';
import { caseSeverities, sessionLog } from './sessionLogs';

/** The orders the case list offers. */
export const caseSorts = ['priority', 'openedAt'] as const;
export type CaseSort = (typeof caseSorts)[number];

/**
 * A case is something beyond a peer's role that a supervisor (a counselor or
 * psychologist) must look at. Statuses:
 *
 *   open → in_review → monitoring | referred → closed (with an outcome)
 *
 * monitoring and referred can follow each other (a monitored student may need
 * a referral; a referral may end in monitoring). `referred` needs a referral on
 * the case. `closed` is final: a new concern about the student is a new case.
 * Nothing on a case is edited or deleted; every change is a timeline event.
 */
export const caseStatuses = ['open', 'in_review', 'monitoring', 'referred', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const caseTransitions: Record<CaseStatus, readonly CaseStatus[]> = {
  open: ['in_review'],
  in_review: ['monitoring', 'referred'],
  monitoring: ['referred', 'closed'],
  referred: ['monitoring', 'closed'],
  closed: [],
};

/** A case is "still waiting for a decision" in these statuses; past its due time it is overdue. */
export const undecidedCaseStatuses = ['open', 'in_review'] as const satisfies readonly CaseStatus[];

/** Where a case came from: the risk screen of a submitted log, a coordinator's review, or opened by hand. */
export const caseOrigins = ['risk_screen', 'review', 'manual'] as const;
export type CaseOrigin = (typeof caseOrigins)[number];

export const caseOutcomes = ['resolved', 'support_continues_elsewhere', 'moved_or_left', 'declined_help', 'other'] as const;
export type CaseOutcome = (typeof caseOutcomes)[number];

export const caseEventKinds = [
  'opened',
  'note',
  'decision',
  'status',
  'assigned',
  'log_linked',
  'severity_raised',
  'referral_made',
  'referral_status',
] as const;
export type CaseEventKind = (typeof caseEventKinds)[number];

export const caseEvent = z.object({
  id,
  kind: z.enum(caseEventKinds),
  at: z.string(),
  authorName: z.string().nullable(),
  /** The note or decision text, or the note that came with a status change. */
  body: z.string(),
  fromStatus: z.enum(caseStatuses).nullable(),
  toStatus: z.enum(caseStatuses).nullable(),
  outcome: z.enum(caseOutcomes).nullable(),
  assignedToName: z.string().nullable(),
  severity: z.enum(caseSeverities).nullable(),
  logId: id.nullable(),
  /** The linked log's day, when the caller may read that log (null otherwise, and for no log). */
  logHeldOn: z.string().nullable(),
  /** Whether the caller may open the linked log. */
  logVisible: z.boolean(),
  referralId: id.nullable(),
  referralStatus: z.string().nullable(),
});
export type CaseEvent = z.infer<typeof caseEvent>;

export const caseSummary = z.object({
  id,
  helpSeekerId: id,
  helpSeekerCode: z.string(),
  severity: z.enum(caseSeverities),
  status: z.enum(caseStatuses),
  origin: z.enum(caseOrigins),
  assignedUserId: id.nullable(),
  assignedName: z.string().nullable(),
  /** The peers whose logs the case came from. */
  peerNames: z.array(z.string()),
  openedAt: z.string(),
  dueAt: z.string(),
  /** Past its due time and still open or in review. */
  overdue: z.boolean(),
  closedAt: z.string().nullable(),
  outcome: z.enum(caseOutcomes).nullable(),
  lastEventAt: z.string(),
  version,
});
export type CaseSummary = z.infer<typeof caseSummary>;

export const referralServiceKinds = [
  'school_counselor',
  'psychologist',
  'health_centre',
  'hospital',
  'child_protection',
  'police',
  'hotline',
  'other',
] as const;
export type ReferralServiceKind = (typeof referralServiceKinds)[number];

export const referralService = z.object({
  id,
  kind: z.enum(referralServiceKinds),
  name: z.string(),
  organisation: z.string(),
  phone: z.string(),
  notes: z.string(),
  archived: z.boolean(),
  version,
  updatedAt: z.string(),
});
export type ReferralService = z.infer<typeof referralService>;

const serviceFields = {
  kind: z.enum(referralServiceKinds),
  name: requiredText(limits.name),
  organisation: optionalText(limits.shortText),
  phone: optionalText(60),
  notes: optionalText(limits.longText),
};

/** pending → accepted | declined; accepted → completed. */
export const referralStatuses = ['pending', 'accepted', 'declined', 'completed'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

export const referralTransitions: Record<ReferralStatus, readonly ReferralStatus[]> = {
  pending: ['accepted', 'declined'],
  accepted: ['completed'],
  declined: [],
  completed: [],
};

export const referral = z.object({
  id,
  caseId: id,
  helpSeekerCode: z.string(),
  serviceId: id,
  serviceName: z.string(),
  serviceKind: z.enum(referralServiceKinds),
  organisation: z.string(),
  phone: z.string(),
  referredOn: z.string(),
  reason: z.string(),
  /** Who consented (the student, a parent…) and when; null when an override reason was recorded instead. */
  consentBy: z.string().nullable(),
  consentOn: z.string().nullable(),
  overrideReason: z.string().nullable(),
  status: z.enum(referralStatuses),
  followUpOn: z.string().nullable(),
  /** The follow-up date has passed and the referral is still pending or accepted. */
  followUpOverdue: z.boolean(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  version,
  updatedAt: z.string(),
});
export type Referral = z.infer<typeof referral>;

export const referralCreateInput = z.strictObject({
  caseId: id,
  serviceId: id,
  referredOn: isoDate,
  reason: requiredText(limits.longText),
  /** Required unless `overrideReason` is given. */
  consent: z.strictObject({ by: requiredText(limits.name), on: isoDate }).nullable(),
  /** Why the referral goes ahead without consent (for example, a child in danger); recorded and audited. */
  overrideReason: optionalText(limits.longText).nullable(),
  followUpOn: isoDate.nullable(),
});

export const caseDetail = z.object({
  case: caseSummary,
  helpSeeker: z.object({
    id,
    code: z.string(),
    /** Whether the caller may reveal the identity (the reveal itself is a separate, audited call). */
    identityAllowed: z.boolean(),
  }),
  /** How many of the case's logs the caller may read; the logs themselves come a page at a time from cases.logs. */
  logCount: z.number().int().nonnegative(),
  timeline: z.array(caseEvent),
  /** Held supervision meetings that discussed the case (issue 5), shown on the timeline by their date. */
  discussedInSupervision: z.array(
    z.object({ meetingId: id, heldOn: z.string(), startTime: z.string().nullable(), kind: z.enum(['individual', 'group', 'case_conference']), supervisorName: z.string() }),
  ),
  referrals: z.array(referral),
  allowedTransitions: z.array(z.enum(caseStatuses)),
  canAct: z.boolean(),
  canReassign: z.boolean(),
  escalationProtocol: z.string(),
});
export type CaseDetail = z.infer<typeof caseDetail>;

export const assignee = z.object({ id, fullName: z.string(), role: z.enum(['coordinator', 'supervisor']) });
export type Assignee = z.infer<typeof assignee>;

export const casesDashboard = z.object({
  logsAwaitingReview: z.number().int(),
  oldestAwaitingReviewSince: z.string().nullable(),
  openBySeverity: z.record(z.enum(caseSeverities), z.number().int()),
  overdueCases: z.number().int(),
  unassignedCases: z.number().int(),
  referralFollowUpsDue: z.number().int(),
  /** The urgent case that has waited longest without being taken into review. */
  oldestUnreviewedUrgent: z.object({ id, helpSeekerCode: z.string(), openedAt: z.string(), ageMinutes: z.number().int() }).nullable(),
});
export type CasesDashboard = z.infer<typeof casesDashboard>;

export const casesMethods = {
  /**
   * Cases the caller may see: a coordinator all, a supervisor those assigned
   * to them (or all, when Settings allows it). `open: true` leaves out closed
   * ones. Ordered by severity, then due time.
   */
  /** One page of the cases the caller may see: by priority (open, most severe, soonest due) or newest first. */
  'cases.list': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({
      open: z.boolean().optional(),
      helpSeekerId: id.optional(),
      /** A help-seeker code's beginning. */
      text: z.string().trim().max(40).optional(),
      sort: z.enum(caseSorts).default('priority'),
      ...pageRequest,
    }),
    output: z.object({ cases: z.array(caseSummary), ...pageTotal }),
  }),
  /** The case page. Every view is audited. */
  'cases.get': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({ id }),
    output: caseDetail,
  }),
  /** The logs on a case that the caller may read, newest first, a page at a time (a case can gather hundreds over the years). */
  'cases.logs': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({ id, ...pageRequest }),
    output: z.object({ logs: z.array(sessionLog), ...pageTotal }),
  }),
  /** Opens a case by hand about a help-seeker, optionally from one of their logs. */
  'cases.open': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({
      helpSeekerId: id,
      logId: id.nullable(),
      severity: z.enum(caseSeverities),
      assignedUserId: id.nullable(),
      note: requiredText(limits.longText),
    }),
    output: z.object({ caseId: id, escalationProtocol: z.string() }),
  }),
  'cases.addNote': defineMethod({
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({ id, kind: z.enum(['note', 'decision']), text: requiredText(limits.longText) }),
    output: caseDetail,
  }),
  /** Moves a case along its status machine; a refused transition is CONFLICT. Closing needs an outcome. */
  'cases.transition': defineMethod({
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({
      id,
      version,
      to: z.enum(caseStatuses),
      note: optionalText(limits.longText),
      outcome: z.enum(caseOutcomes).optional(),
    }),
    output: caseDetail,
  }),
  /**
   * Hands the case to another supervisor (or coordinator); by the coordinator
   * or the current assignee. `visible` says whether the caller still sees the
   * case afterwards (a supervisor who handed it on may not).
   */
  'cases.reassign': defineMethod({
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({ id, version, assignedUserId: id, note: optionalText(limits.longText) }),
    output: z.object({ visible: z.boolean() }),
  }),
  /** Staff who can be given a case: active coordinators and supervisors. */
  'cases.assignees': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({}),
    output: z.object({ assignees: z.array(assignee) }),
  }),
  'cases.dashboard': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({}),
    output: casesDashboard,
  }),
  'referrals.services': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({}),
    output: z.object({ services: z.array(referralService) }),
  }),
  'referrals.createService': defineMethod({
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject(serviceFields),
    output: z.object({ service: referralService }),
  }),
  /** Edits a directory entry, or archives it (it stays on the referrals that name it). */
  'referrals.updateService': defineMethod({
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({ id, version, ...serviceFields, archived: z.boolean() }),
    output: z.object({ service: referralService }),
  }),
  /** Referrals on cases the caller may see; `followUp: true` lists those still pending or accepted, follow-up date first. */
  'referrals.list': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({ followUp: z.boolean().optional() }),
    output: z.object({ referrals: z.array(referral) }),
  }),
  /** Needs the consent (who and when) or an override reason. */
  'referrals.create': defineMethod({
    access: { states: ['unlocked'], roles: staff },
    input: referralCreateInput,
    output: caseDetail,
  }),
  'referrals.setStatus': defineMethod({
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({
      id,
      version,
      to: z.enum(referralStatuses),
      note: optionalText(limits.longText),
      followUpOn: isoDate.nullable().optional(),
    }),
    output: caseDetail,
  }),
};
