import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Database } from '../db/database';
import type { Driver } from '../db/driver';
import { schemaVersion } from '../db/migrate';
import { snapshotInto } from '../repositories/backups';
import { databaseIntegrityProblems } from '../repositories/integrity';
import { fileExists, syncDirectory } from '../platform/atomicFile';
import { parseKeySlotFile } from '../vault/keySlots';
import { appVersion } from '../appInfo';
import { quickCheck } from './check';
import { backupFailed, failureFromOsError } from './errors';
import { backupFileName, encodeHead, temporaryBackupName, unfinishedMagic, type BackupHeader } from './format';
import { makeStagingDir, removeStagingDir, removeStagingLeftovers } from './staging';
import { removeStaleTemporaryFiles, rotateBackups } from './rotation';

/** What is being backed up: the open vault's files and its data key (borrowed, never kept). */
export interface BackupSource {
  driver: Driver;
  databaseFile: string;
  keySlotsFile: string;
  dataKey: Buffer;
  vaultId: string;
  schoolName: string;
  /** A folder only this user can read, on the vault's disk, for the snapshot while it is packed. */
  stagingParent: string;
}

export type BackupStage = 'snapshot' | 'writing' | 'verifying' | 'finishing' | 'rotating';

export interface BackupProgress {
  stage: BackupStage;
  /** Bytes done and in all, for the stage that has them (writing); 0 and 0 otherwise. */
  done: number;
  total: number;
}

export interface BackupTarget {
  folder: string;
  now: Date;
  /** How many of this vault's backups to keep in the folder, the new one included. */
  keepLast: number;
  /** Awaited: a caller may slow the write down (tests stop it half-way on purpose). */
  onProgress?: (progress: BackupProgress) => void | Promise<void>;
}

export interface WrittenBackup {
  file: string;
  name: string;
  folder: string;
  bytes: number;
  backupId: string;
  createdAt: string;
  schemaVersion: number;
  durationMs: number;
  removed: string[];
  /** Old backups rotation wanted to remove but could not (left in place; the backup itself is fine). */
  notRemoved: string[];
}

const plaintextMagic = Buffer.from('SQLite format 3\0', 'latin1');
const chunkSize = 1024 * 1024;

