import type { Context } from '../handler';
import { everyRow, type Resource, type Scope } from './scope';

export { canSee, type Resource, type Scope } from './scope';
export * from './policy';

/**
 * Acting on a case (notes, status, referrals, reassigning) is for the
 * coordinator and the supervisor it is assigned to; seeing it is casesScope.
 */
export function canActOnCase(ctx: Context, row: { assigned_user_id: number | null }): boolean {
  const actor = ctx.actor;
  return actor.role === 'coordinator' || (actor.role === 'supervisor' && row.assigned_user_id === actor.userId);
}

/**
 * Every row, for a rule that acts on rows the caller is never shown: a peer's
 * submitted log with a ticked risk joins the help-seeker's open case. Never for
 * what a caller reads; tests/unit/accessScopes.test.ts names the files allowed to use it.
 */
export const ruleScope = <R extends Resource>(resource: R): Scope<R> => everyRow(resource);
