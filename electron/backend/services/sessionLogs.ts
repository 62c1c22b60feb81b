import type { z } from 'zod';
import { issueToError, offeredPeerStatuses, sessionLogComplete, type PeerStatus, type SessionLog, type sessionLogCreateInput } from '../../../src/contract';
import { AppError, conflict, forbidden, invalidField, notFound, staleEdit } from '../errors';
import type { Context, HandlerMap } from '../handler';
import * as cases from '../repositories/cases';
import * as helpSeekers from '../repositories/helpSeekers';
import { findPeerRow } from '../repositories/peers';
import * as logs from '../repositories/sessionLogs';
import { canSee, helpSeekersScope, ruleScope, sessionLogsScope } from '../access';
import { assertAssignee } from './caseAccess';
import { defaultAssignee, flagLog, joinCase, openCase } from './caseOps';
import { isPaperLog, peerCanCorrect, toLog, toSummary } from './logView';
import { minuteOfDay, today } from '../domain/days';
import { loadSettings } from '../repositories/settingsStore';

type SessionLogsMethod =
  | 'sessionLogs.list'
  | 'sessionLogs.reviewQueue'
  | 'sessionLogs.get'
  | 'sessionLogs.formOptions'
  | 'sessionLogs.create'
  | 'sessionLogs.update'
  | 'sessionLogs.discardDraft'
  | 'sessionLogs.approve'
  | 'sessionLogs.return'
  | 'sessionLogs.escalate'
  | 'sessionLogs.addAddendum';

/**
 * Whose logs can be written. A peer's own account writes while the peer is
 * active; a coordinator typing in paper forms also for the statuses of
 * offeredPeerStatuses.paperLog (its note says why).
 */
const peerStatusesForPaperLogs: readonly PeerStatus[] = offeredPeerStatuses.paperLog;

type LogInput = z.output<typeof sessionLogCreateInput>;

/**
 * A log the caller may see (sessionLogsScope). Not theirs and unknown are
 * refused alike, so ids cannot be probed; only the coordinator, who sees
 * every log, is told one does not exist.
 */
async function visibleLog(ctx: Context, id: number): Promise<logs.SessionLogRow> {
  const row = await logs.findLog(ctx.db, await sessionLogsScope(ctx), id);
  if (row) return row;
  if (ctx.actor.role === 'coordinator') throw notFound('session log');
  throw forbidden(ctx.actor.role === 'peer' ? 'A peer can see only their own session logs.' : 'You may not see this session log.');
}

async function logAfter(ctx: Context, id: number): Promise<SessionLog> {
  return toLog(ctx, await visibleLog(ctx, id));
}

/** Checks that the caller may write a log for this peer. */
async function assertCanWriteFor(ctx: Context, peerId: number): Promise<void> {
  const actor = ctx.actor;
  const peer = await findPeerRow(ctx.db, peerId);
  if (actor.role === 'peer') {
    if (actor.peerId !== peerId) throw forbidden('A peer can write only their own session logs.');
    if (peer?.status !== 'active') throw conflict('peer-not-active', 'Only an active peer supporter can write session logs.');
    return;
  }
  if (actor.role !== 'coordinator') throw forbidden('Only the peer or a coordinator can write a session log.');
  if (!peer) throw invalidField('peerId', 'not_found', 'There is no such peer.');
  if (!peerStatusesForPaperLogs.includes(peer.status)) {
    throw invalidField('peerId', 'peer_not_active', 'Logs can be written for active peers, and from paper for paused or alumni ones.');
  }
}

async function assertHelpSeekerChoice(ctx: Context, input: LogInput): Promise<void> {
  if (input.helpSeekerId !== null && input.newHelpSeeker) {
    throw invalidField('helpSeekerId', 'both', 'Pick an existing help-seeker or make a new code, not both.');
  }
  if (input.helpSeekerId === null) return;
  const known = await helpSeekers.findHelpSeeker(ctx.db, input.helpSeekerId);
  // A peer picks from the codes in their own logs (helpSeekersScope); staff from every code.
  const allowed = known && (ctx.actor.role !== 'peer' || (await canSee(ctx.db, await helpSeekersScope(ctx), input.helpSeekerId)));
  if (!allowed) throw invalidField('helpSeekerId', 'not_found', 'There is no such help-seeker.');
}

