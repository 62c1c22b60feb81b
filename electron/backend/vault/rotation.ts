import { randomBytes, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { keptVaultDir, replaceVaultFiles, type SwitchHooks } from '../backup/restore';
import { makeStagingDir, removeStagingDir } from '../backup/staging';
import { fileExists, syncDirectory, writeFileAtomic } from '../platform/atomicFile';
import type { Database } from '../db/database';
import { rawKeyPragma, type Driver } from '../db/driver';
import { snapshotInto } from '../repositories/backups';
import { defaultScryptCost, type KdfCost } from './kdf';
import { createSlot, keySlotFormat, keySlotVersion, writeKeySlotFile, type KeySlot } from './keySlots';
import type { VaultPaths } from './paths';
import { normaliseRecoveryKey } from './recoveryKey';
import type { SlotChangeHooks } from './slotChanges';
import { openDatabase } from './vault';

/**
 * Rotating the data key, the remedy after a suspected leak of a password, the
 * recovery key or a backup (DESIGN.md, "Vault and keys"). The vault is copied
 * and re-encrypted under a new random key, with new key slots for everyone:
 * the coordinator keeps their password, other staff get temporary passwords
 * (nobody knows their passwords, so their slots cannot be rewrapped), and there
 * is a new recovery key. Old backups and old passwords no longer open the vault.
 *
 * The copy is made beside the vault in a private staging folder; the switch is
 * the same sequence of renames a restore uses (key slots last, undone on a
 * failure), and the old files, which the old key still opens, are deleted
 * once the new secrets have been shown (issue 11).
 */

/** `PRAGMA rekey` with the same validated hex as `PRAGMA key`. */
export function rawRekeyPragma(key: Buffer): string {
  return rawKeyPragma(key).replace(/^PRAGMA key /, 'PRAGMA rekey ');
}

/**
 * Writes a consistent copy of `db` to `target`, re-encrypted under `newKey`.
 * Re-keying needs a rollback journal, so the fresh copy is switched from WAL
 * first; both drivers re-encrypt every page in place.
 */
export async function writeRekeyedCopy(driver: Driver, db: Database, oldKey: Buffer, newKey: Buffer, target: string): Promise<void> {
  await snapshotInto(db, target);
  const copy = await driver.open(target, { key: Buffer.from(oldKey), create: false });
  try {
    await copy.exec('PRAGMA journal_mode = DELETE');
    await copy.exec(rawRekeyPragma(newKey));
  } finally {
    await copy.close();
  }
}

export interface NewSlotHolder {
  userId: number;
  username: string;
  secret: string;
}

export interface RotationInput {
  driver: Driver;
  paths: VaultPaths;
  vaultId: string;
  /** The open vault's connection and key; the connection is only read from. */
  db: Database;
  oldKey: Buffer;
  kdfCost?: KdfCost | undefined;
  now: string;
  /** Changes to make in the re-keyed copy before it goes into place (temporary-password flags, the audit entry). */
  prepare(copy: Database): Promise<void>;
  /** Everyone who gets a key slot in the new vault, with the secret that opens it. */
  holders: NewSlotHolder[];
  recoveryKey: string;
}

/**
 * Whether a rotation's new secrets are still waiting for the screen that shows them. Written
 * before the switch; while it is there the old vault is kept in the staging folder it names,
 * and if the process ends first the next start puts the old vault back (`withdrawUnshownRotation`):
 * other staff's temporary passwords and the new recovery key were never shown, so the vault must
 * keep opening with the secrets people know. Paths only, nothing secret.
 */
function pendingRotationFile(dataDir: string): string {
  return path.join(dataDir, 'rotation-pending.json');
}

/** Left by a withdrawn rotation for the next unlock to record in the audit log. */
function withdrawnRotationFile(dataDir: string): string {
  return path.join(dataDir, 'rotation-withdrawn.json');
}

const pendingRotationSchema = z.object({ version: z.literal(1), changeId: z.string(), staging: z.string().regex(/^\.rotation-[\w-]+$/) });

async function readPendingRotation(dataDir: string): Promise<z.infer<typeof pendingRotationSchema> | null> {
  const text = await fs.readFile(pendingRotationFile(dataDir), 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    return pendingRotationSchema.parse(JSON.parse(text));
  } catch {
    return null;
  }
}

export interface Rotation {
  newKey: Buffer;
  /** For `vault.confirmSecretShown` once the new secrets are on screen. */
  changeId: string;
}

/**
 * Builds the re-keyed vault in a staging folder, then puts it in place of the
 * current one (whose connection the caller must close in `beforeSwitch`). The
 * old vault stays in the staging folder until `confirmRotationShown`.
 * Returns the new data key; the caller opens the new vault with it.
 */
export async function rotateDataKey(input: RotationInput, beforeSwitch: () => Promise<void>, hooks: SwitchHooks = {}): Promise<Rotation> {
  const staging = await makeStagingDir(input.paths.dataDir, 'rotation');
  const newKey = randomBytes(32);
  const changeId = randomUUID();
  let keepStaging = false;
  try {
    const stagedDatabase = path.join(staging, path.basename(input.paths.database));
    const stagedKeySlots = path.join(staging, path.basename(input.paths.keySlots));
    await writeRekeyedCopy(input.driver, input.db, input.oldKey, newKey, stagedDatabase);

    // Opening the copy with the new key is also the proof that the re-keying worked.
    const copy = await openDatabase(input.driver, stagedDatabase, newKey, false);
    try {
      await input.prepare(copy);
    } finally {
      await copy.close();
    }

    const cost = input.kdfCost ?? defaultScryptCost;
    const common = { vaultId: input.vaultId, dataKey: newKey, cost, createdAt: input.now };
    const slots: KeySlot[] = await Promise.all([
      ...input.holders.map((holder) =>
        createSlot({ ...common, kind: 'user', userId: holder.userId, username: holder.username, secret: holder.secret }),
      ),
      createSlot({ ...common, kind: 'recovery', userId: null, username: null, secret: normaliseRecoveryKey(input.recoveryKey) }),
    ]);
    await writeKeySlotFile(stagedKeySlots, { format: keySlotFormat, version: keySlotVersion, vaultId: input.vaultId, slots });

    await writeFileAtomic(pendingRotationFile(input.paths.dataDir), JSON.stringify({ version: 1, changeId, staging: path.basename(staging) }));
    keepStaging = true;
    await beforeSwitch();
    await replaceVaultFiles(input.paths, { database: stagedDatabase, keySlots: stagedKeySlots }, path.join(staging, 'previous'), hooks);
    return { newKey, changeId };
  } catch (error) {
    newKey.fill(0);
    if (keepStaging) {
      // The switch failed and was undone: the old vault is back in place, nothing is pending.
      await fs.rm(pendingRotationFile(input.paths.dataDir), { force: true });
      keepStaging = false;
    }
    throw error;
  } finally {
    if (!keepStaging) await removeStagingDir(staging);
  }
}

/**
 * The new secrets are on screen: the old vault, which the old key and old passwords still
 * open, is deleted. Whether `changeId` named the rotation waiting for this.
 */
export async function confirmRotationShown(dataDir: string, changeId: string, hooks: SlotChangeHooks = {}): Promise<boolean> {
  const pending = await readPendingRotation(dataDir);
  if (!pending || pending.changeId !== changeId) return false;
  // The marker first: once it is gone the rotation stands, and an old vault a crash left behind is a leftover like any other.
  await fs.rm(pendingRotationFile(dataDir), { force: true });
  await syncDirectory(dataDir);
  await hooks.at?.('marked-known', 'rotation');
  await removeStagingDir(path.join(dataDir, pending.staging));
  return true;
}

/**
 * At start (after an interrupted switch is undone): a rotation whose secrets were never shown is
 * withdrawn. Its vault, with whatever was written in it since, is kept in previous-vaults/ (the
 * coordinator's password opens it); the old vault goes back in place. Every step can be repeated.
 */
export async function withdrawUnshownRotation(paths: VaultPaths, at: Date): Promise<boolean> {
  const pending = await readPendingRotation(paths.dataDir);
  if (!pending) {
    await fs.rm(pendingRotationFile(paths.dataDir), { force: true });
    return false;
  }
  const staging = path.join(paths.dataDir, pending.staging);
  const previous = path.join(staging, 'previous');
  const old = { database: path.join(previous, path.basename(paths.database)), keySlots: path.join(previous, path.basename(paths.keySlots)) };
  if (await fileExists(old.keySlots)) {
    const keepIn = await keptVaultDir(paths.dataDir, at);
    await writeFileAtomic(withdrawnRotationFile(paths.dataDir), JSON.stringify({ at: at.toISOString(), keptIn: path.basename(keepIn) }));
    await replaceVaultFiles(paths, old, keepIn);
  }
  await removeStagingDir(staging);
  await fs.rm(pendingRotationFile(paths.dataDir), { force: true });
  await syncDirectory(paths.dataDir);
  return true;
}

/** What a withdrawn rotation left for the audit log, once; the caller removes it after writing the entry. */
export async function withdrawnRotationNote(dataDir: string): Promise<{ keptIn: string | null; remove(): Promise<void> } | null> {
  const file = withdrawnRotationFile(dataDir);
  const text = await fs.readFile(file, 'utf8').catch(() => null);
  if (text === null) return null;
  let keptIn: string | null = null;
  try {
    keptIn = z.object({ keptIn: z.string() }).parse(JSON.parse(text)).keptIn;
  } catch {
    // Still worth the audit entry without the folder's name.
  }
  return { keptIn, remove: () => fs.rm(file, { force: true }) };
}
