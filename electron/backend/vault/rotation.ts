import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { replaceVaultFiles } from '../backup/restore';
import type { Database } from '../db/database';
import { rawKeyPragma, type Driver } from '../db/driver';
import { snapshotInto } from '../repositories/backups';
import { defaultScryptCost, type KdfCost } from './kdf';
import { createSlot, keySlotFormat, keySlotVersion, writeKeySlotFile, type KeySlot } from './keySlots';
import type { VaultPaths } from './paths';
import { normaliseRecoveryKey } from './recoveryKey';
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
 * failure), and the old files, which the old key still opens, are deleted.
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
 * Builds the re-keyed vault in a staging folder, then puts it in place of the
 * current one (whose connection the caller must close in `beforeSwitch`).
 * Returns the new data key; the caller opens the new vault with it.
 */
export async function rotateDataKey(input: RotationInput, beforeSwitch: () => Promise<void>): Promise<Buffer> {
  const staging = await fs.mkdtemp(path.join(input.paths.dataDir, '.rotation-'));
  const newKey = randomBytes(32);
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

    await beforeSwitch();
    const keepIn = path.join(staging, 'previous');
    await replaceVaultFiles(input.paths, { database: stagedDatabase, keySlots: stagedKeySlots }, keepIn);
    return newKey;
  } catch (error) {
    newKey.fill(0);
    throw error;
  } finally {
    // On success this deletes the old vault, which the old key and old passwords still open;
    // on failure the half-made copy. Either way nothing of it should stay.
    await fs.rm(staging, { recursive: true, force: true });
  }
}
