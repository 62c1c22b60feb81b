import { z } from 'zod';
import { id, isoDate, limits, optionalText, requiredText, version } from '../fields';
import { defineMethod } from '../method';
import { pageRequest, pageTotal } from '../paging';
import { coordinatorOnly, everyone, staff } from '../roles';
import { term } from '../terms';
import { caseSeverities, clockTime } from './sessionLogs';
import { caseStatuses } from './cases';
import { peerStatuses } from './peers';

/**
 * Supervision (issue 5): regular meetings of a supervisor with peers, where
 * cases and logs are discussed and action items agreed.
 *
 * A meeting is planned (a date and who is invited), then recorded as held
 * (who was present, how long, topics, notes, the cases and logs discussed and
 * the action items), or cancelled. A held meeting is never deleted.
 *
 * Cadence: each peer belongs to at most one supervision group, which has a
 * planned frequency (default every 14 days). An active peer's next meeting is
 * due that many days after the last held meeting they were present at (any
 * kind), or after the day they joined the group when they have not been to
 * one yet; past that day they are overdue.
 */
export const meetingKinds = ['individual', 'group', 'case_conference'] as const;
export type MeetingKind = (typeof meetingKinds)[number];

export const meetingStatuses = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

export const defaultFrequencyDays = 14;
/** How soon before its day a meeting counts as due (shown in orange before it turns overdue). */
export const dueSoonDays = 7;

export const cadenceStates = ['ok', 'due', 'overdue', 'no_group'] as const;
export type CadenceState = (typeof cadenceStates)[number];

export const groupMember = z.object({ peerId: id, fullName: z.string(), className: z.string(), status: z.enum(peerStatuses) });

export const supervisionGroup = z.object({
  id,
  name: z.string(),
  supervisorUserId: id.nullable(),
  supervisorName: z.string().nullable(),
  frequencyDays: z.number().int(),
  archived: z.boolean(),
  members: z.array(groupMember),
  /** The group's last held meeting, its next one due by the frequency, and the next one planned. */
  lastMeetingOn: z.string().nullable(),
  nextDueOn: z.string(),
  overdue: z.boolean(),
  plannedOn: z.string().nullable(),
  version,
});
export type SupervisionGroup = z.infer<typeof supervisionGroup>;

/** One active peer's supervision: group, last and next meeting, and hours this term. */
export const peerCadence = z.object({
  peerId: id,
  fullName: z.string(),
  className: z.string(),
  groupId: id.nullable(),
  groupName: z.string().nullable(),
  frequencyDays: z.number().int().nullable(),
  lastMeetingOn: z.string().nullable(),
  nextDueOn: z.string().nullable(),
  state: z.enum(cadenceStates),
  /** The next planned meeting the peer is invited to, if any. */
  plannedOn: z.string().nullable(),
  meetingsThisTerm: z.number().int(),
  hoursThisTerm: z.number(),
});
export type PeerCadence = z.infer<typeof peerCadence>;

export const attendee = z.object({
  peerId: id.nullable(),
  userId: id.nullable(),
  name: z.string(),
  present: z.boolean(),
});
export type Attendee = z.infer<typeof attendee>;

