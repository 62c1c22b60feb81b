import {
  caseTransitions,
  higherSeverity,
  type CaseDetail,
  type CaseOrigin,
  type CaseSeverity,
  type CaseSummary,
  type Referral,
} from '../../../src/contract';
import type { Context } from '../handler';
import * as cases from '../repositories/cases';
import { findPeerRow } from '../repositories/peers';
import * as referrals from '../repositories/referrals';
import * as logs from '../repositories/sessionLogs';
import { meetingsDiscussingCase } from '../repositories/supervision';
import { findUserById } from '../repositories/users';
import { canActOnCase, canSee, casesScope, identityScope, ruleScope, sessionLogsScope } from '../access';
import { dueAt, isOverdue } from '../domain/cases';
import { today } from '../domain/days';
import { loadSettings } from '../repositories/settingsStore';

export function toCaseSummary(row: cases.CaseRow, now: Date): CaseSummary {
  return {
    id: row.id,
    helpSeekerId: row.help_seeker_id,
    helpSeekerCode: row.help_seeker_code,
    severity: row.severity,
    status: row.status,
    origin: row.origin,
    assignedUserId: row.assigned_user_id,
    assignedName: row.assigned_name,
    peerNames: row.peer_names ? row.peer_names.split('|') : [],
    openedAt: row.opened_at,
    dueAt: row.due_at,
    overdue: isOverdue(row, now),
    closedAt: row.closed_at,
    outcome: row.outcome,
    lastEventAt: row.last_event_at,
    version: row.version,
  };
}

export function toReferral(row: referrals.ReferralRow, day: string): Referral {
  return {
    id: row.id,
    caseId: row.case_id,
    helpSeekerCode: row.help_seeker_code,
    serviceId: row.service_id,
    serviceName: row.service_name,
    serviceKind: row.service_kind,
    organisation: row.organisation,
    phone: row.phone,
    referredOn: row.referred_on,
    reason: row.reason,
    consentBy: row.consent_by,
    consentOn: row.consent_on,
    overrideReason: row.override_reason,
    status: row.status,
    followUpOn: row.follow_up_on,
    followUpOverdue: (row.status === 'pending' || row.status === 'accepted') && row.follow_up_on !== null && row.follow_up_on < day,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/**
 * Who gets a new case: the supervisor assigned to the peer on the roster,
 * while that account is active staff; otherwise nobody yet, and the case waits
 * in the coordinator's queue marked "not assigned".
 */
export async function defaultAssignee(ctx: Context, peerId: number): Promise<number | null> {
  const peer = await findPeerRow(ctx.db, peerId);
  if (!peer?.supervisor_user_id) return null;
  const user = await findUserById(ctx.db, peer.supervisor_user_id);
  return user && user.role !== 'peer' && user.status === 'active' ? user.id : null;
}

interface Opening {
  helpSeekerId: number;
  severity: CaseSeverity;
  origin: CaseOrigin;
  assignedUserId: number | null;
  logId: number | null;
  note: string;
}

/** Opens a case with its first timeline event; the caller runs it in a transaction. */
export async function openCase(ctx: Context, opening: Opening): Promise<number> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const settings = await loadSettings(ctx.db);
  const caseId = await cases.insertCase(ctx.db, {
    helpSeekerId: opening.helpSeekerId,
    severity: opening.severity,
    origin: opening.origin,
    assignedUserId: opening.assignedUserId,
    openedByUserId: ctx.actor.userId,
    openedAt: at,
    dueAt: dueAt(now, opening.severity, settings.caseDueDays),
  });
  await cases.insertEvent(ctx.db, {
    caseId,
    kind: 'opened',
    at,
    authorUserId: ctx.actor.userId,
    body: opening.note,
    toStatus: 'open',
    severity: opening.severity,
    assignedUserId: opening.assignedUserId,
    logId: opening.logId,
  });
  if (opening.logId !== null) await cases.linkLog(ctx.db, caseId, opening.logId, at);
  await ctx.audit('case.opened', `case:${caseId}`, { origin: opening.origin, severity: opening.severity });
  return caseId;
}

/**
 * Adds a log to a case that is not closed: linked on the timeline, and the
 * severity raised (with a due time no later than the new severity's) when the
 * log's is higher. Never lowers a severity: that is a supervisor's decision.
 */
export async function joinCase(ctx: Context, row: cases.CaseRow, logId: number, severity: CaseSeverity, note = ''): Promise<void> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const already = (await cases.logIdsOfCase(ctx.db, row.id)).includes(logId);
  if (!already) {
    await cases.linkLog(ctx.db, row.id, logId, at);
    await cases.insertEvent(ctx.db, { caseId: row.id, kind: 'log_linked', at, authorUserId: ctx.actor.userId, body: note, logId });
    await ctx.audit('case.log-linked', `case:${row.id}`, { logId });
  } else if (note) {
    await cases.insertEvent(ctx.db, { caseId: row.id, kind: 'note', at, authorUserId: ctx.actor.userId, body: note, logId });
  }
  const raised = higherSeverity(row.severity, severity);
  if (raised !== row.severity) {
    const settings = await loadSettings(ctx.db);
    const due = dueAt(now, raised, settings.caseDueDays);
    await cases.updateCase(ctx.db, row.id, null, { severity: raised, due_at: due < row.due_at ? due : row.due_at }, at);
    await cases.insertEvent(ctx.db, { caseId: row.id, kind: 'severity_raised', at, authorUserId: ctx.actor.userId, severity: raised, logId });
    await ctx.audit('case.severity-raised', `case:${row.id}`, { from: row.severity, to: raised });
  } else {
    await cases.touchCase(ctx.db, row.id, at);
  }
}

