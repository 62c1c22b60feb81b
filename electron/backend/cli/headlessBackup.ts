import type { Clock } from '../clock';
import { Database } from '../db/database';
import type { Driver } from '../db/driver';
import { assertNotFromTheFuture, VaultTooNewError } from '../db/migrate';
import { BackupFailedError, failureFromOsError } from '../backup/errors';
import { writeBackup, type BackupProgress, type WrittenBackup } from '../backup/write';
import { appendAudit } from '../repositories/audit';
import { findUserById } from '../repositories/users';
import { loadSettings } from '../repositories/settingsStore';
import { openSlot, readKeySlotFile, usernameLookup, type KeySlot } from '../vault/keySlots';
import { vaultPaths } from '../vault/paths';
import { isWellFormedRecoveryKey, normaliseRecoveryKey } from '../vault/recoveryKey';
import { vaultExists } from '../vault/vault';
import { recoveryKeyCounter, SecretBackOff } from '../session/backOff';

/** A refusal with a sentence for the person or the task log; never a stack. */
export class HeadlessBackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HeadlessBackupError';
  }
}

export interface HeadlessBackupOptions {
  dataDir: string;
  folder: string;
  /** With a username, the secret is that user's password; without, it is tried as any staff password or the recovery key. */
  username: string | null;
  secret: string;
  driver: Driver;
  clock: Clock;
  onProgress?: (progress: BackupProgress) => void | Promise<void>;
}

async function openAnySlot(
  vaultId: string,
  slots: KeySlot[],
  username: string | null,
  secret: string,
): Promise<{ key: Buffer; slot: KeySlot } | null> {
  const candidates = username
    ? slots.filter((s) => s.kind === 'user' && s.lookup === usernameLookup(vaultId, username))
    : [...slots.filter((s) => s.kind === 'user'), ...(isWellFormedRecoveryKey(secret) ? slots.filter((s) => s.kind === 'recovery') : [])];
  for (const slot of candidates) {
    const key = await openSlot(vaultId, slot, slot.kind === 'recovery' ? normaliseRecoveryKey(secret) : secret);
    if (key) return { key, slot };
  }
  return null;
}

/**
 * A backup for a scheduled task, beside a running app or without one. It never
 * unlocks the vault the way the app does (no migrations, no sign-in, no change
 * to the unlock back-off): it opens the data key from a key slot, reads a
 * snapshot on its own connection (SQLite's WAL lets a second process read a
 * consistent snapshot while the app writes, and blocks nobody), and writes one
 * audit entry in a short transaction that waits for the app's write lock.
 * Wrong secrets count toward the same back-off as the unlock screen and appear
 * in the audit log at the next unlock.
 */
export async function headlessBackup(options: HeadlessBackupOptions): Promise<WrittenBackup> {
  const paths = vaultPaths(options.dataDir);
  if (!(await vaultExists(options.dataDir))) throw new HeadlessBackupError('There is no vault in that folder.');
  const slotFile = await readKeySlotFile(paths.keySlots);
  const backOff = new SecretBackOff(paths.unlockAttempts, options.clock);
  const lookup = options.username ? usernameLookup(slotFile.vaultId, options.username) : isWellFormedRecoveryKey(options.secret) ? recoveryKeyCounter : null;
  const wait = await backOff.secondsToWait(lookup);
  if (wait > 0) throw new HeadlessBackupError(`Too many wrong attempts. Try again in ${wait} seconds.`);

  const opened = await openAnySlot(slotFile.vaultId, slotFile.slots, options.username, options.secret);
  if (!opened) {
    const kind = !options.username && isWellFormedRecoveryKey(options.secret) ? 'recovery-key' : 'password';
    await backOff.recordFailure(kind, lookup);
    throw new HeadlessBackupError(options.username ? 'The username or password is not correct.' : 'That is not a password or recovery key of this vault.');
  }

  const { key, slot } = opened;
  let db: Database | null = null;
  try {
    db = new Database(await options.driver.open(paths.database, { key, create: false }));
    await db.exec('PRAGMA busy_timeout = 5000');
    await assertNotFromTheFuture(db);
    const user = slot.userId === null ? null : await findUserById(db, slot.userId);
    if (slot.kind === 'user' && (!user || user.status !== 'active' || user.role === 'peer')) {
      throw new HeadlessBackupError('This account may not make backups.');
    }
    const settings = await loadSettings(db);
    const audit = async (action: 'backup.created' | 'backup.failed', details: Record<string, string | number | string[]>) => {
      const target = db!;
      await target.transaction(() =>
        appendAudit(target, {
          at: options.clock.now().toISOString(),
          actorUserId: user?.id ?? null,
          actorName: user?.username ?? null,
          action,
          target: null,
          details: { ...details, via: 'cli', ...(user ? {} : { with: 'recovery-key' }) },
        }),
      );
    };
    let written: WrittenBackup;
    try {
      written = await writeBackup(
        {
          driver: options.driver,
          databaseFile: paths.database,
          keySlotsFile: paths.keySlots,
          dataKey: key,
          vaultId: slotFile.vaultId,
          schoolName: settings.schoolName,
          stagingParent: paths.dataDir,
        },
        { folder: options.folder, now: options.clock.now(), keepLast: settings.backupKeepLast, ...(options.onProgress ? { onProgress: options.onProgress } : {}) },
      );
    } catch (error) {
      const failure = error instanceof BackupFailedError ? error : failureFromOsError(error);
      await audit('backup.failed', { folder: options.folder, reason: failure.reason });
      throw new HeadlessBackupError(`The backup failed: ${failure.message} The vault was not changed.`);
    }
    await audit('backup.created', {
      file: written.name,
      folder: written.folder,
      bytes: written.bytes,
      backupId: written.backupId,
      removed: written.removed,
    });
    return written;
  } catch (error) {
    if (error instanceof VaultTooNewError) throw new HeadlessBackupError(error.message);
    throw error;
  } finally {
    await db?.close().catch(() => undefined);
    key.fill(0);
  }
}
