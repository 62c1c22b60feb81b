import { z } from 'zod';
import { id, isoDate, language, limits, optionalText, requiredText, version } from '../fields';
import { defineMethod } from '../method';
import { pageRequest, pageSizes, pageTotal, sortRequest } from '../paging';
import { coordinatorOnly, everyone } from '../roles';

/** The program's life cycle of a peer supporter, in order; `withdrawn` can follow any step. */
export const peerStatuses = [
  'nominated',
  'interviewing',
  'selected',
  'in_training',
  'active',
  'paused',
  'alumni',
  'withdrawn',
] as const;
export type PeerStatus = (typeof peerStatuses)[number];

/**
 * Which status may follow which. Every status change goes through
 * `peers.transition`, which also checks the rules beyond this table: selected
 * needs an interview decided "selected"; active needs consent, pledge and the
 * required training (or a coordinator's written override); withdrawn needs a reason.
 * Alumni and withdrawn are final.
 */
export const peerTransitions: Record<PeerStatus, readonly PeerStatus[]> = {
  nominated: ['interviewing', 'withdrawn'],
  interviewing: ['selected', 'withdrawn'],
  selected: ['in_training', 'withdrawn'],
  in_training: ['active', 'withdrawn'],
  active: ['paused', 'alumni', 'withdrawn'],
  paused: ['active', 'alumni', 'withdrawn'],
  alumni: [],
  withdrawn: [],
};

/**
 * Which peers each form offers to choose, by status (its picker asks peers.list for these).
 * - paperLog: a coordinator typing in paper forms writes for a peer who is active, or paused or
 *   alumni since (forms handed in late); never for one not yet active or withdrawn. The backend
 *   refuses the others (sessionLogs.create).
 * - meeting and outreach: peers still in the program.
 * - training: from selection until they leave the program.
 * - evaluation: active peers, whose competency is being evaluated.
 */
export const offeredPeerStatuses = {
  paperLog: ['active', 'paused', 'alumni'],
  meeting: ['in_training', 'active', 'paused'],
  outreach: ['in_training', 'active', 'paused'],
  training: ['selected', 'in_training', 'active', 'paused'],
  evaluation: ['active'],
} as const satisfies Record<string, readonly PeerStatus[]>;

/** Statuses a peer can have when they arrive by CSV import: before activation, which needs its checks. */
export const importableStatuses = ['nominated', 'interviewing', 'selected', 'in_training'] as const satisfies readonly PeerStatus[];

export const nominationSources = ['student', 'staff'] as const;
export type NominationSource = (typeof nominationSources)[number];

export const guardianRelationships = ['mother', 'father', 'guardian', 'grandparent', 'sibling', 'other'] as const;

/** The selection criteria on the interview checklist. */
export const interviewCriteria = ['trusted', 'listener', 'confidential', 'steady', 'reliable', 'motivated'] as const;
export type InterviewCriterion = (typeof interviewCriteria)[number];

export const interviewDecisions = ['undecided', 'selected', 'not_selected'] as const;

/** What activation can be missing: parent consent, the peer's pledge, or required training. */
export const activationRequirements = ['consent', 'pledge', 'training'] as const;
export type ActivationRequirement = (typeof activationRequirements)[number];

/**
 * A roster entry. `supervisorUserId` is the staff user (coordinator or
 * supervisor) assigned to support this peer; later areas (session review,
 * supervision) use it to route a peer's work to their supervisor.
 */
