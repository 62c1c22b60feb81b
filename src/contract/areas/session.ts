import { z } from 'zod';
import { anyPassword, empty, id, language, limits, newPassword, recoveryKey, requiredText, secretChangeId, username } from '../fields';
import { defineMethod } from '../method';
import { coordinatorOnly, everyone, noRoles, roles, staff, vaultStates } from '../roles';

export const sessionUser = z.object({
  userId: id,
  username: z.string(),
  fullName: z.string(),
  role: z.enum(roles),
  peerId: id.nullable(),
  language,
});
export type SessionUser = z.infer<typeof sessionUser>;


export const lockReasons = ['startup', 'manual', 'idle', 'os', 'peer-signed-out', 'restored'] as const;
export type LockReason = (typeof lockReasons)[number];

export const appStatus = z.object({
  state: z.enum(vaultStates),
  user: sessionUser.nullable(),
  schoolName: z.string().nullable(),
  lockReason: z.enum(lockReasons).nullable(),
  passwordRequiredReason: z.enum(['recovery', 'temporary']).nullable(),
  autoLockMinutes: z.number().int().nullable(),
  retryAfterSeconds: z.number().int().nonnegative(),
  /**
   * While locked: the staff username that last unlocked this vault on this PC, for the unlock
   * screen to fill in (issue 14); null otherwise. Never a password, never a peer's username.
   */
  lastUsername: z.string().nullable(),
});
export type AppStatus = z.infer<typeof appStatus>;

export const draftInput = z.strictObject({
  formKey: requiredText(100),
  area: requiredText(40),
  /** The form's values as JSON; stored in the vault, never in the renderer's storage. */
  payload: z.string().max(64_000),
});
export type DraftInput = z.infer<typeof draftInput>;

export const sessionMethods = {
  'app.status': defineMethod({ reads: true, access: { states: vaultStates, roles: everyone }, input: empty, output: appStatus }),
  'vault.create': defineMethod({
    access: { states: ['no-vault'], roles: noRoles },
    input: z.strictObject({
      schoolName: requiredText(limits.name),
      fullName: requiredText(limits.name),
      username,
      password: newPassword,
      language,
    }),
    output: z.object({ recoveryKey: z.string(), status: appStatus }),
  }),
  'vault.unlock': defineMethod({
    access: { states: ['locked'], roles: noRoles },
    input: z.strictObject({ username: requiredText(limits.username), password: anyPassword }),
    output: appStatus,
  }),
  'vault.unlockWithRecoveryKey': defineMethod({
    access: { states: ['locked'], roles: noRoles },
    input: z.strictObject({ username: requiredText(limits.username), recoveryKey }),
    output: appStatus,
  }),
  /** After a recovery-key unlock or a temporary password: the user picks their own password. */
  'vault.setNewPassword': defineMethod({
    access: { states: ['password-required'], roles: noRoles },
    input: z.strictObject({ newPassword }),
    output: appStatus,
  }),
  /** Locking must work from every state, including a handover nobody signed into. */
  'session.lock': defineMethod({
    access: { states: vaultStates, roles: everyone },
    input: z.strictObject({
      drafts: z.array(draftInput).max(20).optional(),
      reason: z.enum(['manual', 'idle', 'os']).optional(),
    }),
    output: appStatus,
  }),
  /** Runs SQLCipher's and SQLite's integrity checks and verifies the audit chain. */
  'vault.check': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: empty,
    output: z.object({
      ok: z.boolean(),
      cipherIntegrity: z.object({ ok: z.boolean(), problems: z.number().int() }),
      databaseIntegrity: z.object({ ok: z.boolean(), problems: z.number().int() }),
      auditChain: z.object({ ok: z.boolean(), checked: z.number().int(), brokenAtId: id.nullable() }),
    }),
  }),
  /**
   * Re-encrypts the vault under a new data key after a suspected leak: old backups and old
   * passwords stop opening it. Other staff get temporary passwords (returned once) and there
   * is a new recovery key.
   */
  'vault.rotateDataKey': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({ password: anyPassword }),
    output: z.object({
      recoveryKey: z.string(),
      changeId: secretChangeId,
      temporaryPasswords: z.array(z.object({ userId: id, username: z.string(), fullName: z.string(), temporaryPassword: z.string() })),
    }),
  }),
  /** Replaces the recovery key (the old one stops working); needs the caller's password. */
  'vault.newRecoveryKey': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({ password: anyPassword }),
    output: z.object({ recoveryKey: z.string(), changeId: secretChangeId }),
  }),
  /**
   * The screen now shows the generated secret of `changeId` (from `users.createStaff`,
   * `users.enable`, `users.resetPassword`, `vault.newRecoveryKey`, `vault.rotateDataKey`): the
   * old secret stops working. Called once the secret is on screen, not when it is dismissed, so
   * a crash while it is shown keeps it.
   */
  'vault.confirmSecretShown': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({ changeId: secretChangeId }),
    output: empty,
  }),
  /** Marks user activity for the backend's own idle lock; answers with the auto-lock setting. */
  'session.heartbeat': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: everyone },
    input: empty,
    output: z.object({ autoLockMinutes: z.number().int() }),
  }),
  'session.handOverToPeer': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({ drafts: z.array(draftInput).max(20).optional() }),
    output: appStatus,
  }),
  /**
   * The counselor hands the PC to a student for one anonymous feedback form
   * (`feedback.submit`); nothing else but a lock can be called until the
   * counselor unlocks again.
   */
  'session.handOverForFeedback': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: staff },
    input: z.strictObject({ drafts: z.array(draftInput).max(20).optional() }),
    output: appStatus,
  }),
  'session.peerSignIn': defineMethod({
    access: { states: ['handover'], roles: noRoles },
    input: z.strictObject({ username: requiredText(limits.username), pin: z.string().max(16) }),
    output: appStatus,
  }),
  'session.setLanguage': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: everyone },
    input: z.strictObject({ language }),
    output: z.object({ language }),
  }),
  'drafts.list': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: everyone },
    input: empty,
    output: z.object({
      drafts: z.array(z.object({ formKey: z.string(), area: z.string(), payload: z.string(), savedAt: z.string() })),
    }),
  }),
  'drafts.discard': defineMethod({
    access: { states: ['unlocked'], roles: everyone },
    input: z.strictObject({ formKey: requiredText(100) }),
    output: empty,
  }),
};
