import {
  addDays,
  currentTerm,
  dueSoonDays,
  localDate,
  type ActionItem,
  type ActionItemInput,
  type CadenceState,
  type MeetingDetail,
  type MeetingSummary,
  type PeerCadence,
  type SupervisionGroup,
  type Term,
} from '../../../src/contract';
import type { z } from 'zod';
import type { meetingCreateInput } from '../../../src/contract';
import { AppError, conflict, forbidden, invalidField, notFound, staleEdit } from '../errors';
import type { Context, HandlerMap } from '../handler';
import * as cases from '../repositories/cases';
import { existingPeerIds } from '../repositories/peers';
import * as logs from '../repositories/sessionLogs';
import * as supervision from '../repositories/supervision';
import { findUserById } from '../repositories/users';
import { canSee, casesScope, groupsScope, meetingsScope, sessionLogsScope, supervisedPeerIds, supervisedScope } from '../access';
import { today } from '../domain/days';
import { loadSettings } from '../repositories/settingsStore';

type SupervisionMethod =
  | 'supervision.groups'
  | 'supervision.createGroup'
  | 'supervision.updateGroup'
  | 'supervision.cadence'
  | 'supervision.meetings'
  | 'supervision.meeting'
  | 'supervision.formOptions'
  | 'supervision.createMeeting'
  | 'supervision.updateMeeting'
  | 'supervision.cancelMeeting'
  | 'actionItems.mine'
  | 'actionItems.list'
  | 'actionItems.setDone';

type MeetingInput = z.output<typeof meetingCreateInput>;

export async function termNow(ctx: Context): Promise<Term> {
  return currentTerm(today(ctx), (await loadSettings(ctx.db)).terms);
}

/** Due within a week: "due"; past its day: "overdue". */
export function cadenceState(nextDueOn: string | null, day: string): CadenceState {
  if (nextDueOn === null) return 'no_group';
  if (nextDueOn < day) return 'overdue';
  if (nextDueOn <= addDays(day, dueSoonDays)) return 'due';
  return 'ok';
}

/**
 * Each active peer's supervision cadence (issue 5): due `frequency` days after
 * the last held meeting they were present at, or after joining their group.
 */
export async function peerCadence(ctx: Context, peerId?: number): Promise<{ peers: PeerCadence[]; term: Term }> {
  const day = today(ctx);
  const term = await termNow(ctx);
  const rows = await supervision.cadenceRows(ctx.db, supervisedScope(ctx), day, peerId);
  const time = new Map((await supervision.supervisionTimeByPeer(ctx.db, term.start, term.end)).map((r) => [r.peer_id, r]));
  const peers = rows.map((row): PeerCadence => {
    const from = row.last_meeting_on ?? row.joined_on;
    const nextDueOn = row.frequency_days !== null && from !== null ? addDays(from, row.frequency_days) : null;
    const spent = time.get(row.peer_id);
    return {
      peerId: row.peer_id,
      fullName: row.full_name,
      className: row.class_name,
      groupId: row.group_id,
      groupName: row.group_name,
      frequencyDays: row.frequency_days,
      lastMeetingOn: row.last_meeting_on,
      nextDueOn,
      state: cadenceState(nextDueOn, day),
      plannedOn: row.planned_on,
      meetingsThisTerm: spent?.meetings ?? 0,
      hoursThisTerm: Math.round(((spent?.minutes ?? 0) / 60) * 100) / 100,
    };
  });
  return { peers, term };
}

