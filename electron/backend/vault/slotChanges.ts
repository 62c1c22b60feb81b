import { randomUUID } from 'node:crypto';
import { conflict, notFound } from '../errors';
import { appendAudit } from '../repositories/audit';
import {
  findKeySlotChange,
  insertKeySlotChange,
  listUnsettledKeySlotChanges,
  setKeySlotChangeState,
  type KeySlotChange,
  type KeySlotChangeKind,
  type KeySlotChangeUndo,
} from '../repositories/keySlotChanges';
import * as users from '../repositories/users';
import type { KeySlot } from './keySlots';
import type { OpenVault } from './vault';

/**
 * Key slots and the users table change together (issue 11). The key slot file
 * lives beside the database, so no transaction spans both; instead every
 * change is recorded in the database with the rows it changes, and the file
 * follows:
 *
 * 1. In one transaction: the rows (account, flags, audit entry), a
 *    `keyslot_changes` row, and, before the commit, the new slot written into
 *    the file *beside* the old one, tagged with the change. A crash before the
 *    commit leaves a tagged slot no committed change names; it is dropped.
 * 2. A secret the person typed (a changed password) is known at once; a
 *    generated one (a temporary password, a recovery key) is known only once
 *    the screen that shows it says so (`vault.confirmSecretShown`), or once it
 *    opens the vault. Until then the old secret still works.
 * 3. Settling: the file keeps only the known slot of its owner, untagged;
 *    then the row is done.
 *
 * When the vault is next opened (`settleKeySlotChanges` with `atOpen`), a
 * known change is settled, and a generated secret nobody saw is withdrawn:
 * its slot is dropped and the rows it changed are put back, so every account
 * opens with the secret last shown to a person. Removals go the other way
 * round (database first, then the file), and one invariant is kept at every
 * settling: a user slot belongs to an active staff account, or it goes. An
 * old secret that opened the vault before its change was settled is refused.
 */

/** For the crash tests: each step of a change; a hook that never returns stands for the power going off there. */
export type SlotChangeStep = 'slot-written' | 'committed' | 'marked-known' | 'database-settled' | 'file-settled';
export interface SlotChangeHooks {
  at?(step: SlotChangeStep, kind: KeySlotChangeKind | 'settling' | 'rotation'): Promise<void>;
}

export interface SlotOwner {
  id: number;
  username: string;
}

export interface KeySlotChangeSpec {
  kind: KeySlotChangeKind;
  /** The new secret; null when the account's slots are to go. */
  secret: string | null;
  /** A secret the person typed is known at once; a generated one waits to be shown. */
  known: boolean;
  undo?: KeySlotChangeUndo;
  startedBy: number | null;
  /** The database side (rows, audit entry), in the same transaction; returns whose slot changes (null: the recovery key's). */
  write(): Promise<SlotOwner | null>;
}

interface UserState {
  id: number;
  role: string;
  status: string;
}

export interface Reconciliation {
  slots: KeySlot[];
  /** Awaiting changes whose secret opened the vault. */
  nowKnown: string[];
  /** Awaiting changes nobody saw: their rows are put back. */
  withdrawn: KeySlotChange[];
  /** Changes the new file settles. */
  done: string[];
}

function sameOwner(a: Pick<KeySlot, 'kind' | 'userId'>, b: Pick<KeySlot, 'kind' | 'userId'>): boolean {
  return a.kind === b.kind && (a.kind === 'recovery' || a.userId === b.userId);
}

/**
 * What the key slot file and the changes become, from what they are: a pure function, so every
 * crash point is reasoned about in one place. `atOpen`: the vault is being opened, so a secret
 * still awaiting its screen was never shown (the process that would show it is gone).
 */
export function reconcileKeySlots(input: {
  slots: readonly KeySlot[];
  changes: readonly KeySlotChange[];
  users: readonly UserState[];
  openedWith: string | null;
  atOpen: boolean;
}): Reconciliation {
  const nowKnown = input.changes.filter((c) => c.state === 'awaiting-shown' && c.slotId !== null && c.slotId === input.openedWith);
  const withdrawn = input.atOpen ? input.changes.filter((c) => c.state === 'awaiting-shown' && !nowKnown.includes(c)) : [];
  const known = input.changes.filter((c) => c.state === 'known' || nowKnown.includes(c));
  const stillAwaiting = new Set(input.changes.filter((c) => c.state === 'awaiting-shown' && !nowKnown.includes(c) && !withdrawn.includes(c)).map((c) => c.id));

  const status = new Map(input.users.map((u) => [u.id, u.role === 'peer' ? 'peer' : u.status]));
  for (const change of withdrawn) if (change.userId !== null && change.undo.status) status.set(change.userId, change.undo.status);

  let slots = [...input.slots];
  for (const change of known) {
    if (change.kind === 'slot-removed') {
      slots = slots.filter((s) => !(s.kind === 'user' && s.userId === change.userId));
      continue;
    }
    const kept = slots.find((s) => s.id === change.slotId);
    // Without its new slot a change has nothing to settle on: the old one stays, never no slot at all.
    if (!kept) continue;
    slots = slots.filter((s) => s === kept || !sameOwner(s, kept)).map((s) => (s === kept ? untagged(s) : s));
  }
  slots = slots.filter((s) => !s.pending || stillAwaiting.has(s.pending));
  slots = slots.filter((s) => s.kind === 'recovery' || (s.userId !== null && status.get(s.userId) === 'active'));
  return { slots, nowKnown: nowKnown.map((c) => c.id), withdrawn, done: known.map((c) => c.id) };
}

