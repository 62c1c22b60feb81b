import { z } from 'zod';
import { anyPassword, empty, limits, recoveryKey, requiredText } from '../fields';
import { defineMethod } from '../method';
import { coordinatorOnly, type Access } from '../roles';

/**
 * Restoring on a new PC happens before anyone can sign in: the restore and the
 * calls that find and check a backup are allowed with no vault, with the vault
 * locked, or for a signed-in coordinator. The handler learns which from the
 * session's state.
 */
const restoreAccess: Access = { states: ['no-vault', 'locked', 'unlocked'], roles: coordinatorOnly };
import { appStatus } from './session';

/**
 * Backups (issue 6): one encrypted file per backup, usually on a USB stick;
 * checked without a password (complete and unmodified) or with one (opens,
 * passes the integrity checks, shows what is inside); restored on the first-run
 * screen of a new PC, from the unlock screen, or from Settings.
 *
 * The methods a restore needs are public, because on a new PC nobody can sign
 * in yet; the backend lets them run only when there is no vault, when the vault
 * is locked, or for a signed-in coordinator.
 */

/** Why a file is not a usable backup; the first group is found without a password. */
export const backupProblems = [
  'not-found',
  'not-a-backup',
  'newer-format',
  'damaged-header',
  'truncated',
  'damaged-key-slots',
  'damaged-payload',
  'newer-version',
  'tampered',
  'key-slots-mismatch',
  'integrity',
  /** A backup Sebaya had not finished writing (its temporary file): never restorable. */
  'unfinished',
] as const;
export type BackupProblem = (typeof backupProblems)[number];

/** Why making a backup failed, in words a counselor can act on. */
export const backupFailureReasons = [
  'folder-missing',
  'not-a-folder',
  'not-writable',
  'read-only',
  'drive-full',
  'drive-removed',
  'vault-damaged',
  'write-check-failed',
  'unknown',
] as const;
export type BackupFailureReason = (typeof backupFailureReasons)[number];

/** A folder or file path typed or chosen by the user. */
export const fsPath = requiredText(1024);

/** What opens a backup: a password that was valid when it was made, or the recovery key of that time. */
export const backupCredential = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('password'), username: requiredText(limits.username), password: anyPassword }),
  z.strictObject({ kind: z.literal('recoveryKey'), recoveryKey }),
]);
export type BackupCredential = z.infer<typeof backupCredential>;

export const backupDrive = z.object({
  path: z.string(),
  label: z.string().nullable(),
  description: z.string(),
  sizeBytes: z.number().nullable(),
});
export type BackupDrive = z.infer<typeof backupDrive>;

export const backupCheckLevels = ['created', 'quick', 'full'] as const;

export const backupFile = z.object({
  file: z.string(),
  name: z.string(),
  bytes: z.number().int().nullable(),
  createdAt: z.string().nullable(),
  appVersion: z.string().nullable(),
  schemaVersion: z.number().int().nullable(),
  /** Whether it is a backup of the vault on this computer; null when there is none or it cannot tell. */
  thisVault: z.boolean().nullable(),
  /** What the cheap check of its head found; null when it looks complete. */
  problem: z.enum(backupProblems).nullable(),
  /** The latest check of this backup recorded in this vault's audit log (only while signed in). */
  lastCheck: z.object({ at: z.string(), level: z.enum(backupCheckLevels), ok: z.boolean() }).nullable(),
});
export type BackupFile = z.infer<typeof backupFile>;

/** What a backup is and who opened it. */
export const backupIdentity = z.object({
  schoolName: z.string(),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  openedWith: z.object({ kind: z.enum(['password', 'recoveryKey']), username: z.string().nullable() }),
});
export type BackupIdentity = z.infer<typeof backupIdentity>;

/** A backup's identity and what its full check found inside. */
export const backupContents = backupIdentity.extend({
  counts: z.array(z.object({ table: z.string(), rows: z.number().int() })),
  checks: z.object({
    cipherIntegrity: z.boolean(),
    databaseIntegrity: z.boolean(),
    auditChain: z.object({ ok: z.boolean(), checked: z.number().int() }),
  }),
});
export type BackupContents = z.infer<typeof backupContents>;