async function groups(ctx: Context): Promise<SupervisionGroup[]> {
  const day = today(ctx);
  const members = await supervision.listMembers(ctx.db);
  return (await supervision.listGroups(ctx.db, groupsScope(ctx), day)).map((row) => {
    const nextDueOn = addDays(row.last_meeting_on ?? row.created_at.slice(0, 10), row.frequency_days);
    return {
      id: row.id,
      name: row.name,
      supervisorUserId: row.supervisor_user_id,
      supervisorName: row.supervisor_name,
      frequencyDays: row.frequency_days,
      archived: row.archived_at !== null,
      members: members
        .filter((m) => m.group_id === row.id)
        .map((m) => ({ peerId: m.peer_id, fullName: m.full_name, className: m.class_name, status: m.status })),
      lastMeetingOn: row.last_meeting_on,
      nextDueOn,
      overdue: row.archived_at === null && nextDueOn < day,
      plannedOn: row.planned_on,
      version: row.version,
    };
  });
}

async function groupAfter(ctx: Context, id: number) {
  const group = (await groups(ctx)).find((g) => g.id === id);
  if (!group) throw notFound('supervision group');
  return { group };
}

async function assertStaffAccount(userId: number | null, ctx: Context, field: string): Promise<void> {
  if (userId === null) return;
  const user = await findUserById(ctx.db, userId);
  if (!user || user.role === 'peer' || user.status !== 'active') {
    throw invalidField(field, 'not_staff', 'This must be an active coordinator or supervisor account.');
  }
}

async function assertPeers(ctx: Context, peerIds: readonly number[], field: string): Promise<void> {
  const known = await existingPeerIds(ctx.db, peerIds);
  const unknown = peerIds.findIndex((id) => !known.has(id));
  if (unknown >= 0) throw invalidField(`${field}.${unknown}`, 'not_found', 'There is no such peer.');
}

// ---------------------------------------------------------------- meetings

/** Whether the caller may see (and so edit) a meeting: the coordinator, or the supervisor who leads it. */
function leads(ctx: Context, row: { supervisor_user_id: number }): boolean {
  return ctx.actor.role === 'coordinator' || row.supervisor_user_id === ctx.actor.userId;
}

async function visibleMeeting(ctx: Context, id: number): Promise<supervision.MeetingRow> {
  const row = await supervision.findMeeting(ctx.db, meetingsScope(ctx), id);
  if (row) return row;
  if (ctx.actor.role === 'coordinator') throw notFound('supervision meeting');
  // A supervisor asking for another's meeting, or one that does not exist, is refused alike.
  throw forbidden('You may see only the supervision meetings you lead.');
}

export function toActionItem(ctx: Context, row: supervision.ActionItemRow, day: string): ActionItem {
  const actor = ctx.actor;
  return {
    id: row.id,
    meetingId: row.meeting_id,
    meetingHeldOn: row.meeting_held_on,
    meetingKind: row.meeting_kind,
    text: row.text,
    ownerPeerId: row.owner_peer_id,
    ownerUserId: row.owner_user_id,
    ownerName: row.owner_name,
    dueOn: row.due_on,
    done: row.done_at !== null,
    doneAt: row.done_at,
    overdue: row.done_at === null && row.due_on < day,
    canTick:
      actor.role === 'coordinator' ||
      (actor.role === 'supervisor' && (row.owner_user_id === actor.userId || row.meeting_supervisor_user_id === actor.userId)),
    version: row.version,
  };
}

function toMeetingSummary(row: supervision.MeetingRow): MeetingSummary {
  return {
    id: row.id,
    status: row.status,
    kind: row.kind,
    heldOn: row.held_on,
    startTime: row.start_time,
    durationMinutes: row.duration_minutes,
    groupId: row.group_id,
    groupName: row.group_name,
    supervisorUserId: row.supervisor_user_id,
    supervisorName: row.supervisor_name,
    peersInvited: row.peers_invited,
    peersPresent: row.peers_present,
    topics: JSON.parse(row.topics) as string[],
    cases: row.cases,
    openActionItems: row.open_action_items,
    version: row.version,
  };
}

