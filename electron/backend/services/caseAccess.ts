import type { Context } from '../handler';
import * as cases from '../repositories/cases';
import type { SessionLogRow } from '../repositories/sessionLogs';
import { supervisedPeerIds } from '../repositories/sessionLogs';
import { findUserById } from '../repositories/users';
import { invalidField } from '../errors';
import { loadSettings } from '../repositories/settingsStore';

/**
 * Row-level rules for logs, cases and identities (issue 4), in one place:
 * - a peer sees their own logs and no cases;
 * - a supervisor sees the cases assigned to them, or every case when the
 *   coordinator allows it in Settings, and a help-seeker's identity only on
 *   those; they read the submitted logs of the peers they supervise and the
 *   logs on cases they see;
 * - a coordinator sees everything.
 * Acting on a case (notes, status, referrals, reassigning) is for the
 * coordinator and the supervisor it is assigned to.
 */

/** Whose cases the caller sees: `null` for every case, otherwise only those assigned to this user. */
export async function caseScope(ctx: Context): Promise<number | null> {
  const actor = ctx.actor;
  if (actor.role === 'coordinator') return null;
  const settings = await loadSettings(ctx.db);
  return settings.supervisorsSeeAllCases ? null : actor.userId;
}

export async function canSeeCase(ctx: Context, row: { assigned_user_id: number | null }): Promise<boolean> {
  if (ctx.actor.role === 'peer') return false;
  const scope = await caseScope(ctx);
  return scope === null || row.assigned_user_id === scope;
}

export function canActOnCase(ctx: Context, row: { assigned_user_id: number | null }): boolean {
  const actor = ctx.actor;
  return actor.role === 'coordinator' || (actor.role === 'supervisor' && row.assigned_user_id === actor.userId);
}

/** Ids of the cases the caller sees (null: all of them). */
export async function visibleCaseIds(ctx: Context): Promise<number[] | null> {
  const scope = await caseScope(ctx);
  return scope === null ? null : cases.caseIdsAssignedTo(ctx.db, scope);
}

export async function canSeeLog(ctx: Context, log: Pick<SessionLogRow, 'id' | 'peer_id' | 'status'>): Promise<boolean> {
  const actor = ctx.actor;
  if (actor.role === 'coordinator') return true;
  if (actor.role === 'peer') return actor.peerId !== null && log.peer_id === actor.peerId;
  // A draft is not yet told to anyone but its writer and the coordinator.
  if (log.status === 'draft') return false;
  if ((await supervisedPeerIds(ctx.db, actor.userId)).includes(log.peer_id)) return true;
  return cases.logOnCase(ctx.db, log.id, await caseScope(ctx));
}

/** Whether the caller may see who this help-seeker is. */
export async function canRevealIdentity(ctx: Context, helpSeekerId: number): Promise<boolean> {
  const actor = ctx.actor;
  if (actor.role === 'coordinator') return true;
  if (actor.role === 'peer') return false;
  return cases.helpSeekerHasCase(ctx.db, helpSeekerId, await caseScope(ctx));
}

/** A case may be given to an active coordinator or supervisor account. */
export async function assertAssignee(ctx: Context, userId: number | null, field = 'assignedUserId'): Promise<void> {
  if (userId === null) return;
  const user = await findUserById(ctx.db, userId);
  if (!user || user.role === 'peer' || user.status !== 'active') {
    throw invalidField(field, 'not_staff', 'A case can be given only to an active coordinator or supervisor account.');
  }
}
