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
