import { undecidedCaseStatuses, type CaseSeverity, type CaseStatus } from '../../../src/contract';
import type { Context } from '../handler';
import { findUserById } from '../repositories/users';
import { invalidField } from '../errors';

// Who may see and act on logs, cases and identities is electron/backend/access/ (issue 11).

/** A case may be given to an active coordinator or supervisor account. */
export async function assertAssignee(ctx: Context, userId: number | null, field = 'assignedUserId'): Promise<void> {
  if (userId === null) return;
  const user = await findUserById(ctx.db, userId);
  if (!user || user.role === 'peer' || user.status !== 'active') {
    throw invalidField(field, 'not_staff', 'A case can be given only to an active coordinator or supervisor account.');
  }
}

/**
 * When a case of this severity opened at `openedAt` must have a decision: the
 * end of the local day, that many days later (0: the same day).
 */
export function dueAt(openedAt: Date, severity: CaseSeverity, dueDays: Record<CaseSeverity, number>): string {
  const end = new Date(openedAt.getFullYear(), openedAt.getMonth(), openedAt.getDate() + dueDays[severity], 23, 59, 59, 999);
  return end.toISOString();
}

/** Past its due time without a decision (still open or in review). */
export function isOverdue(row: { status: CaseStatus; due_at: string }, now: Date): boolean {
  return (undecidedCaseStatuses as readonly CaseStatus[]).includes(row.status) && now.getTime() > Date.parse(row.due_at);
}