export const actionItem = z.object({
  id,
  meetingId: id,
  meetingHeldOn: z.string(),
  meetingKind: z.enum(meetingKinds),
  text: z.string(),
  ownerPeerId: id.nullable(),
  ownerUserId: id.nullable(),
  ownerName: z.string(),
  dueOn: z.string(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  /** Past its due day and not done. */
  overdue: z.boolean(),
  /** Whether the caller may tick it done or open again. */
  canTick: z.boolean(),
  version,
});
export type ActionItem = z.infer<typeof actionItem>;

export const meetingSummary = z.object({
  id,
  status: z.enum(meetingStatuses),
  kind: z.enum(meetingKinds),
  heldOn: z.string(),
  startTime: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  groupId: id.nullable(),
  groupName: z.string().nullable(),
  supervisorUserId: id,
  supervisorName: z.string(),
  /** Peers invited, and of them present (for a held meeting). */
  peersInvited: z.number().int(),
  peersPresent: z.number().int(),
  topics: z.array(z.string()),
  cases: z.number().int(),
  openActionItems: z.number().int(),
  version,
});
export type MeetingSummary = z.infer<typeof meetingSummary>;

export const meetingDetail = meetingSummary.extend({
  attendees: z.array(attendee),
  notes: z.string(),
  discussedCases: z.array(z.object({ id, helpSeekerCode: z.string(), severity: z.enum(caseSeverities), status: z.enum(caseStatuses) })),
  discussedLogs: z.array(z.object({ id, heldOn: z.string().nullable(), peerName: z.string(), helpSeekerCode: z.string().nullable() })),
  actionItems: z.array(actionItem),
  canEdit: z.boolean(),
  createdByName: z.string().nullable(),
  updatedAt: z.string(),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

export const actionItemInput = z.strictObject({
  /** An existing item of this meeting, or null for a new one. */
  id: id.nullable(),
  text: requiredText(500),
  /** Exactly one owner: a peer on the roster or a staff account. */
  ownerPeerId: id.nullable(),
  ownerUserId: id.nullable(),
  dueOn: isoDate,
  done: z.boolean(),
});
export type ActionItemInput = z.infer<typeof actionItemInput>;

export const meetingFields = {
  /** Planned, or held (recorded). Cancelling is its own call. */
  status: z.enum(['planned', 'held']),
  kind: z.enum(meetingKinds),
  heldOn: isoDate,
  startTime: clockTime.nullable(),
  /** Needed once the meeting is held. */
  durationMinutes: z.number().int().min(5).max(600).nullable(),
  groupId: id.nullable(),
  supervisorUserId: id,
  /** Exactly one of peerId and userId per attendee; `present` matters once the meeting is held. */
  attendees: z.array(z.strictObject({ peerId: id.nullable(), userId: id.nullable(), present: z.boolean() })).max(200),
  topics: z.array(requiredText(80)).max(20),
  caseIds: z.array(id).max(50),
  logIds: z.array(id).max(100),
  notes: optionalText(limits.longText),
  actionItems: z.array(actionItemInput).max(50),
};

export const meetingCreateInput = z.strictObject(meetingFields);
export const meetingUpdateInput = z.strictObject({ id, version, ...meetingFields });

export const groupFields = {
  name: requiredText(limits.shortText),
  supervisorUserId: id.nullable(),
  frequencyDays: z.number().int().min(1).max(90),
  peerIds: z.array(id).max(500),
};

export const supervisionMethods = {
  /** Supervision groups with their members and cadence (archived ones last). */
  'supervision.groups': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({}),
    output: z.object({ groups: z.array(supervisionGroup) }),
  }),
  /** A new group; a peer already in another group moves to this one. */
  'supervision.createGroup': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject(groupFields),
    output: z.object({ group: supervisionGroup }),
  }),
  'supervision.updateGroup': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({ id, version, ...groupFields, archived: z.boolean() }),
    output: z.object({ group: supervisionGroup }),
  }),
  /** Every active peer's supervision cadence (and `peerId`: one peer's, also when not active). */
  'supervision.cadence': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({ peerId: id.optional() }),
    output: z.object({
      peers: z.array(peerCadence),
      termId: z.string(),
      /** The current term, and the supervision held in it: meetings and their hours (each meeting counted once). */
      term,
      termHeld: z.object({ meetings: z.number().int(), hours: z.number() }),
    }),
  }),
  /** Meetings the caller may see (a supervisor: those they lead), newest first. */
  /** One page of the meetings the caller may see, newest first; `text` finds a group, supervisor or topic by part of it. */
  'supervision.meetings': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({ status: z.enum(meetingStatuses).optional(), text: z.string().trim().max(100).optional(), ...pageRequest }),
    output: z.object({ meetings: z.array(meetingSummary), ...pageTotal }),
  }),
  'supervision.meeting': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({ id }),
    output: z.object({ meeting: meetingDetail }),
  }),
  /**
   * Who and what a meeting form may name, for the caller, that is small by nature: the staff,
   * the groups (with their members, whom choosing a group invites), recent logs, topics. The
   * peers and the open cases are found by typing (peers.list supervised, with
   * offeredPeerStatuses.meeting; cases.list open).
   */
  'supervision.formOptions': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({}),
    output: z.object({
      staff: z.array(z.object({ id, fullName: z.string(), role: z.enum(['coordinator', 'supervisor']) })),
      groups: z.array(z.object({ id, name: z.string(), supervisorUserId: id.nullable(), members: z.array(z.object({ peerId: id, fullName: z.string() })) })),
      logs: z.array(z.object({ id, heldOn: z.string().nullable(), peerId: id, peerName: z.string(), helpSeekerCode: z.string().nullable() })),
      topicSuggestions: z.array(z.string()),
    }),
  }),
  'supervision.createMeeting': defineMethod({
    access: { states: ['unlocked'], roles: staff },
    input: meetingCreateInput,
    output: z.object({ meeting: meetingDetail }),
  }),
  'supervision.updateMeeting': defineMethod({
    access: { states: ['unlocked'], roles: staff },
    input: meetingUpdateInput,
    output: z.object({ meeting: meetingDetail }),
  }),
  /** A planned meeting that will not take place; a held meeting cannot be cancelled. */
  'supervision.cancelMeeting': defineMethod({
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({ id, version }),
    output: z.object({ meeting: meetingDetail }),
  }),
  /**
   * The caller's own open action items (and those done in the last 14 days):
   * a staff member's, or a peer account's own, read-only.
   */
  'actionItems.mine': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: everyone },
    input: z.strictObject({}),
    output: z.object({ items: z.array(actionItem) }),
  }),
  /** Action items the caller may see: a coordinator all, a supervisor those of their meetings and their own. */
  /** One page of action items, open ones first by due day; `peerId` a peer's own, `text` part of the text or the owner's name. */
  'actionItems.list': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({ open: z.boolean().optional(), peerId: id.optional(), text: z.string().trim().max(100).optional(), ...pageRequest }),
    output: z.object({ items: z.array(actionItem), ...pageTotal }),
  }),
  /** Ticks an item done (or open again): its owner, the meeting's supervisor or the coordinator. */
  'actionItems.setDone': defineMethod({
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({ id, version, done: z.boolean() }),
    output: z.object({ item: actionItem }),
  }),
};