/**
 * A submitted log with a ticked risk item is flagged: it joins the case it is
 * already on, or the help-seeker's case that is not closed yet (one situation,
 * one case), or else opens a new case from the risk screen. Returns the case.
 */
export async function flagLog(ctx: Context, log: logs.SessionLogRow, severity: CaseSeverity): Promise<number> {
  // A rule, not a read: the peer who submitted the log sees no case, yet it must join the one going.
  const own = (await cases.casesOfLog(ctx.db, ruleScope('cases'), log.id)).filter((c) => c.status !== 'closed');
  const existing =
    (own.length ? await cases.findCase(ctx.db, ruleScope('cases'), own[own.length - 1]!.id) : undefined) ??
    (log.help_seeker_id !== null ? await cases.openCaseOfHelpSeeker(ctx.db, log.help_seeker_id) : undefined);
  if (existing) {
    await joinCase(ctx, existing, log.id, severity);
    return existing.id;
  }
  return openCase(ctx, {
    helpSeekerId: log.help_seeker_id!,
    severity,
    origin: 'risk_screen',
    assignedUserId: await defaultAssignee(ctx, log.peer_id),
    logId: log.id,
    note: '',
  });
}

/** The case page, for a caller already allowed to see the case. */
/** A case's logs newest first: the latest is what a counselor opening the case reads first. */
export const caseLogOrder = { by: 'heldOn', direction: 'desc' } as const;

export async function caseDetail(ctx: Context, caseId: number): Promise<CaseDetail> {
  const row = (await cases.findCase(ctx.db, await casesScope(ctx), caseId))!;
  const now = ctx.clock.now();
  const day = today(ctx);
  const logScope = await sessionLogsScope(ctx);
  const canAct = canActOnCase(ctx, row);
  const settings = await loadSettings(ctx.db);
  return {
    case: toCaseSummary(row, now),
    helpSeeker: { id: row.help_seeker_id, code: row.help_seeker_code, identityAllowed: await canSee(ctx.db, await identityScope(ctx), row.help_seeker_id) },
    logCount: (await logs.pageLogs(ctx.db, logScope, { caseId }, caseLogOrder, { limit: 1, offset: 0 })).total,
    timeline: await cases.listEvents(ctx.db, logScope, caseId),
    discussedInSupervision: (await meetingsDiscussingCase(ctx.db, caseId)).map((m) => ({
      meetingId: m.id,
      heldOn: m.held_on,
      startTime: m.start_time,
      kind: m.kind,
      supervisorName: m.supervisor_name,
    })),
    referrals: (await referrals.referralsOfCase(ctx.db, caseId)).map((r) => toReferral(r, day)),
    allowedTransitions: canAct ? [...caseTransitions[row.status]] : [],
    canAct,
    canReassign: canAct && row.status !== 'closed',
    escalationProtocol: settings.escalationProtocol,
  };
}