function untagged(slot: KeySlot): KeySlot {
  const { pending: _pending, ...rest } = slot;
  return rest;
}

function now(vault: OpenVault): string {
  return vault.clock.now().toISOString();
}

/** Starts a change (step 1 above) and, for a typed secret or a removal, settles it. Returns its id for the screen that shows the secret. */
export async function changeKeySlots(vault: OpenVault, spec: KeySlotChangeSpec): Promise<string> {
  const { db, hooks } = vault;
  const id = randomUUID();
  await db.transaction(async () => {
    const owner = await spec.write();
    const slotOwner = owner === null ? ({ kind: 'recovery' } as const) : ({ kind: 'user', userId: owner.id, username: owner.username } as const);
    const ownerKey = { kind: slotOwner.kind, userId: owner?.id ?? null };
    // A second reset before the first was shown replaces it.
    const superseded = (await listUnsettledKeySlotChanges(db)).filter(
      (c) => c.state === 'awaiting-shown' && sameOwner({ kind: c.kind === 'recovery-key-replaced' ? 'recovery' : 'user', userId: c.userId }, ownerKey),
    );
    await setKeySlotChangeState(db, superseded.map((c) => c.id), 'withdrawn', now(vault));
    const slot = spec.secret === null ? null : await vault.newSlot(slotOwner, spec.secret, id);
    await insertKeySlotChange(
      db,
      {
        id,
        kind: spec.kind,
        userId: owner?.id ?? null,
        slotId: slot?.id ?? null,
        state: spec.known ? 'known' : 'awaiting-shown',
        undo: spec.undo ?? {},
        startedBy: spec.startedBy,
      },
      now(vault),
    );
    if (slot) {
      const gone = new Set(superseded.map((c) => c.id));
      await vault.editSlots((slots) => [...slots.filter((s) => !(s.pending && gone.has(s.pending))), slot]);
      await hooks.at?.('slot-written', spec.kind);
    }
  });
  await hooks.at?.('committed', spec.kind);
  if (spec.known) await settleKeySlotChanges(vault, { openedWith: null, atOpen: false });
  return id;
}

/** The screen showed the secret of change `id` (started by `actorId`): it is known now, and the old secret goes. */
export async function confirmSecretShown(vault: OpenVault, id: string, actorId: number): Promise<void> {
  const change = await findKeySlotChange(vault.db, id);
  if (!change || change.startedBy !== actorId) throw notFound('change');
  if (change.state === 'withdrawn') {
    throw conflict('secret-withdrawn', 'This password or recovery key was replaced or withdrawn; it does not open the vault.');
  }
  if (change.state === 'awaiting-shown') {
    await vault.db.transaction(() => setKeySlotChangeState(vault.db, [id], 'known', now(vault)));
    await vault.hooks.at?.('marked-known', change.kind);
  }
  await settleKeySlotChanges(vault, { openedWith: null, atOpen: false });
}

const withdrawnTarget = (change: KeySlotChange): string | null => (change.userId === null ? null : `user:${change.userId}`);

/**
 * Brings the key slot file and the database into agreement (see the top of this file). Every
 * step can be repeated: a crash half-way is finished by the next call. Run at every unlock.
 */
export async function settleKeySlotChanges(vault: OpenVault, options: { openedWith: string | null; atOpen: boolean }): Promise<{ openedSlotKept: boolean }> {
  const { db, hooks } = vault;
  const changes = await listUnsettledKeySlotChanges(db);
  const file = await vault.readSlots();
  const staff = (await users.listUsers(db)).map((u) => ({ id: u.id, role: u.role, status: u.status }));
  const plan = reconcileKeySlots({ slots: file.slots, changes, users: staff, ...options });
  const at = now(vault);
  if (plan.nowKnown.length > 0 || plan.withdrawn.length > 0) {
    await db.transaction(async () => {
      await setKeySlotChangeState(db, plan.nowKnown, 'known', at);
      for (const change of plan.withdrawn) {
        if (change.userId !== null && change.undo.status) await users.setUserStatus(db, change.userId, change.undo.status, at);
        if (change.userId !== null && change.undo.mustChangePassword !== undefined) {
          await users.setMustChangePassword(db, change.userId, change.undo.mustChangePassword, at);
        }
        await appendAudit(db, {
          at,
          actorUserId: null,
          actorName: null,
          action: 'vault.secret-withdrawn',
          target: withdrawnTarget(change),
          details: { change: change.kind },
        });
      }
      await setKeySlotChangeState(db, plan.withdrawn.map((c) => c.id), 'withdrawn', at);
    });
    await hooks.at?.('database-settled', 'settling');
  }
  await vault.editSlots(() => plan.slots);
  await hooks.at?.('file-settled', 'settling');
  if (plan.done.length > 0) await db.transaction(() => setKeySlotChangeState(db, plan.done, 'done', at));
  // An old secret opens the vault until the change is settled; once it is, that secret no longer counts.
  return { openedSlotKept: options.openedWith === null || plan.slots.some((s) => s.id === options.openedWith) };
}
