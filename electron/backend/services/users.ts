import { conflict, notFound } from '../errors';
import type { Context, HandlerMap } from '../handler';
import { deleteDraftsOfUser } from '../repositories/drafts';
import { findPeer } from '../repositories/peers';
import * as users from '../repositories/users';
import { generateTemporaryPassword, hashPin } from '../vault/secrets';
import { changeKeySlots } from '../vault/slotChanges';

type UsersMethod =
  | 'users.list'
  | 'users.createStaff'
  | 'users.createPeerAccount'
  | 'users.disable'
  | 'users.enable'
  | 'users.remove'
  | 'users.resetPassword'
  | 'users.setPeerPin'
  | 'users.changeOwnPassword';

async function requireUser(ctx: Context, userId: number): Promise<users.UserRow> {
  const row = await users.findUserById(ctx.db, userId);
  if (!row) throw notFound('user');
  return row;
}

async function assertUsernameFree(ctx: Context, username: string): Promise<void> {
  if (await users.findUserByUsername(ctx.db, username)) {
    throw conflict('username-taken', 'Another account already uses this username.');
  }
}

/** The program must always have a coordinator who can sign in, or nobody could manage users again. */
async function assertNotLastCoordinator(ctx: Context, row: users.UserRow): Promise<void> {
  if (row.role === 'coordinator' && row.status === 'active' && (await users.countActiveCoordinators(ctx.db)) <= 1) {
    throw conflict('last-coordinator', 'The last active coordinator cannot be disabled or removed.');
  }
}

function assertNotSelf(ctx: Context, row: users.UserRow): void {
  if (row.id === ctx.actor.userId) throw conflict('self', 'You cannot do this to your own account.');
}

/** A disabled or removed staff account loses its key slot: the database first, then the file (vault/slotChanges.ts). */
async function removingSlots(ctx: Context, row: users.UserRow, write: () => Promise<void>): Promise<void> {
  if (row.role === 'peer') {
    await ctx.db.transaction(write);
    return;
  }
  await changeKeySlots(ctx.vault, {
    kind: 'slot-removed',
    secret: null,
    known: true,
    startedBy: ctx.actor.userId,
    write: async () => {
      await write();
      return { id: row.id, username: row.username };
    },
  });
}

async function summary(ctx: Context, userId: number) {
  return users.toUserSummary(await requireUser(ctx, userId));
}