async function assertFolder(folder: string): Promise<void> {
  let stats;
  try {
    stats = await fs.stat(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw backupFailed('folder-missing');
    throw failureFromOsError(error);
  }
  if (!stats.isDirectory()) throw backupFailed('not-a-folder');
}

/**
 * Takes the snapshot on a connection of its own: a read transaction under WAL
 * sees only committed data and blocks nobody, so this is the same whether the
 * app is idle, busy, or (for the command line) another process entirely.
 */
async function takeSnapshot(source: BackupSource, target: string): Promise<number> {
  const db = new Database(await source.driver.open(source.databaseFile, { key: source.dataKey, create: false }));
  try {
    // Sorting and temporary tables stay in memory: SQLCipher does not encrypt temporary files.
    await db.exec('PRAGMA temp_store = MEMORY; PRAGMA busy_timeout = 5000;');
    await snapshotInto(db, target);
  } finally {
    await db.close();
  }
  // Belt and braces: the snapshot must be encrypted before it is copied anywhere.
  const handle = await fs.open(target, 'r');
  try {
    const start = Buffer.alloc(plaintextMagic.length);
    await handle.read(start, 0, start.length, 0);
    if (start.equals(plaintextMagic)) {
      await fs.rm(target, { force: true });
      throw new Error('The snapshot was not encrypted; no backup was written.');
    }
  } finally {
    await handle.close();
  }
  // A snapshot that does not pass the check is never written out as a "verified" backup. A freshly
  // vacuumed file has no free pages, so integrity_check reads, decrypts and HMAC-checks every page:
  // a separate cipher_integrity_check would read them all a second time (the full check does both).
  const check = new Database(await source.driver.open(target, { key: source.dataKey, create: false }));
  try {
    if ((await databaseIntegrityProblems(check)) > 0) throw backupFailed('vault-damaged');
    return await schemaVersion(check);
  } finally {
    await check.close();
  }
}

async function sha256OfFile(file: string): Promise<{ sha256: string; length: number }> {
  const hash = createHash('sha256');
  let length = 0;
  const handle = await fs.open(file, 'r');
  try {
    for await (const chunk of handle.createReadStream({ highWaterMark: chunkSize, autoClose: false })) {
      hash.update(chunk as Buffer);
      length += (chunk as Buffer).length;
    }
  } finally {
    await handle.close();
  }
  return { sha256: hash.digest('hex'), length };
}

async function freeName(folder: string, schoolName: string, now: Date): Promise<string> {
  for (let attempt = 1; attempt < 100; attempt += 1) {
    const name = backupFileName(schoolName, now, attempt);
    if (!(await fileExists(path.join(folder, name)))) return name;
  }
  throw backupFailed('unknown');
}

/** A directory fsync that some removable file systems refuse; the data itself was already synced. */
async function syncFolderIfPossible(folder: string): Promise<void> {
  try {
    await syncDirectory(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EPERM' && code !== 'EISDIR' && code !== 'ENOTSUP') throw error;
  }
}

/**
 * Makes one backup file in `target.folder`: snapshot → pack into a hidden
 * temporary file → fsync → read it back and check every hash → rename to its
 * real name → fsync the folder → rotate. A pulled drive, a full disk or a crash
 * at any point leaves at most the hidden temporary file, which is not a backup
 * by name and fails the quick check by content. The vault is only read.
 */
export async function writeBackup(source: BackupSource, target: BackupTarget): Promise<WrittenBackup> {
  const started = process.hrtime.bigint();
  const folder = path.resolve(target.folder);
  const progress = async (stage: BackupStage, done = 0, total = 0) => target.onProgress?.({ stage, done, total });
  await assertFolder(folder);

  // What interrupted backups left: never more than one snapshot on disk, and no temporary file that outlived its writer.
  await removeStagingLeftovers(source.stagingParent);
  await removeStaleTemporaryFiles(folder);
  const staging = await makeStagingDir(source.stagingParent, 'backup');
  const temp = path.join(folder, temporaryBackupName(randomBytes(6).toString('hex')));
  let tempCreated = false;
  try {
    await progress('snapshot');
    const snapshot = path.join(staging, 'snapshot.db');
    const version = await takeSnapshot(source, snapshot);
    const slotBytes = await fs.readFile(source.keySlotsFile);
    if (parseKeySlotFile(slotBytes.toString('utf8')).vaultId !== source.vaultId) throw backupFailed('unknown');
    const payload = await sha256OfFile(snapshot);
    const header: BackupHeader = {
      format: 'sebaya-backup',
      createdAt: target.now.toISOString(),
      appVersion,
      schemaVersion: version,
      vaultId: source.vaultId,
      keySlots: { length: slotBytes.length, sha256: createHash('sha256').update(slotBytes).digest('hex') },
      payload: { kind: 'sqlcipher-4', length: payload.length, sha256: payload.sha256 },
    };
    const { head, backupId } = encodeHead(header, source.dataKey);
    const total = head.length + slotBytes.length + payload.length;

    await progress('writing', 0, total);
    try {
      const out = await fs.open(temp, 'wx', 0o600);
      tempCreated = true;
      try {
        // Marked unfinished until it has been read back whole (format.ts, `unfinishedMagic`).
        await out.write(Buffer.concat([unfinishedMagic, head.subarray(unfinishedMagic.length)]));
        await out.write(slotBytes);
        let done = head.length + slotBytes.length;
        const input = await fs.open(snapshot, 'r');
        try {
          const chunk = Buffer.alloc(chunkSize);
          for (;;) {
            const { bytesRead } = await input.read(chunk, 0, chunk.length, null);
            if (bytesRead === 0) break;
            await out.write(chunk.subarray(0, bytesRead));
            done += bytesRead;
            await progress('writing', done, total);
          }
        } finally {
          await input.close();
        }
        await out.sync();
      } finally {
        await out.close();
      }
    } catch (error) {
      throw failureFromOsError(error);
    }

    await progress('verifying');
    let verified;
    try {
      verified = await quickCheck(temp, undefined, { unfinished: true });
    } catch (error) {
      throw failureFromOsError(error);
    }
    if (!verified.ok || verified.head?.backupId !== backupId || verified.fileSize !== total) {
      // A stick pulled out while the file was open can leave writes "succeeding" into nothing.
      throw backupFailed((await fileExists(folder)) ? 'write-check-failed' : 'drive-removed');
    }

    await progress('finishing');
    let name: string;
    try {
      await markFinished(temp, head);
      name = await freeName(folder, source.schoolName, target.now);
      await fs.rename(temp, path.join(folder, name));
      tempCreated = false;
      await syncFolderIfPossible(folder);
    } catch (error) {
      throw failureFromOsError(error);
    }

    await progress('rotating');
    const rotation = await rotateBackups(folder, source.vaultId, target.keepLast, name);
    await removeStaleTemporaryFiles(folder);
    return {
      file: path.join(folder, name),
      name,
      folder,
      bytes: total,
      backupId,
      createdAt: header.createdAt,
      schemaVersion: version,
      durationMs: Number(process.hrtime.bigint() - started) / 1e6,
      removed: rotation.removed,
      notRemoved: rotation.notRemoved,
    };
  } finally {
    if (tempCreated) await fs.rm(temp, { force: true }).catch(() => undefined);
    await removeStagingDir(staging).catch(() => undefined);
  }
}

/** The real magic over the unfinished one, synced: from here on the temporary file is a whole backup, to be renamed. */
async function markFinished(temp: string, head: Buffer): Promise<void> {
  const out = await fs.open(temp, 'r+');
  try {
    await out.write(head.subarray(0, unfinishedMagic.length), 0, unfinishedMagic.length, 0);
    await out.sync();
  } finally {
    await out.close();
  }
}