/**
 * Everything a submitted log must have, checked before anything is written so
 * a refused submit changes nothing. Names the first field at fault.
 */
function assertComplete(ctx: Context, input: LogInput): void {
  // A new code asked for in the same save counts as a help-seeker; it gets its id in the transaction.
  const parsed = sessionLogComplete.safeParse(
    { ...input, helpSeekerId: input.helpSeekerId ?? (input.newHelpSeeker ? 1 : null) },
    { reportInput: true },
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const payload = issueToError(issue);
    // An unanswered choice (mode, concern…) arrives as null: for the person filling in the form it is missing, not wrong.
    const given = (input as Record<string, unknown>)[String(issue.path[0])];
    throw new AppError(given === null ? { ...payload, reason: 'required' } : payload);
  }
  if (input.heldOn && input.heldOn > today(ctx)) throw invalidField('heldOn', 'in_future', 'A session cannot be in the future.');
  // A log is written after its session: today's session cannot start after the log is sent. Its
  // end is not held to the same rule, as a length is often a guess written while it still runs.
  if (input.heldOn === today(ctx) && input.startTime && minuteOfDay(input.startTime) > minuteOfDay(ctx.clock.now())) {
    throw invalidField('startTime', 'starts_after_written', 'The session cannot start after the log is sent.');
  }
  if (input.risks.length > 0 && input.noRisks) {
    throw invalidField('noRisks', 'contradicts_risks', 'A ticked risk item and "none of these" cannot both be true.');
  }
}

function fieldsOf(input: LogInput, helpSeekerId: number | null): logs.LogFields {
  return {
    peerId: input.peerId,
    helpSeekerId,
    heldOn: input.heldOn,
    startTime: input.startTime,
    durationMinutes: input.durationMinutes,
    mode: input.mode,
    groupSize: input.mode === 'group' ? input.groupSize : null,
    topics: input.topics,
    summary: input.summary,
    actions: input.actions,
    followUpOn: input.followUpOn,
    risks: input.risks,
    // "None of these" means nothing when an item is ticked; a draft keeps only what is consistent.
    noRisks: input.risks.length === 0 && input.noRisks,
    concern: input.concern,
  };
}

/** Makes the new help-seeker code the form asked for, with the identity given (if any). */
async function newHelpSeekerFor(ctx: Context, input: LogInput): Promise<number | null> {
  if (!input.newHelpSeeker) return input.helpSeekerId;
  const now = ctx.clock.now();
  const made = await helpSeekers.insertHelpSeeker(ctx.db, now.getFullYear(), now.toISOString(), ctx.actor.userId);
  await ctx.audit('help-seeker.created', `help-seeker:${made.id}`, { code: made.code });
  const identity = input.newHelpSeeker.identity;
  if (identity && Object.values(identity).some((v) => v.trim() !== '')) {
    await helpSeekers.saveIdentity(ctx.db, made.id, 0, identity, now.toISOString(), ctx.actor.userId);
    await ctx.audit('help-seeker.identity-recorded', `help-seeker:${made.id}`, { code: made.code });
  }
  return made.id;
}

/** After a submit: a ticked risk item opens (or joins) a case, and the protocol comes back with it. */
async function submitted(ctx: Context, logId: number) {
  const row = await visibleLog(ctx, logId);
  const summary = toSummary(row);
  if (!summary.severity) return { flagged: null, escalationProtocol: null };
  const caseId = await flagLog(ctx, row, summary.severity);
  const settings = await loadSettings(ctx.db);
  return {
    flagged: { severity: summary.severity, caseId: ctx.actor.role === 'peer' ? null : caseId },
    escalationProtocol: settings.escalationProtocol,
  };
}