async function meetingDetail(ctx: Context, id: number): Promise<MeetingDetail> {
  const row = (await supervision.findMeeting(ctx.db, meetingsScope(ctx), id))!;
  const day = today(ctx);
  return {
    ...toMeetingSummary(row),
    attendees: (await supervision.listAttendees(ctx.db, id)).map((a) => ({ peerId: a.peer_id, userId: a.user_id, name: a.name, present: a.present === 1 })),
    notes: row.notes,
    discussedCases: (await supervision.discussedCases(ctx.db, id)).map((c) => ({ id: c.id, helpSeekerCode: c.help_seeker_code, severity: c.severity, status: c.status })),
    discussedLogs: (await supervision.discussedLogs(ctx.db, id)).map((l) => ({ id: l.id, heldOn: l.held_on, peerName: l.peer_name, helpSeekerCode: l.help_seeker_code })),
    actionItems: (await supervision.actionItemsOfMeeting(ctx.db, id)).map((item) => toActionItem(ctx, item, day)),
    canEdit: leads(ctx, row) && row.status !== 'cancelled',
    createdByName: row.created_by_name,
    updatedAt: row.updated_at,
  };
}

/**
 * Checks a meeting as the form sends it against the rules beyond its shape,
 * naming the field: who may lead it, who may be in it, what it may discuss.
 * `before` is the meeting being edited: links it already had stay allowed.
 */
async function checkMeeting(ctx: Context, input: MeetingInput, before: supervision.MeetingRow | null): Promise<void> {
  const actor = ctx.actor;
  const day = today(ctx);
  if (actor.role === 'supervisor' && input.supervisorUserId !== actor.userId) {
    throw forbidden('A supervisor records only the meetings they lead.');
  }
  await assertStaffAccount(input.supervisorUserId, ctx, 'supervisorUserId');
  if (input.status === 'held') {
    if (input.durationMinutes === null) throw invalidField('durationMinutes', 'required', 'A held meeting needs its length.');
    if (input.heldOn > day) throw invalidField('heldOn', 'in_future', 'A meeting cannot have been held after today.');
  }
  if (input.groupId !== null) {
    const group = await supervision.findGroup(ctx.db, input.groupId);
    if (!group || (group.archived_at !== null && before?.group_id !== input.groupId)) {
      throw invalidField('groupId', 'not_found', 'There is no such supervision group.');
    }
  }
  const supervised = actor.role === 'coordinator' ? null : await supervisedPeerIds(ctx);
  const peerIds: number[] = [];
  for (const [i, a] of input.attendees.entries()) {
    if ((a.peerId === null) === (a.userId === null)) throw invalidField(`attendees.${i}`, 'one_of', 'An attendee is a peer or a staff member.');
    if (a.userId !== null) await assertStaffAccount(a.userId, ctx, `attendees.${i}.userId`);
    if (a.peerId !== null) {
      if (supervised && !supervised.has(a.peerId)) throw forbidden('A supervisor records meetings only with the peers they supervise.');
      peerIds.push(a.peerId);
    }
  }
  await assertPeers(ctx, peerIds, 'attendees');
  if (peerIds.length === 0) throw invalidField('attendees', 'no_peer', 'A supervision meeting has at least one peer.');
  const hadCases = new Set(before ? (await supervision.discussedCases(ctx.db, before.id)).map((c) => c.id) : []);
  for (const [i, caseId] of input.caseIds.entries()) {
    const linked = hadCases.has(caseId);
    if (!linked && !(await canSee(ctx.db, await casesScope(ctx), caseId))) throw invalidField(`caseIds.${i}`, 'not_found', 'There is no such case you may see.');
    // A held meeting discusses what existed on its day; checked again when its date moves.
    if (input.status === 'held' && (!linked || before?.held_on !== input.heldOn)) {
      const discussed = await cases.findCase(ctx.db, await casesScope(ctx), caseId);
      if (discussed && localDate(new Date(discussed.opened_at)) > input.heldOn) {
        throw invalidField('heldOn', 'before_case_opened', 'A held meeting cannot discuss a case opened after it.', { caseId });
      }
    }
  }
  const hadLogs = new Set(before ? (await supervision.discussedLogs(ctx.db, before.id)).map((l) => l.id) : []);
  for (const [i, logId] of input.logIds.entries()) {
    if (hadLogs.has(logId)) continue;
    const row = await logs.findLog(ctx.db, await sessionLogsScope(ctx), logId);
    if (!row || row.status === 'draft') {
      throw invalidField(`logIds.${i}`, 'not_found', 'There is no such submitted log you may see.');
    }
  }
  const ownItems = new Set(before ? (await supervision.actionItemsOfMeeting(ctx.db, before.id)).map((a) => a.id) : []);
  for (const [i, item] of input.actionItems.entries()) {
    if (item.id !== null && !ownItems.has(item.id)) throw invalidField(`actionItems.${i}.id`, 'not_found', 'This action item is not on this meeting.');
    if ((item.ownerPeerId === null) === (item.ownerUserId === null)) {
      throw invalidField(`actionItems.${i}.ownerPeerId`, 'one_of', 'An action item has one owner: a peer or a staff member.');
    }
    if (item.ownerUserId !== null) await assertStaffAccount(item.ownerUserId, ctx, `actionItems.${i}.ownerUserId`);
    if (item.ownerPeerId !== null) {
      await assertPeers(ctx, [item.ownerPeerId], `actionItems.${i}.ownerPeerId`);
      if (supervised && !supervised.has(item.ownerPeerId)) throw forbidden('A supervisor gives action items only to the peers they supervise.');
    }
  }
}

