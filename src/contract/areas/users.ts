import { z } from 'zod';
import { anyPassword, empty, id, limits, newPassword, pin, requiredText, secretChangeId, username } from '../fields';
import { defineMethod } from '../method';
import { pageRequest, pageTotal, sortRequest } from '../paging';
import { coordinatorOnly, roles, staff, staffRoles } from '../roles';

export const userStatuses = ['active', 'disabled'] as const;

export const userSummary = z.object({
  id,
  username: z.string(),
  fullName: z.string(),
  role: z.enum(roles),
  status: z.enum(userStatuses),
  peerId: id.nullable(),
  peerName: z.string().nullable(),
  mustChangePassword: z.boolean(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserSummary = z.infer<typeof userSummary>;

/** The accounts screen's sorts; the role sort keeps each role's accounts in the order of their names. */
export const userSorts = ['fullName', 'username', 'role', 'lastSignInAt'] as const;
export type UserSort = (typeof userSorts)[number];

/** The accounts screen shows staff and peer accounts as two lists. */
export const accountKinds = ['staff', 'peer'] as const;
export type AccountKind = (typeof accountKinds)[number];

/** A password the app generated; shown to the coordinator once and never stored in plain form. */
const temporaryPassword = z.object({ user: userSummary, temporaryPassword: z.string(), changeId: secretChangeId });

export const usersMethods = {
  /** One page of the accounts (removed ones never), sorted and filtered in SQL. */
  'users.list': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({
      kind: z.enum(accountKinds).optional(),
      status: z.enum(userStatuses).optional(),
      /** Part of the name or the username, in any case. */
      text: z.string().trim().max(limits.name).optional(),
      ...sortRequest(userSorts, 'role', 'asc'),
      ...pageRequest,
    }),
    output: z.object({ users: z.array(userSummary), ...pageTotal }),
  }),
  'users.createStaff': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({ username, fullName: requiredText(limits.name), role: z.enum(staffRoles) }),
    output: temporaryPassword,
  }),
  'users.createPeerAccount': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({ peerId: id, username, pin }),
    output: z.object({ user: userSummary }),
  }),
  /** Disabling a staff account also destroys its key slot; enabling it again issues a new temporary password. */
  'users.disable': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({ userId: id }),
    output: z.object({ user: userSummary }),
  }),
  'users.enable': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({ userId: id }),
    output: z.object({ user: userSummary, temporaryPassword: z.string().nullable(), changeId: secretChangeId.nullable() }),
  }),
  'users.remove': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({ userId: id }),
    output: empty,
  }),
  'users.resetPassword': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({ userId: id }),
    output: temporaryPassword,
  }),
  'users.setPeerPin': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({ userId: id, pin }),
    output: z.object({ user: userSummary }),
  }),
  'users.changeOwnPassword': defineMethod({
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({ currentPassword: anyPassword, newPassword }),
    output: empty,
  }),
};
