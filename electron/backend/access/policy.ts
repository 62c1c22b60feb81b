import type { SqlValue } from '../db/driver';
import type { Context } from '../handler';
import type { Actor } from '../session';
import { loadSettings } from '../repositories/settingsStore';
import { makeScope, noRow, everyRow, rowsNaming, type Scope } from './scope';

/**
 * The row rules (issues 4, 5 and 11), each written once as SQL:
 * - the coordinator sees everything;
 * - a supervisor sees the cases assigned to her (every case when Settings allow it)
 *   and a help-seeker's identity and outcomes only on those; the submitted logs of
 *   the peers she supervises and the logs on the cases she sees; the meetings she
 *   leads, the groups she leads, the cadence and evaluations of the peers she
 *   supervises; the roster without the selection file (peerFields);
 * - a peer sees their own profile, logs, evaluations and action items, and no case.
 * The program's figures (reports.*) are counts over the whole program with no
 * name or code in them, read by staff; they have no row scope.
 */

type Condition = [where: string, params: SqlValue[]];

/**
 * One meaning of "supervises", for logs, cases' dashboard, cadence, evaluation
 * and meetings alike: the peer's supervisor on the roster, or the supervisor
 * leading a group the peer is in (not an archived one). Group leadership counts
 * because the leader is the one who holds the peer's supervision meetings,
 * discusses his logs there, gives him action items and evaluates him; a
 * supervisor who may do that but not read the work it is about is the
 * disagreement issue 11 found. The roster supervisor counts because cases and
 * reviews are routed to her (caseOps.defaultAssignee).
 */
export function supervisedPeers(userId: number): Condition {
  return [
    `SELECT sp.id FROM peers sp WHERE sp.supervisor_user_id = ?
     UNION SELECT sgm.peer_id FROM supervision_group_members sgm JOIN supervision_groups sg ON sg.id = sgm.group_id
     WHERE sg.supervisor_user_id = ? AND sg.archived_at IS NULL`,
    [userId, userId],
  ];
}

/**
 * The peers (alias `p`) the caller supervises: every peer for the coordinator,
 * none for a peer. Whose cadence she reads, whom she evaluates, whom her
 * meetings and action items may name.
 */
export function supervisedScope(ctx: Context): Scope<'peers'> {
  const actor = ctx.actor;
  if (actor.role === 'coordinator') return everyRow('peers');
  if (actor.role === 'peer') return noRow('peers');
  const [peers, params] = supervisedPeers(actor.userId);
  return makeScope('peers', `p.id IN (${peers})`, params);
}

/** The ids in supervisedScope, for checking the many peers a meeting names at once. */
export async function supervisedPeerIds(ctx: Context): Promise<Set<number>> {
  const scope = supervisedScope(ctx);
  return new Set((await ctx.db.all<{ id: number }>(`SELECT p.id FROM peers p WHERE ${scope.where}`, scope.params)).map((r) => r.id));
}

/** Cases (alias `c`), as a condition to embed in the other resources' scopes. */
async function caseCondition(ctx: Context, actor: Actor): Promise<Condition> {
  if (actor.role === 'coordinator') return ['1', []];
  if (actor.role === 'peer') return ['0', []];
  const settings = await loadSettings(ctx.db);
  return settings.supervisorsSeeAllCases ? ['1', []] : ['c.assigned_user_id = ?', [actor.userId]];
}

export async function casesScope(ctx: Context): Promise<Scope<'cases'>> {
  const [where, params] = await caseCondition(ctx, ctx.actor);
  return makeScope('cases', where, params);
}

export async function sessionLogsScope(ctx: Context): Promise<Scope<'sessionLogs'>> {
  const actor = ctx.actor;
  if (actor.role === 'coordinator') return everyRow('sessionLogs');
  if (actor.role === 'peer') return actor.peerId === null ? noRow('sessionLogs') : makeScope('sessionLogs', 'l.peer_id = ?', [actor.peerId]);
  const [peers, peerParams] = supervisedPeers(actor.userId);
  const [onCase, caseParams] = await caseCondition(ctx, actor);
  // A draft is not yet told to anyone but its writer and the coordinator.
  return makeScope(
    'sessionLogs',
    `l.status != 'draft' AND (l.peer_id IN (${peers})
       OR l.id IN (SELECT cl.log_id FROM case_logs cl JOIN cases c ON c.id = cl.case_id WHERE ${onCase}))`,
    [...peerParams, ...caseParams],
  );
}