export const usersHandlers: HandlerMap<UsersMethod> = {
  'users.list': async (input, ctx) => {
    const { sort, direction, limit, offset, ...filter } = input;
    const page = await users.pageUsers(ctx.db, filter, { sort, direction }, { limit, offset });
    return { users: page.rows.map(users.toUserSummary), total: page.total };
  },

  'users.createStaff': async (input, ctx) => {
    await assertUsernameFree(ctx, input.username);
    const temporaryPassword = generateTemporaryPassword();
    let userId = 0;
    const changeId = await changeKeySlots(ctx.vault, {
      kind: 'account-created',
      secret: temporaryPassword,
      known: false,
      // An account whose first password nobody saw is disabled again; enabling it issues a new one.
      undo: { status: 'disabled' },
      startedBy: ctx.actor.userId,
      write: async () => {
        userId = await users.insertUser(ctx.db, {
          username: input.username,
          fullName: input.fullName,
          role: input.role,
          language: ctx.actor.language,
          peerId: null,
          pinHash: null,
          mustChangePassword: true,
          now: ctx.now(),
        });
        await ctx.audit('user.created', `user:${userId}`, { role: input.role });
        return { id: userId, username: input.username };
      },
    });
    return { user: await summary(ctx, userId), temporaryPassword, changeId };
  },

  'users.createPeerAccount': async (input, ctx) => {
    const peer = await findPeer(ctx.db, input.peerId);
    if (!peer) throw notFound('peer');
    const existing = (await users.listUsers(ctx.db)).find((u) => u.peer_id === input.peerId);
    if (existing) throw conflict('peer-has-account', 'This peer already has an account.');
    await assertUsernameFree(ctx, input.username);
    const pinHash = await hashPin(input.pin);
    const userId = await ctx.db.transaction(async () => {
      const id = await users.insertUser(ctx.db, {
        username: input.username,
        fullName: peer.fullName,
        role: 'peer',
        language: ctx.actor.language,
        peerId: peer.id,
        pinHash,
        mustChangePassword: false,
        now: ctx.now(),
      });
      await ctx.audit('user.created', `user:${id}`, { role: 'peer' });
      return id;
    });
    return { user: await summary(ctx, userId) };
  },

  'users.disable': async (input, ctx) => {
    const row = await requireUser(ctx, input.userId);
    if (row.status === 'disabled') return { user: users.toUserSummary(row) };
    // Before the self check: the only coordinator trying this on themselves hears the real reason.
    await assertNotLastCoordinator(ctx, row);
    assertNotSelf(ctx, row);
    // A disabled staff member's password must stop decrypting the vault, not only stop working in the app.
    await removingSlots(ctx, row, async () => {
      await users.setUserStatus(ctx.db, row.id, 'disabled', ctx.now());
      await ctx.audit('user.disabled', `user:${row.id}`);
    });
    return { user: await summary(ctx, row.id) };
  },

  'users.enable': async (input, ctx) => {
    const row = await requireUser(ctx, input.userId);
    if (row.status === 'active') return { user: users.toUserSummary(row), temporaryPassword: null, changeId: null };
    if (row.role === 'peer') {
      await ctx.db.transaction(async () => {
        await users.setUserStatus(ctx.db, row.id, 'active', ctx.now());
        await ctx.audit('user.enabled', `user:${row.id}`);
      });
      return { user: await summary(ctx, row.id), temporaryPassword: null, changeId: null };
    }
    const temporaryPassword = generateTemporaryPassword();
    const changeId = await changeKeySlots(ctx.vault, {
      kind: 'account-enabled',
      secret: temporaryPassword,
      known: false,
      undo: { status: 'disabled', mustChangePassword: row.must_change_password === 1 },
      startedBy: ctx.actor.userId,
      write: async () => {
        await users.setUserStatus(ctx.db, row.id, 'active', ctx.now());
        await users.setMustChangePassword(ctx.db, row.id, true, ctx.now());
        await ctx.audit('user.enabled', `user:${row.id}`);
        return { id: row.id, username: row.username };
      },
    });
    return { user: await summary(ctx, row.id), temporaryPassword, changeId };
  },

  'users.remove': async (input, ctx) => {
    const row = await requireUser(ctx, input.userId);
    await assertNotLastCoordinator(ctx, row);
    assertNotSelf(ctx, row);
    await removingSlots(ctx, row, async () => {
      await users.setUserStatus(ctx.db, row.id, 'removed', ctx.now());
      await deleteDraftsOfUser(ctx.db, row.id);
      await ctx.audit('user.removed', `user:${row.id}`);
    });
    return {};
  },

  'users.resetPassword': async (input, ctx) => {
    const row = await requireUser(ctx, input.userId);
    assertNotSelf(ctx, row);
    if (row.role === 'peer') throw conflict('not-staff', 'Peer accounts have a PIN, not a password.');
    if (row.status !== 'active') throw conflict('disabled', 'Enable the account first.');
    const temporaryPassword = generateTemporaryPassword();
    const changeId = await changeKeySlots(ctx.vault, {
      kind: 'password-reset',
      secret: temporaryPassword,
      known: false,
      undo: { mustChangePassword: row.must_change_password === 1 },
      startedBy: ctx.actor.userId,
      write: async () => {
        await users.setMustChangePassword(ctx.db, row.id, true, ctx.now());
        await ctx.audit('user.password-reset', `user:${row.id}`);
        return { id: row.id, username: row.username };
      },
    });
    return { user: await summary(ctx, row.id), temporaryPassword, changeId };
  },

  'users.setPeerPin': async (input, ctx) => {
    const row = await requireUser(ctx, input.userId);
    if (row.role !== 'peer') throw conflict('not-peer', 'Only peer accounts have a PIN.');
    const pinHash = await hashPin(input.pin);
    await ctx.db.transaction(async () => {
      await users.setPinHash(ctx.db, row.id, pinHash, ctx.now());
      await ctx.audit('user.pin-set', `user:${row.id}`);
    });
    return { user: await summary(ctx, row.id) };
  },

  'users.changeOwnPassword': async (input, ctx) => {
    const actor = ctx.actor;
    await ctx.session.confirmOwnPassword(input.currentPassword, 'currentPassword');
    await changeKeySlots(ctx.vault, {
      kind: 'password-changed',
      secret: input.newPassword,
      known: true,
      startedBy: actor.userId,
      write: async () => {
        await ctx.audit('user.password-changed', `user:${actor.userId}`);
        return { id: actor.userId, username: actor.username };
      },
    });
    return {};
  },
};
