import path from 'node:path';
import { sameSchoolName, type BackupCredential } from '../../../src/contract';
import { stageBackup, type StagedBackup, type StageOptions } from '../backup/check';
import { BackupCredentialError } from '../backup/errors';
import { readHead } from '../backup/format';
import { hasVaultFiles, keptVaultDir, replaceVaultFiles } from '../backup/restore';
import { Database } from '../db/database';
import type { Driver } from '../db/driver';
import { AppError } from '../errors';
import { appendAudit } from '../repositories/audit';
import { findUserById } from '../repositories/users';
import { openSlotWithCredential, readKeySlotFile, usernameLookup, type KeySlotFile } from '../vault/keySlots';
import { openDatabase } from '../vault/vault';
import { recoveryKeyCounter } from './backOff';
import type { Actor, Session } from './session';

/**
 * Restoring a backup (issue 11). Who may do it depends on what is on this PC:
 * - no vault (a new PC): anyone holding a secret the backup accepts;
 * - a vault: only *current* authority: a signed-in coordinator, or, from the
 *   locked screen, the current vault's recovery key or the password of one of
 *   its current, active coordinators. A password that only an old backup
 *   accepts (a removed staff member's) is never enough, before or after a
 *   data-key rotation, because it is checked against the key slots in force.
 * A backup of another school's vault is refused unless the coordinator types
 * that school's name. The current vault is never deleted: it is kept whole in
 * `previous-vaults/…` whatever happens.
 */

/** A current coordinator's password or the current vault's recovery key. */
export type CurrentAuthority = BackupCredential;

type AuthorityProblem =
  /** The secret opens no key slot of the current vault. */
  | 'wrong'
  /** It opens a slot, but its account is not an active coordinator. */
  | 'not-coordinator'
  /** A password opened a slot, but the database is unreadable, so the account cannot be confirmed: the recovery key still works. */
  | 'vault-unreadable'
  /** The key slot file itself is damaged: no secret can be checked against it. */
  | 'key-slots-damaged';

function refused(problem: AuthorityProblem): AppError {
  const messages: Record<AuthorityProblem, string> = {
    wrong: 'That is not the password of a current coordinator or the recovery key of the vault on this computer.',
    'not-coordinator': 'Only a current coordinator of the vault on this computer may replace it.',
    'vault-unreadable':
      "The vault on this computer cannot be read, so a coordinator's password cannot be confirmed. Use its recovery key.",
    'key-slots-damaged':
      "The vault on this computer has a damaged key slot file, so nobody can prove they may replace it. Quit Sebaya, move the vault folder's files aside, and restore as on a new computer.",
  };
  return new AppError({
    code: problem === 'wrong' ? 'WRONG_CREDENTIALS' : 'FORBIDDEN',
    message: messages[problem],
    reason: problem === 'wrong' ? 'current-authority' : `current-authority-${problem}`,
  });
}

const authorityRequired = () =>
  new AppError({
    code: 'FORBIDDEN',
    message:
      'A vault is already on this computer. To replace it, give the password of one of its current coordinators or its recovery key.',
    reason: 'current-authority-required',
  });

async function currentKeySlots(session: Session): Promise<KeySlotFile | null> {
  try {
    return await readKeySlotFile(session.paths.keySlots);
  } catch {
    return null;
  }
}

/** Whether the secret is current authority over the vault on this PC (without unlocking it). */
async function checkAuthority(session: Session, slots: KeySlotFile, secret: CurrentAuthority): Promise<AuthorityProblem | null> {
  const opened = await openSlotWithCredential(slots, secret);
  if (!opened) return 'wrong';
  const { key, userId } = opened;
  if (secret.kind === 'recoveryKey') {
    key.fill(0);
    return null;
  }
  let db: Database | null = null;
  try {
    // Read only: no migrations, no pragmas that write; the vault may be from an older schema or damaged.
    db = new Database(await session.config.driver.open(session.paths.database, { key, create: false }));
    const user = userId === null ? undefined : await findUserById(db, userId);
    return user && user.role === 'coordinator' && user.status === 'active' ? null : 'not-coordinator';
  } catch {
    return 'vault-unreadable';
  } finally {
    key.fill(0);
    await db?.close().catch(() => undefined);
  }
}

/**
 * Tries the secret as current authority through the back-off. `counted`: a
 * wrong one is a failed try (the person typed it as the current vault's secret);
 * a backup's own secret tried on the person's behalf is not.
 */
async function proveAuthority(session: Session, secret: CurrentAuthority, counted: boolean): Promise<void> {
  const slots = await currentKeySlots(session);
  if (!slots) throw refused('key-slots-damaged');
  const lookup = secret.kind === 'password' ? usernameLookup(slots.vaultId, secret.username) : recoveryKeyCounter;
  const problem = await session.backOff.oneAtATime(async () => {
    if (counted) await session.backOff.assertMayTry(lookup);
    const found = await checkAuthority(session, slots, secret);
    if (counted && (found === 'wrong' || found === 'not-coordinator')) await session.backOff.recordFailure('restore-authority', lookup);
    return found;
  });
  if (problem === 'wrong' || problem === 'not-coordinator') throw counted ? refused(problem) : authorityRequired();
  if (problem) throw refused(problem);
}

/**
 * Opens a backup with a secret, for a full check or a restore, through the one
 * back-off: a wrong secret is a failed try like a wrong unlock. While signed in
 * the caller audits the failure itself, so it does not wait for the next unlock.
 */