/** Writes everything the form holds besides the meeting row: attendees, topics, links and action items. */
async function writeMeetingParts(ctx: Context, meetingId: number, input: MeetingInput): Promise<void> {
  const seen = new Set<string>();
  const attendees = input.attendees.filter((a) => {
    const key = a.peerId !== null ? `p${a.peerId}` : `u${a.userId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // Before a meeting is held nobody has been present yet.
  await supervision.setAttendees(ctx.db, meetingId, attendees.map((a) => ({ ...a, present: input.status === 'held' && a.present })));
  await supervision.setTopics(ctx.db, meetingId, input.topics);
  await supervision.setDiscussedCases(ctx.db, meetingId, input.caseIds);
  await supervision.setDiscussedLogs(ctx.db, meetingId, input.logIds);
  const now = ctx.now();
  const done = (item: ActionItemInput) => (item.done ? { at: now, by: ctx.actor.userId } : null);
  await supervision.deleteActionItems(
    ctx.db,
    meetingId,
    input.actionItems.map((i) => i.id).filter((id): id is number => id !== null),
  );
  for (const item of input.actionItems) {
    const fields = { text: item.text, ownerPeerId: item.ownerPeerId, ownerUserId: item.ownerUserId, dueOn: item.dueOn };
    if (item.id === null) await supervision.insertActionItem(ctx.db, meetingId, fields, done(item), now);
    else await supervision.updateActionItem(ctx.db, item.id, fields, done(item), now);
  }
}

const meetingFieldsOf = (input: MeetingInput): supervision.MeetingFields => ({
  status: input.status,
  kind: input.kind,
  heldOn: input.heldOn,
  startTime: input.startTime,
  durationMinutes: input.durationMinutes,
  groupId: input.groupId,
  supervisorUserId: input.supervisorUserId,
  notes: input.notes,
});

/** What the audit keeps of a meeting: its kind and counts, never names, topics or notes. */
const auditDetails = (input: MeetingInput) => ({
  kind: input.kind,
  peers: input.attendees.filter((a) => a.peerId !== null).length,
  cases: input.caseIds.length,
  actionItems: input.actionItems.length,
});

export const supervisionHandlers: HandlerMap<SupervisionMethod> = {
  'supervision.groups': async (_input, ctx) => ({ groups: await groups(ctx) }),

  'supervision.createGroup': async (input, ctx) => {
    await assertStaffAccount(input.supervisorUserId, ctx, 'supervisorUserId');
    await assertPeers(ctx, input.peerIds, 'peerIds');
    const id = await ctx.db.transaction(async () => {
      const newId = await supervision.insertGroup(ctx.db, input, ctx.now());
      await supervision.setMembers(ctx.db, newId, input.peerIds, today(ctx));
      await ctx.audit('supervision.group-created', `supervision-group:${newId}`, { members: input.peerIds.length, frequencyDays: input.frequencyDays });
      return newId;
    });
    return groupAfter(ctx, id);
  },

  'supervision.updateGroup': async (input, ctx) => {
    const before = await supervision.findGroup(ctx.db, input.id);
    if (!before) throw notFound('supervision group');
    if (before.version !== input.version) throw staleEdit();
    await assertStaffAccount(input.supervisorUserId, ctx, 'supervisorUserId');
    await assertPeers(ctx, input.peerIds, 'peerIds');
    await ctx.db.transaction(async () => {
      if (!(await supervision.updateGroup(ctx.db, input.id, input.version, input, ctx.now()))) throw staleEdit();
      // An archived group lets its peers go, so they can join another.
      await supervision.setMembers(ctx.db, input.id, input.archived ? [] : input.peerIds, today(ctx));
      await ctx.audit('supervision.group-updated', `supervision-group:${input.id}`, {
        members: input.archived ? 0 : input.peerIds.length,
        frequencyDays: input.frequencyDays,
        archived: input.archived,
      });
    });
    return groupAfter(ctx, input.id);
  },

  'supervision.cadence': async (input, ctx) => {
    const { peers, term } = await peerCadence(ctx, input.peerId);
    const held = await supervision.heldMeetingTime(ctx.db, meetingsScope(ctx), term.start, term.end);
    return { peers, termId: term.id, term, termHeld: { meetings: held.meetings, hours: Math.round((held.minutes / 60) * 100) / 100 } };
  },

  'supervision.meetings': async (input, ctx) => {
    const page = await supervision.pageMeetings(ctx.db, meetingsScope(ctx), { status: input.status, text: input.text }, input);
    return { meetings: page.rows.map(toMeetingSummary), total: page.total };
  },

  'supervision.meeting': async (input, ctx) => {
    const row = await visibleMeeting(ctx, input.id);
    return { meeting: await meetingDetail(ctx, row.id) };
  },

  'supervision.formOptions': async (_input, ctx) => {
    const day = today(ctx);
    const allGroups = (await groups(ctx)).filter((g) => !g.archived);
    // The same scope as the session-log list and a single log: every log offered here opens.
    const recent = await supervision.recentLogs(ctx.db, await sessionLogsScope(ctx), addDays(day, -60));
    const visibleLogs = recent.map((log) => ({ id: log.id, heldOn: log.held_on, peerId: log.peer_id, peerName: log.peer_name, helpSeekerCode: log.help_seeker_code }));
    return {
      staff: (await cases.listAssignees(ctx.db)).map((a) => ({ id: a.id, fullName: a.full_name, role: a.role })),
      groups: allGroups.map((g) => ({
        id: g.id,
        name: g.name,
        supervisorUserId: g.supervisorUserId,
        members: g.members.map((m) => ({ peerId: m.peerId, fullName: m.fullName })),
      })),
      logs: visibleLogs,
      topicSuggestions: await supervision.usedTopics(ctx.db),
    };
  },

  'supervision.createMeeting': async (input, ctx) => {
    await checkMeeting(ctx, input, null);
    const id = await ctx.db.transaction(async () => {
      const newId = await supervision.insertMeeting(ctx.db, meetingFieldsOf(input), ctx.actor.userId, ctx.now());
      await writeMeetingParts(ctx, newId, input);
      await ctx.audit(input.status === 'held' ? 'supervision.meeting-recorded' : 'supervision.meeting-planned', `supervision-meeting:${newId}`, auditDetails(input));
      return newId;
    });
    return { meeting: await meetingDetail(ctx, id) };
  },

  'supervision.updateMeeting': async (input, ctx) => {
    const { id, version, ...fields } = input;
    const before = await visibleMeeting(ctx, id);
    if (before.version !== version) throw staleEdit();
    if (before.status === 'cancelled') throw conflict('meeting-cancelled', 'A cancelled meeting cannot change; plan a new one.');
    if (before.status === 'held' && fields.status !== 'held') throw conflict('meeting-held', 'A held meeting stays held.');
    await checkMeeting(ctx, fields, before);
    await ctx.db.transaction(async () => {
      if (!(await supervision.updateMeeting(ctx.db, id, version, meetingFieldsOf(fields), ctx.now()))) throw staleEdit();
      await writeMeetingParts(ctx, id, fields);
      const recorded = before.status === 'planned' && fields.status === 'held';
      await ctx.audit(recorded ? 'supervision.meeting-recorded' : 'supervision.meeting-updated', `supervision-meeting:${id}`, auditDetails(fields));
    });
    return { meeting: await meetingDetail(ctx, id) };
  },

  'supervision.cancelMeeting': async (input, ctx) => {
    const before = await visibleMeeting(ctx, input.id);
    if (before.version !== input.version) throw staleEdit();
    if (before.status !== 'planned') {
      throw new AppError({ code: 'CONFLICT', reason: 'meeting-not-planned', message: 'Only a planned meeting can be cancelled.', params: { status: before.status } });
    }
    await ctx.db.transaction(async () => {
      if (!(await supervision.cancelMeeting(ctx.db, input.id, input.version, ctx.now()))) throw staleEdit();
      await ctx.audit('supervision.meeting-cancelled', `supervision-meeting:${input.id}`);
    });
    return { meeting: await meetingDetail(ctx, input.id) };
  },

  'actionItems.mine': async (_input, ctx) => {
    const actor = ctx.actor;
    const day = today(ctx);
    const doneSince = new Date(ctx.clock.now().getTime() - 14 * 86_400_000).toISOString();
    if (actor.role === 'peer' && actor.peerId === null) return { items: [] };
    const owner = actor.role === 'peer' ? { peerId: actor.peerId! } : { userId: actor.userId };
    const rows = await supervision.actionItemsOfOwner(ctx.db, owner, doneSince);
    return { items: rows.map((row) => toActionItem(ctx, row, day)) };
  },

  'actionItems.list': async (input, ctx) => {
    const day = today(ctx);
    const page = await supervision.pageActionItems(
      ctx.db,
      { ...(ctx.actor.role === 'coordinator' ? {} : { supervisorUserId: ctx.actor.userId }), open: input.open ?? false, peerId: input.peerId, text: input.text },
      input,
    );
    return { items: page.rows.map((row) => toActionItem(ctx, row, day)), total: page.total };
  },

  'actionItems.setDone': async (input, ctx) => {
    const row = await supervision.findActionItem(ctx.db, input.id);
    const day = today(ctx);
    if (!row && ctx.actor.role === 'coordinator') throw notFound('action item');
    if (!row || !toActionItem(ctx, row, day).canTick) throw forbidden('Only the owner, the meeting’s supervisor or the coordinator can tick this off.');
    if (row.version !== input.version) throw staleEdit();
    if ((row.done_at !== null) === input.done) throw conflict('same-state', input.done ? 'The action item is already done.' : 'The action item is already open.');
    await ctx.db.transaction(async () => {
      const done = input.done ? { at: ctx.now(), by: ctx.actor.userId } : null;
      if (!(await supervision.setActionItemDone(ctx.db, row.id, input.version, done, ctx.now()))) throw staleEdit();
      await supervision.bumpMeetingVersion(ctx.db, row.meeting_id);
      await ctx.audit(input.done ? 'action-item.done' : 'action-item.reopened', `action-item:${row.id}`, { meetingId: row.meeting_id });
    });
    return { item: toActionItem(ctx, (await supervision.findActionItem(ctx.db, row.id))!, day) };
  },
};