export const backupVerification = z.object({
  file: z.string(),
  name: z.string(),
  level: z.enum(['quick', 'full']),
  ok: z.boolean(),
  problem: z.enum(backupProblems).nullable(),
  header: z
    .object({
      createdAt: z.string(),
      appVersion: z.string(),
      schemaVersion: z.number().int(),
      bytes: z.number().int(),
    })
    .nullable(),
  /** Whose backup this is, seen from this computer: its own vault's, another vault's, or there is no vault here. Null when the head cannot be read. */
  belongsTo: z.enum(['this-vault', 'other-vault', 'no-vault']).nullable(),
  contents: backupContents.nullable(),
});
export type BackupVerification = z.infer<typeof backupVerification>;

export const backupHistoryEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.enum(['created', 'failed', 'checked', 'restored']),
  by: z.string().nullable(),
  name: z.string().nullable(),
  folder: z.string().nullable(),
  bytes: z.number().nullable(),
  ok: z.boolean(),
  /** A failure reason or a backup problem, for the failed and not-ok entries. */
  problem: z.string().nullable(),
  via: z.enum(['app', 'cli']).nullable(),
});
export type BackupHistoryEntry = z.infer<typeof backupHistoryEntry>;

export const backupsMethods = {
  /** The Backups screen and the dashboard reminder: settings, the last verified backup, recent history. */
  'backups.overview': defineMethod({
    reads: true,
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: empty,
    output: z.object({
      folder: z.string().nullable(),
      keepLast: z.number().int(),
      reminderDays: z.number().int(),
      lastBackupAt: z.string().nullable(),
      reminderDue: z.boolean(),
      history: z.array(backupHistoryEntry),
    }),
  }),
  /** Mounted removable drives (USB sticks, SD cards) a backup can go to; empty where the OS does not say. */
  'backups.drives': defineMethod({
    reads: true,
    access: restoreAccess,
    input: empty,
    output: z.object({ drives: z.array(backupDrive) }),
  }),
  /** The Sebaya backups in a folder (or the one file a path names), newest first, each with a cheap check. */
  'backups.folder': defineMethod({
    reads: true,
    access: restoreAccess,
    input: z.strictObject({ folder: fsPath }),
    output: z.object({
      folder: z.string(),
      exists: z.boolean(),
      /** The folder is on the disk the vault is on: a backup there dies with the computer. Null without a vault. */
      sameDiskAsVault: z.boolean().nullable(),
      backups: z.array(backupFile),
    }),
  }),
  /** Backs up now: snapshot, write to a temporary name, fsync, verify, rename, rotate. */
  'backups.create': defineMethod({
    access: { states: ['unlocked'], roles: coordinatorOnly },
    input: z.strictObject({ folder: fsPath }),
    output: z.object({
      file: z.string(),
      name: z.string(),
      folder: z.string(),
      bytes: z.number().int(),
      createdAt: z.string(),
      durationMs: z.number(),
      verified: z.literal(true),
      sameDiskAsVault: z.boolean(),
      removed: z.array(z.string()),
      notRemoved: z.array(z.string()),
    }),
  }),
  /** Quick check without a credential; full check (opens it, integrity checks, contents) with one. */
  'backups.verify': defineMethod({
    reads: true,
    access: restoreAccess,
    input: z.strictObject({ file: fsPath, credential: backupCredential.optional() }),
    output: backupVerification,
  }),
  /**
   * Restores a backup: its bytes proven to be the ones written for that vault (SHA-256 under the
   * header's MAC, the key opening it), not its contents checked again: the screen runs the full
   * check first, and vault.check is there after. With no vault it is put in place;
   * otherwise the current vault is first kept whole in a dated folder (`keptAt`).
   * Ends locked, with lock reason "restored".
   */
  'backups.restore': defineMethod({
    access: restoreAccess,
    input: z.strictObject({
      file: fsPath,
      credential: backupCredential,
      /**
       * Over a vault, from the locked screen: its recovery key or a current coordinator's password,
       * when the backup's own secret is not also one (a signed-in coordinator needs none).
       */
      authority: backupCredential.optional(),
      /** For a backup of another vault: that school's name, typed to confirm. */
      confirmSchoolName: z.string().max(200).optional(),
    }),
    output: z.object({ status: appStatus, keptAt: z.string().nullable(), backup: backupIdentity }),
  }),
};

/**
 * Whether a typed school name confirms a backup's (restoring another school's vault):
 * case, spacing and the Unicode form as typed do not matter. The screen and the backend use this one rule.
 */
export function sameSchoolName(typed: string, schoolName: string): boolean {
  const plain = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');
  return plain(typed) === plain(schoolName);
}
