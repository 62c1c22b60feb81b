import {
  riskItems,
  sessionTopics,
  severityOf,
  type SessionLog,
  type SessionLogSummary,
} from '../../../src/contract';
import type { Context } from '../handler';
import * as cases from '../repositories/cases';
import { findPeerRow } from '../repositories/peers';
import * as logs from '../repositories/sessionLogs';
import { casesScope } from '../access';

export function toSummary(row: logs.SessionLogRow): SessionLogSummary {
  const risks = logs.listOf(row.risks, riskItems);
  return {
    id: row.id,
    peerId: row.peer_id,
    peerName: row.peer_name,
    helpSeekerId: row.help_seeker_id,
    helpSeekerCode: row.help_seeker_code,
    heldOn: row.held_on,
    startTime: row.start_time,
    mode: row.mode,
    topics: logs.listOf(row.topics, sessionTopics),
    risks,
    concern: row.concern,
    severity: severityOf(risks, row.concern),
    status: row.status,
    enteredByStaff: isPaperLog(row),
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
    followUpOn: row.follow_up_on,
  };
}

/** Typed in by a coordinator from a paper form, not written by the peer's own account. */
export function isPaperLog(row: logs.SessionLogRow): boolean {
  return row.entered_by_role !== 'peer';
}

/**
 * Whether a log sent back would reach the peer (issue 14): only a peer with an active account
 * reads the comment, and only an active peer may change their log. Sent to anyone else, it
 * would stay "returned" for good.
 */
export function peerCanCorrect(peer: { hasAccount: boolean; active: boolean }): boolean {
  return peer.hasAccount && peer.active;
}

/** Peers write logs while active; see `canWriteFor` in services/sessionLogs. */
export async function peerIsActive(ctx: Context, peerId: number): Promise<boolean> {
  return (await findPeerRow(ctx.db, peerId))?.status === 'active';
}

/** The whole log, with what the caller may do with it now. */
export async function toLog(ctx: Context, row: logs.SessionLogRow): Promise<SessionLog> {
  const [log] = await toLogs(ctx, [row]);
  return log!;
}

/** Whole logs, with what the caller may do with each: a fixed few queries whatever their number (issue 12). */
export async function toLogs(ctx: Context, rows: readonly logs.SessionLogRow[]): Promise<SessionLog[]> {
  const actor = ctx.actor;
  const isPeer = actor.role === 'peer';
  const ids = rows.map((r) => r.id);
  const [reviewsOf, addendaOf, casesOf] = [await logs.reviewsOfLogs(ctx.db, ids), await logs.addendaOfLogs(ctx.db, ids), await cases.casesOfLogs(ctx.db, await casesScope(ctx), ids)];
  const ownPeerActive = isPeer && actor.peerId !== null && rows.some((r) => r.peer_id === actor.peerId) ? await peerIsActive(ctx, actor.peerId) : false;
  const peers = await logs.whoCanCorrect(ctx.db, rows.map((r) => r.peer_id));
  return rows.map((row) => {
    const reviews = reviewsOf.get(row.id) ?? [];
    const editable = row.status === 'draft' || row.status === 'returned';
    const peer = peers.get(row.peer_id) ?? { hasAccount: false, active: false };
    const canReview = actor.role === 'coordinator' && row.status === 'submitted';
    const canEdit =
      (editable && (actor.role === 'coordinator' || (isPeer && actor.peerId === row.peer_id && ownPeerActive))) ||
      (canReview && isPaperLog(row));
    return {
      ...toSummary(row),
      durationMinutes: row.duration_minutes,
      groupSize: row.group_size,
      summary: row.summary,
      actions: row.actions,
      noRisks: row.no_risks === 1,
      enteredByName: row.entered_by_name,
      createdAt: row.created_at,
      approvedAt: row.approved_at,
      approvedByName: row.approved_by_name,
      version: row.version,
      // A peer sees no cases: for them an escalation reads as the approval it also was.
      reviews: isPeer ? reviews.map((r) => (r.decision === 'escalated' ? { ...r, decision: 'approved' as const } : r)) : reviews,
      addenda: addendaOf.get(row.id) ?? [],
      cases: (casesOf.get(row.id) ?? []).map((c) => ({ id: c.id, severity: c.severity, status: c.status })),
      canEdit,
      canReview,
      peerHasAccount: peer.hasAccount,
      canReturn: canReview && peerCanCorrect(peer),
      // The row came through sessionLogsScope: whoever may read an approved log may add to it.
      canAddAddendum: row.status === 'approved',
    };
  });
}