export const peer = z.object({
  id,
  fullName: z.string(),
  className: z.string(),
  status: z.enum(peerStatuses),
  supervisorUserId: id.nullable(),
  version,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Peer = z.infer<typeof peer>;

export const refresherStates = ['due', 'overdue'] as const;
export type RefresherState = (typeof refresherStates)[number];

export const refresherDue = z.object({
  moduleId: id,
  dueOn: z.string(),
  state: z.enum(refresherStates),
});
export type RefresherDue = z.infer<typeof refresherDue>;

/** A peer on the roster with the figures the roster shows and filters by. */
export const rosterEntry = peer.extend({
  statusSince: z.string(),
  supervisorName: z.string().nullable(),
  consent: z.boolean(),
  pledge: z.boolean(),
  trained: z.boolean(),
  trainedOn: z.string().nullable(),
  requiredDone: z.number().int(),
  requiredTotal: z.number().int(),
  trainingHours: z.number(),
  /** Refreshers due within 30 days or overdue, for peers still in the program. */
  refreshers: z.array(refresherDue),
});
export type RosterEntry = z.infer<typeof rosterEntry>;

export const statusChange = z.object({
  id,
  fromStatus: z.enum(peerStatuses).nullable(),
  toStatus: z.enum(peerStatuses),
  changedAt: z.string(),
  changedByName: z.string().nullable(),
  /** Why: the withdrawal reason, the override reason, or a note. Not shown to the peer. */
  reason: z.string().nullable(),
  overridden: z.boolean(),
});
export type StatusChange = z.infer<typeof statusChange>;

export const interview = z.object({
  interviewedOn: z.string(),
  interviewer: z.string(),
  criteria: z.record(z.enum(interviewCriteria), z.boolean()),
  notes: z.string(),
  decision: z.enum(interviewDecisions),
  updatedAt: z.string(),
});
export type Interview = z.infer<typeof interview>;

export const consent = z.object({
  consentOn: z.string(),
  guardianName: z.string(),
  relationship: z.enum(guardianRelationships),
  formLocation: z.string(),
});
export type Consent = z.infer<typeof consent>;

export const nomination = z.object({
  source: z.enum(nominationSources),
  nominatedBy: z.string(),
  nominatedOn: z.string().nullable(),
  reason: z.string(),
});
export type Nomination = z.infer<typeof nomination>;

/** One module's standing for one peer, with what the profile needs to show the module itself. */
export const moduleProgress = z.object({
  moduleId: id,
  titleId: z.string(),
  titleEn: z.string(),
  required: z.boolean(),
  retired: z.boolean(),
  moduleHours: z.number(),
  refresherMonths: z.number().int().nullable(),
  attended: z.boolean(),
  completed: z.boolean(),
  firstCompletedOn: z.string().nullable(),
  lastCompletedOn: z.string().nullable(),
  hours: z.number(),
  bestScore: z.number().int().nullable(),
  refresherDueOn: z.string().nullable(),
  refresherState: z.enum(refresherStates).nullable(),
});
export type ModuleProgress = z.infer<typeof moduleProgress>;

export const trainingRecord = z.object({
  id,
  moduleId: id,
  sessionId: id.nullable(),
  attendedOn: z.string(),
  hours: z.number(),
  trainer: z.string(),
  completed: z.boolean(),
  score: z.number().int().nullable(),
});
export type TrainingRecord = z.infer<typeof trainingRecord>;

export const trainingSummary = z.object({
  trained: z.boolean(),
  trainedOn: z.string().nullable(),
  requiredDone: z.number().int(),
  requiredTotal: z.number().int(),
  hours: z.number(),
  modules: z.array(moduleProgress),
  records: z.array(trainingRecord),
  knowledgePre: z.number().int().nullable(),
  knowledgePost: z.number().int().nullable(),
});
export type TrainingSummary = z.infer<typeof trainingSummary>;

export const activationCheck = z.object({
  ready: z.boolean(),
  missing: z.array(z.enum(activationRequirements)),
  /** Required modules not yet completed. */
  missingModuleIds: z.array(id),
});
export type ActivationCheck = z.infer<typeof activationCheck>;

/**
 * Consent as the profile shows it. A supervisor learns that it was given and
 * when, not who the guardian is or where the form is kept: those are null.
 */
export const consentShown = consent.extend({
  guardianName: z.string().nullable(),
  relationship: z.enum(guardianRelationships).nullable(),
  formLocation: z.string().nullable(),
});
export type ConsentShown = z.infer<typeof consentShown>;

/**
 * Everything the profile page shows (electron/backend/access peerFields). A
 * supervisor and a peer reading their own profile get null for the nomination
 * and the interview, and no reasons in the history: that is the selection file
 * and the coordinator's notes. A supervisor gets consent without the guardian.
 */
export const peerProfile = z.object({
  peer,
  supervisorName: z.string().nullable(),
  nomination: nomination.nullable(),
  interview: interview.nullable(),
  consent: consentShown.nullable(),
  pledgeOn: z.string().nullable(),
  history: z.array(statusChange),
  training: trainingSummary,
  activation: activationCheck,
});
export type PeerProfile = z.infer<typeof peerProfile>;

const nominationInput = z.strictObject({
  source: z.enum(nominationSources),
  nominatedBy: requiredText(limits.name),
  nominatedOn: isoDate.nullable(),
  reason: optionalText(limits.longText),
});

const peerFields = {
  fullName: requiredText(limits.name),
  className: requiredText(40),
  nomination: nominationInput.nullable().optional(),
};

/** A new peer starts as nominated; their status then moves only through `peers.transition`. */
export const peerCreateInput = z.strictObject(peerFields);
export const peerUpdateInput = z.strictObject({ id, version, ...peerFields, supervisorUserId: id.nullable().optional() });

export const peerTransitionInput = z.strictObject({
  id,
  version,
  to: z.enum(peerStatuses),
  /** Required for withdrawn and for an override; otherwise an optional note. */
  reason: optionalText(limits.longText).optional(),
  /** Activate although something is missing; needs a written reason and is audited. */
  override: z.boolean().optional(),
});

export const interviewInput = z.strictObject({
  id,
  version,
  interviewedOn: isoDate,
  interviewer: requiredText(limits.name),
  criteria: z.strictObject(Object.fromEntries(interviewCriteria.map((c) => [c, z.boolean()])) as Record<InterviewCriterion, z.ZodBoolean>),
  notes: optionalText(limits.longText),
  decision: z.enum(interviewDecisions),
});

export const consentInput = z.strictObject({
  id,
  version,
  consentOn: isoDate,
  guardianName: requiredText(limits.name),
  relationship: z.enum(guardianRelationships),
  formLocation: requiredText(limits.shortText),
});

export const pledgeInput = z.strictObject({ id, version, pledgeOn: isoDate });

/** The largest CSV file the import reads (about 5,000 roster rows). */
export const csvMaxChars = 1_000_000;

export const importIssue = z.object({
  column: z.string(),
  reason: z.string(),
});

export const importRow = z.object({
  /** Line in the file where the row starts (the header is line 1). */
  line: z.number().int(),
  fullName: z.string(),
  className: z.string(),
  status: z.enum(peerStatuses).nullable(),
  outcome: z.enum(['ready', 'duplicate', 'invalid']),
  /** For a duplicate: the line in this file it repeats, or null when the peer is already on the roster. */
  duplicateOfLine: z.number().int().nullable(),
  errors: z.array(importIssue),
});
export type ImportRow = z.infer<typeof importRow>;

export const importPreview = z.object({
  /** The file's column headings and what each was understood as (null: ignored). */
  columns: z.array(z.object({ header: z.string(), field: z.string().nullable() })),
  rows: z.array(importRow),
  /** A problem with the whole file (no name column, empty file); no row can be imported. */
  fileError: z.string().nullable(),
});
export type ImportPreview = z.infer<typeof importPreview>;

/**
 * The roster's sorts: its columns, and the earliest refresher date of a peer in the program (the
 * refreshers list, soonest first). The training figures are worked out per page, so they do not sort.
 */
export const peerSorts = ['fullName', 'className', 'status', 'statusSince', 'supervisor', 'refresherDueOn'] as const;
export type PeerSort = (typeof peerSorts)[number];

/** The roster's training filter: trained, not yet trained, or with a refresher due within 30 days or overdue. */
export const trainingFilters = ['trained', 'not_trained', 'refresher'] as const;
export type TrainingFilter = (typeof trainingFilters)[number];

/**
 * Which peers a roster page or a picker asks for. Each filter only narrows what the caller may
 * see; `supervised` and `withoutAccount` narrow it by the access policy's own rules.
 */
export const peerFilters = {
  /** Part of the name or the class, in any case. */
  text: z.string().trim().max(limits.name).optional(),
  statuses: z.array(z.enum(peerStatuses)).min(1).max(peerStatuses.length).optional(),
  className: z.string().trim().max(40).optional(),
  training: z.enum(trainingFilters).optional(),
  /** Only the peers the caller supervises: whom her meetings, groups and evaluations may name. */
  supervised: z.boolean().optional(),
  /** Only peers with no sign-in account yet; only the coordinator, who makes accounts, learns who has one. */
  withoutAccount: z.boolean().optional(),
  /** These peers: a picker naming the ones already chosen. */
  ids: z.array(id).min(1).max(pageSizes.max).optional(),
};

export const peersMethods = {
  /**
   * One page of the roster, sorted and filtered in SQL, with each peer's training figures worked
   * out for that page only. Staff see the roster; a peer account sees only its own entry.
   */
  'peers.list': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: everyone },
    input: z.strictObject({ ...peerFilters, ...sortRequest(peerSorts, 'fullName', 'asc'), ...pageRequest }),
    output: z.object({ peers: z.array(rosterEntry), ...pageTotal }),
  }),
  /** What the roster's filters offer: how many peers have each status, and the classes they are in. */
  'peers.overview': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: everyone },
    input: z.strictObject({}),
    output: z.object({
      byStatus: z.record(z.enum(peerStatuses), z.number().int()),
      total: z.number().int(),
      classNames: z.array(z.string()),
    }),
  }),
  'peers.get': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: everyone },
    input: z.strictObject({ id }),
    output: z.object({ peer }),
  }),
  /** The profile page; a peer may read only their own, without the coordinator's notes. */
  'peers.profile': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: everyone },
    input: z.strictObject({ id }),
    output: peerProfile,
  }),
  'peers.create': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: peerCreateInput,
    output: z.object({ peer }),
  }),
  'peers.update': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: peerUpdateInput,
    output: z.object({ peer }),
  }),
  'peers.transition': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: peerTransitionInput,
    output: z.object({ peer }),
  }),
  'peers.recordInterview': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: interviewInput,
    output: z.object({ peer }),
  }),
  'peers.recordConsent': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: consentInput,
    output: z.object({ peer }),
  }),
  'peers.recordPledge': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: pledgeInput,
    output: z.object({ peer }),
  }),
  /**
   * The roster's peers that match the filters (all of them, not a page), in the roster's order,
   * as CSV text in the caller's language; the file it becomes is not encrypted.
   */
  'peers.exportCsv': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({ ...peerFilters, ...sortRequest(peerSorts, 'fullName', 'asc'), language }),
    output: z.object({ csv: z.string(), fileName: z.string(), rows: z.number().int() }),
  }),
  /** Reads a CSV file and says what importing it would do, row by row; changes nothing. */
  'peers.importPreview': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({ csv: z.string().max(csvMaxChars) }),
    output: importPreview,
  }),
  /** Imports the rows the preview calls ready; invalid rows and peers already on the roster are skipped. */
  'peers.importCommit': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({ csv: z.string().max(csvMaxChars) }),
    output: z.object({ imported: z.number().int(), skippedInvalid: z.number().int(), skippedDuplicates: z.number().int() }),
  }),
};