/**
 * Help-seekers (alias `h`) the caller may list: a supervisor those on the cases
 * she sees, a peer those in their own logs. Their identity is for staff only,
 * on the same rows (identityScope).
 */
export async function helpSeekersScope(ctx: Context): Promise<Scope<'helpSeekers'>> {
  const actor = ctx.actor;
  if (actor.role === 'coordinator') return everyRow('helpSeekers');
  if (actor.role === 'peer') {
    return actor.peerId === null
      ? noRow('helpSeekers')
      : makeScope('helpSeekers', 'h.id IN (SELECT ol.help_seeker_id FROM session_logs ol WHERE ol.peer_id = ? AND ol.help_seeker_id IS NOT NULL)', [actor.peerId]);
  }
  const [onCase, params] = await caseCondition(ctx, actor);
  return makeScope('helpSeekers', `h.id IN (SELECT c.help_seeker_id FROM cases c WHERE ${onCase})`, params);
}

/** Whose identity the caller may see: never a peer; staff on the help-seekers they may list. */
export async function identityScope(ctx: Context): Promise<Scope<'helpSeekers'>> {
  return ctx.actor.role === 'peer' ? noRow('helpSeekers') : helpSeekersScope(ctx);
}

/** WHO-5 and other outcome measurements (alias `m`): of the help-seekers whose identity the caller may see. */
export async function outcomesScope(ctx: Context): Promise<Scope<'outcomes'>> {
  return rowsNaming('outcomes', 'm.help_seeker_id', await identityScope(ctx));
}

/** Whose evaluations the caller may read (peers, alias `p`): those she supervises, or a peer their own. */
export function evaluationSubjectsScope(ctx: Context): Scope<'peers'> {
  const actor = ctx.actor;
  if (actor.role !== 'peer') return supervisedScope(ctx);
  return actor.peerId === null ? noRow('peers') : makeScope('peers', 'p.id = ?', [actor.peerId]);
}

/** Competency evaluations (alias `e`): of the peers in evaluationSubjectsScope. */
export function evaluationsScope(ctx: Context): Scope<'evaluations'> {
  return rowsNaming('evaluations', 'e.peer_id', evaluationSubjectsScope(ctx));
}

/** Supervision meetings (alias `sm`): those the supervisor leads. */
export function meetingsScope(ctx: Context): Scope<'meetings'> {
  const actor = ctx.actor;
  if (actor.role === 'coordinator') return everyRow('meetings');
  if (actor.role === 'peer') return noRow('meetings');
  return makeScope('meetings', 'sm.supervisor_user_id = ?', [actor.userId]);
}

/** Supervision groups (alias `g`): those the supervisor leads. */
export function groupsScope(ctx: Context): Scope<'groups'> {
  const actor = ctx.actor;
  if (actor.role === 'coordinator') return everyRow('groups');
  if (actor.role === 'peer') return noRow('groups');
  return makeScope('groups', 'g.supervisor_user_id = ?', [actor.userId]);
}

/** Peer profiles (alias `p`): staff see the roster (with peerFields deciding what of it); a peer their own. */
export function peersScope(ctx: Context): Scope<'peers'> {
  const actor = ctx.actor;
  if (actor.role !== 'peer') return everyRow('peers');
  return actor.peerId === null ? noRow('peers') : makeScope('peers', 'p.id = ?', [actor.peerId]);
}

/**
 * Which fields of a peer's profile the caller gets.
 * - `all`: the coordinator, who runs selection.
 * - `work`: a supervisor. She supervises the peer's work (training, status,
 *   activation, supervision, logs), not his selection file: no nomination (who
 *   nominated him and why), no interview notes, no reasons in the status history
 *   (a withdrawal's reason may be a family matter), and of the parent's consent
 *   only that it was given and when, not the guardian's name, relationship or where
 *   the form is kept.
 * - `own`: a peer reading their own profile: as `work`, and the guardian is their own,
 *   so the consent stays whole.
 */
export type PeerFields = 'all' | 'work' | 'own';

export function peerFields(ctx: Context): PeerFields {
  const role = ctx.actor.role;
  return role === 'coordinator' ? 'all' : role === 'supervisor' ? 'work' : 'own';
}