export const sessionLogsHandlers: HandlerMap<SessionLogsMethod> = {
  // One peer's logs (their profile) are a filter within the scope, never wider than what the caller may see anyway.
  'sessionLogs.list': async (input, ctx) => {
    const { status, helpSeekerId, peerId, text, sort, direction, limit, offset } = input;
    const page = await logs.pageLogs(ctx.db, await sessionLogsScope(ctx), { status, helpSeekerId, peerId, text }, { by: sort, direction }, { limit, offset });
    return { logs: page.rows.map(toSummary), total: page.total };
  },

  'sessionLogs.reviewQueue': async (input, ctx) => {
    const page = await logs.pageLogs(ctx.db, await sessionLogsScope(ctx), { status: 'submitted' }, 'review-queue', input);
    return { logs: page.rows.map(toSummary), total: page.total };
  },

  'sessionLogs.get': async (input, ctx) => ({ log: await toLog(ctx, await visibleLog(ctx, input.id)) }),

  'sessionLogs.formOptions': async (_input, ctx) => {
    // The peer is chosen by typing (peers.list); a peer account writes for itself.
    const codes = await helpSeekers.pageHelpSeekers(ctx.db, await helpSeekersScope(ctx), await sessionLogsScope(ctx), {}, { limit: 1, offset: 0 });
    return { hasHelpSeekers: codes.total > 0 };
  },

  'sessionLogs.create': async (input, ctx) => {
    await assertCanWriteFor(ctx, input.peerId);
    await assertHelpSeekerChoice(ctx, input);
    if (input.submit) assertComplete(ctx, input);
    const { id, outcome } = await ctx.db.transaction(async () => {
      const helpSeekerId = await newHelpSeekerFor(ctx, input);
      const newId = await logs.insertLog(ctx.db, fieldsOf(input, helpSeekerId), ctx.actor.userId, ctx.now());
      await ctx.audit('session-log.created', `session-log:${newId}`, ctx.actor.role === 'peer' ? {} : { peerId: input.peerId });
      if (!input.submit) return { id: newId, outcome: { flagged: null, escalationProtocol: null } };
      await logs.markSubmitted(ctx.db, newId, ctx.now());
      await ctx.audit('session-log.submitted', `session-log:${newId}`);
      return { id: newId, outcome: await submitted(ctx, newId) };
    });
    return { log: await logAfter(ctx, id), ...outcome };
  },

  'sessionLogs.update': async (input, ctx) => {
    const row = await visibleLog(ctx, input.id);
    if (row.status === 'approved') throw conflict('log-locked', 'An approved log is locked; add an addendum instead.');
    // A paper log waiting for review is corrected by the coordinator who reviews it (issue 14): its
    // peer may have no account to take it back. It stays submitted, in its place in the queue.
    const correction = row.status === 'submitted' && ctx.actor.role === 'coordinator' && isPaperLog(row);
    if (row.status === 'submitted' && !correction) throw conflict('log-submitted', 'A submitted log waits for review and cannot be changed.');
    if (row.version !== input.version) throw staleEdit();
    await assertCanWriteFor(ctx, row.peer_id);
    if (input.peerId !== row.peer_id) await assertCanWriteFor(ctx, input.peerId);
    await assertHelpSeekerChoice(ctx, input);
    if (row.help_seeker_id !== null && input.helpSeekerId !== row.help_seeker_id && (await cases.casesOfLog(ctx.db, ruleScope('cases'), row.id)).length > 0) {
      throw conflict('log-has-case', 'This log is on a case, so its help-seeker cannot change.');
    }
    // A correction keeps everything the review needs, whichever button sent it.
    if (input.submit || correction) assertComplete(ctx, input);
    const outcome = await ctx.db.transaction(async () => {
      const helpSeekerId = await newHelpSeekerFor(ctx, input);
      if (!(await logs.updateLogFields(ctx.db, row.id, input.version, fieldsOf(input, helpSeekerId), ctx.now(), correction))) throw staleEdit();
      await ctx.audit('session-log.updated', `session-log:${row.id}`);
      // A risk item ticked in the correction flags the log as a submit does.
      if (correction) return submitted(ctx, row.id);
      if (!input.submit) return { flagged: null, escalationProtocol: null };
      await logs.markSubmitted(ctx.db, row.id, ctx.now());
      await ctx.audit('session-log.submitted', `session-log:${row.id}`);
      return submitted(ctx, row.id);
    });
    return { log: await logAfter(ctx, row.id), ...outcome };
  },

  'sessionLogs.discardDraft': async (input, ctx) => {
    const row = await visibleLog(ctx, input.id);
    if (row.status !== 'draft') throw conflict('not-draft', 'Only a draft that was never submitted can be thrown away.');
    if (ctx.actor.role === 'supervisor') throw forbidden();
    if (row.version !== input.version) throw staleEdit();
    await ctx.db.transaction(async () => {
      if (!(await logs.deleteDraft(ctx.db, row.id, input.version))) throw staleEdit();
      await ctx.audit('session-log.draft-discarded', `session-log:${row.id}`);
    });
    return {};
  },

  'sessionLogs.approve': async (input, ctx) => {
    const row = await visibleLog(ctx, input.id);
    if (row.status !== 'submitted') throw conflict('not-submitted', 'Only a submitted log can be reviewed.');
    if (row.version !== input.version) throw staleEdit();
    await ctx.db.transaction(async () => {
      if (!(await logs.recordReview(ctx.db, row.id, input.version, 'approved', input.comment ?? '', ctx.actor.userId, ctx.now()))) throw staleEdit();
      await ctx.audit('session-log.approved', `session-log:${row.id}`);
    });
    return { log: await logAfter(ctx, row.id) };
  },

  'sessionLogs.return': async (input, ctx) => {
    const row = await visibleLog(ctx, input.id);
    if (row.status !== 'submitted') throw conflict('not-submitted', 'Only a submitted log can be reviewed.');
    if (row.version !== input.version) throw staleEdit();
    const peer = (await logs.whoCanCorrect(ctx.db, [row.peer_id])).get(row.peer_id) ?? { hasAccount: false, active: false };
    if (!peerCanCorrect(peer)) {
      throw peer.hasAccount
        ? conflict('return-peer-not-active', 'The peer is not active now and cannot change the log. Correct it yourself or approve it with a note.')
        : conflict('no-peer-account', 'The peer has no account in Sebaya, so they would never see the comment. Correct the paper log yourself or approve it with a note.');
    }
    await ctx.db.transaction(async () => {
      if (!(await logs.recordReview(ctx.db, row.id, input.version, 'returned', input.comment, ctx.actor.userId, ctx.now()))) {
        throw staleEdit();
      }
      await ctx.audit('session-log.returned', `session-log:${row.id}`);
    });
    return { log: await logAfter(ctx, row.id) };
  },

  'sessionLogs.escalate': async (input, ctx) => {
    const row = await visibleLog(ctx, input.id);
    if (row.status !== 'submitted') throw conflict('not-submitted', 'Only a submitted log can be reviewed.');
    if (row.version !== input.version) throw staleEdit();
    if ((await cases.casesOfLog(ctx.db, ruleScope('cases'), row.id)).some((c) => c.status !== 'closed')) {
      throw conflict('log-has-case', 'This log is already on a case that is not closed.');
    }
    if (row.help_seeker_id === null) throw invalidField('helpSeekerId', 'required', 'The log names no help-seeker.');
    await assertAssignee(ctx, input.assignedUserId);
    const caseId = await ctx.db.transaction(async () => {
      if (!(await logs.recordReview(ctx.db, row.id, input.version, 'escalated', '', ctx.actor.userId, ctx.now()))) throw staleEdit();
      await ctx.audit('session-log.escalated', `session-log:${row.id}`);
      // The help-seeker's case that is still going takes the log (one situation, one case); else a new one opens.
      const going = await cases.openCaseOfHelpSeeker(ctx.db, row.help_seeker_id!);
      if (going) {
        await joinCase(ctx, going, row.id, input.severity, input.note);
        return going.id;
      }
      return openCase(ctx, {
        helpSeekerId: row.help_seeker_id!,
        severity: input.severity,
        origin: 'review',
        assignedUserId: input.assignedUserId ?? (await defaultAssignee(ctx, row.peer_id)),
        logId: row.id,
        note: input.note,
      });
    });
    const settings = await loadSettings(ctx.db);
    return { log: await logAfter(ctx, row.id), caseId, escalationProtocol: settings.escalationProtocol };
  },

  'sessionLogs.addAddendum': async (input, ctx) => {
    const row = await visibleLog(ctx, input.id);
    if (row.status !== 'approved') throw conflict('not-approved', 'Addenda are for approved logs; change a draft or returned log directly.');
    const actor = ctx.actor;
    await ctx.db.transaction(async () => {
      const addendumId = await logs.insertAddendum(ctx.db, row.id, input.text, { userId: actor.userId, name: actor.fullName, role: actor.role }, ctx.now());
      await ctx.audit('session-log.addendum-added', `session-log:${row.id}`, { addendumId });
    });
    return { log: await logAfter(ctx, row.id) };
  },
};