export async function openBackup(
  session: Session,
  file: string,
  credential: BackupCredential,
  options: {
    driver?: Driver;
    onStep?: StageOptions['onStep'];
    /** Whether a wrong secret waits for the next unlock's audit log; false when the caller audits it (signed in). */
    auditWaits?: boolean;
  } = {},
): Promise<StagedBackup> {
  const head = await readHead(file);
  const lookup =
    credential.kind === 'recoveryKey' ? recoveryKeyCounter : head.ok ? usernameLookup(head.head.header.vaultId, credential.username) : null;
  const kind = credential.kind === 'password' ? 'backup-password' : 'backup-recovery-key';
  const auditWaits = options.auditWaits ?? session.currentActor === null;
  await session.backOff.assertMayTry(lookup);
  let counted = false;
  try {
    return await stageBackup(file, credential, {
      driver: options.driver ?? session.config.driver,
      stagingParent: session.config.dataDir,
      onStep: options.onStep,
      // The try itself passes the back-off one at a time with every other (a full check runs beside the queue).
      openSlot: (slots, tried) =>
        session.backOff.oneAtATime(async () => {
          await session.backOff.assertMayTry(lookup);
          const opened = await openSlotWithCredential(slots, tried);
          if (!opened) {
            counted = true;
            await session.backOff.recordFailure(kind, lookup, { waitForAudit: auditWaits });
          }
          return opened;
        }),
    });
  } catch (error) {
    // A key slot that opened for an account the backup does not have is a wrong secret too.
    if (error instanceof BackupCredentialError && !counted) await session.backOff.recordFailure(kind, lookup, { waitForAudit: auditWaits });
    throw error;
  }
}

export interface RestoreRequest {
  file: string;
  credential: BackupCredential;
  /** From the locked screen over a vault: its recovery key or a current coordinator's password. */
  authority?: CurrentAuthority | undefined;
  /** For a backup of another school's vault: that school's name, typed. */
  confirmSchoolName?: string | undefined;
}

/**
 * The whole restore: authority, the full check, the other-school rule, then the
 * backup put in place. Ends locked with the reason "restored".
 */
export async function restoreBackup(session: Session, request: RestoreRequest): Promise<{ keptAt: string | null; staged: StagedBackup }> {
  await session.init();
  const state = session.currentState;
  const coordinator = state === 'unlocked' && session.currentActor?.role === 'coordinator' ? session.currentActor : null;
  const overVault = state !== 'no-vault';
  // A secret typed as the current vault's is checked first, so a backup's contents are never unpacked for someone without authority.
  if (overVault && !coordinator && request.authority) await proveAuthority(session, request.authority, true);
  const staged = await openBackup(session, request.file, request.credential);
  try {
    if (overVault && !coordinator && !request.authority) await proveAuthority(session, request.credential, false);
    const current = overVault ? await currentKeySlots(session) : null;
    if (current && current.vaultId !== staged.identity.vaultId && !sameSchoolName(request.confirmSchoolName ?? '', staged.identity.schoolName)) {
      throw new AppError({
        code: 'CONFLICT',
        message: `This backup belongs to another vault (${staged.identity.schoolName}). Type that school's name to replace the vault on this computer with it.`,
        reason: 'other-school',
        params: { schoolName: staged.identity.schoolName },
      });
    }
    const { keptAt } = await putInPlace(session, staged, request.file, coordinator);
    return { keptAt, staged };
  } catch (error) {
    await staged.dispose();
    throw error;
  }
}

/**
 * Puts a fully checked backup in place. A signed-in coordinator's vault is
 * locked first (its last audit entry is that lock, reason "restored"). The
 * current vault is moved whole into a dated folder, returned so the screen can
 * say where. The restore is written into the restored vault's audit log before
 * it goes into place (so a failure there replaces nothing).
 */
async function putInPlace(session: Session, staged: StagedBackup, file: string, coordinator: Actor | null): Promise<{ keptAt: string | null }> {
  const paths = session.paths;
  const keepIn = (await hasVaultFiles(paths)) ? await keptVaultDir(paths.dataDir, session.config.clock.now()) : null;
  const backup = { file: path.basename(file), backupId: staged.identity.backupId, backupCreatedAt: staged.identity.createdAt };

  const restored = await openDatabase(session.config.driver, staged.database, staged.dataKey, false);
  try {
    const openedWith = staged.identity.openedWith;
    const now = session.config.clock.now().toISOString();
    await restored.transaction(() =>
      appendAudit(restored, {
        at: now,
        actorUserId: openedWith.kind === 'password' ? openedWith.userId : null,
        actorName: openedWith.kind === 'password' ? openedWith.username : null,
        action: 'backup.restored',
        target: null,
        details: { ...backup, with: openedWith.kind === 'password' ? 'password' : 'recovery-key', keptAt: keepIn, by: coordinator?.username ?? null },
      }),
    );
  } finally {
    await restored.close();
  }

  // The vault being replaced records its last lock with the reason "restored"; who restored what,
  // and where this vault is kept, is in the restored vault's own entry above.
  if (coordinator) await session.lock('restored');
  await replaceVaultFiles(paths, staged, keepIn, session.config.switchHooks);
  session.endLocked('restored');
  session.config.logger.info('vault restored from a backup');
  return { keptAt: keepIn };
}
