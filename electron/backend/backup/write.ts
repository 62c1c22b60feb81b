import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Database } from '../db/database';
import type { Driver } from '../db/driver';
import { readPages, SqlcipherPageVerifier, type PageCheckThread } from '../db/sqlcipherPages';
import { checkpointIntoFile, snapshotInto, snapshotShape, type SnapshotShape } from '../repositories/backups';
import { fileExists, syncDirectory } from '../platform/atomicFile';
import { parseKeySlotFile } from '../vault/keySlots';
import { appVersion } from '../appInfo';
import { backupFailed, failureFromOsError, type BackupFailedError } from './errors';
import { backupFileName, encodeHead, readHead, temporaryBackupName, unfinishedMagic, type BackupHeader } from './format';
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
  /** A folder only this user can read, on the vault's disk, for a VACUUM INTO snapshot while it is packed. */
  stagingParent: string;
}

export type BackupStage = 'snapshot' | 'writing' | 'verifying' | 'finishing' | 'rotating';

export interface BackupProgress {
  stage: BackupStage;
  /** Bytes done and in all, for the stages that have them (writing, verifying); 0 and 0 otherwise. */
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
  /** How long to wait for older snapshots to end before snapshotting with VACUUM INTO (`withSnapshot`); tests shorten it. */
  snapshotPatienceMs?: number;
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
/** Bytes read, checked and written at a time. */
const chunkBytes = 4 * 1024 * 1024;
/** The share of each chunk's pages whose HMAC the page-check thread verifies (measured: SHA-256 and writing take the rest of this thread). */
const threadShare = 0.7;
/** How long a backup waits for older snapshots to end before it takes the slower VACUUM INTO snapshot. */
const defaultSnapshotPatienceMs = 15_000;

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

/** The encrypted pages of one committed moment of the vault, unchanging while they are read. */
interface PageSnapshot {
  file: string;
  shape: SnapshotShape;
}

async function logBytes(walFile: string): Promise<number> {
  try {
    return (await fs.stat(walFile)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

/**
 * Runs `use` on a snapshot of the vault, on the backup's own connection. Best is the vault
 * file itself: once the write-ahead log is checkpointed into it and empty, a read transaction
 * reads only the file and keeps every checkpoint from writing into it until it ends, while the
 * app goes on writing into the log (repositories/backups.ts, `checkpointIntoFile`). So its
 * pages are copied as they are: no decrypting and re-encrypting, 25× faster than VACUUM INTO
 * at ten years of records. A write between the checkpoint and the read means another try;
 * a reader of an older snapshot (a long check beside the queue) is waited for, and if it
 * outlasts `patienceMs` the snapshot is made with VACUUM INTO in the staging folder instead.
 */
async function withSnapshot<T>(
  db: Database,
  source: BackupSource,
  patienceMs: number,
  use: (snapshot: PageSnapshot) => Promise<T>,
): Promise<T> {
  const walFile = `${source.databaseFile}-wal`;
  const deadline = Date.now() + patienceMs;
  for (let pause = 20; ; pause = Math.min(pause * 2, 250)) {
    if (await checkpointIntoFile(db)) {
      const done = await db.readSnapshot(async () => {
        // Empty now, inside the snapshot: so it began on an empty log and reads the file alone.
        if ((await logBytes(walFile)) !== 0) return null;
        return { value: await use({ file: source.databaseFile, shape: await snapshotShape(db) }) };
      });
      if (done) return done.value;
    }
    if (Date.now() + pause > deadline) break;
    // Nothing to await: SQLite says only "busy", not when the other snapshot will end.
    await delay(pause);
  }
  const staging = await makeStagingDir(source.stagingParent, 'backup');
  try {
    const file = path.join(staging, 'snapshot.db');
    await snapshotInto(db, file);
    const snapshot = new Database(await source.driver.open(file, { key: source.dataKey, create: false }));
    let shape: SnapshotShape;
    try {
      shape = await snapshotShape(snapshot);
    } finally {
      await snapshot.close();
    }
    return await use({ file, shape });
  } finally {
    await removeStagingDir(staging).catch(() => undefined);
  }
}

async function writeAll(out: fs.FileHandle, bytes: Buffer, position: number): Promise<void> {
  let written = 0;
  while (written < bytes.length) {
    const { bytesWritten } = await out.write(bytes, written, bytes.length - written, position + written);
    written += bytesWritten;
  }
}

async function readAll(handle: fs.FileHandle, into: Buffer, position: number): Promise<boolean> {
  let read = 0;
  while (read < into.length) {
    const { bytesRead } = await handle.read(into, read, into.length - read, position + read);
    if (bytesRead === 0) return false;
    read += bytesRead;
  }
  return true;
}

interface Payload {
  snapshot: PageSnapshot;
  out: fs.FileHandle;
  /** Where the payload starts in the backup file. */
  offset: number;
  key: Buffer;
  /** Everything before the payload, for the progress figures. */
  before: number;
  total: number;
  progress: (stage: BackupStage, done?: number, total?: number) => Promise<void>;
}

/**
 * Copies the snapshot's pages into the backup file and returns their SHA-256. Each page's
 * SQLCipher HMAC is checked on the way, on a thread of its own (`PageCheckThread`) while this
 * one hashes and writes: a vault with a damaged page is never written out as a backup, so
 * rotation never replaces good backups with copies of it. `vault-damaged` at the first such chunk.
 */
async function copyPages({ snapshot, out, offset, key, before, total, progress }: Payload): Promise<string> {
  const { pageSize, pageCount } = snapshot.shape;
  const perChunk = Math.max(1, Math.floor(chunkBytes / pageSize));
  const hash = createHash('sha256');
  const input = await fs.open(snapshot.file, 'r');
  const pagesFrom = (first: number) => Math.min(perChunk, pageCount - first + 1);
  let verifier: SqlcipherPageVerifier | undefined;
  let thread: PageCheckThread | undefined;
  let reading: Promise<void> | null = null;
  try {
    if (pageCount === 0) throw backupFailed('vault-damaged');
    // Page 1 first, alone: its salt makes the key of the HMAC check.
    const head = Buffer.alloc(pageSize);
    await readPages(input, head, 1, 1, pageSize);
    // Belt and braces: a plaintext database never leaves the vault folder.
    if (head.subarray(0, plaintextMagic.length).equals(plaintextMagic)) throw new Error('The snapshot was not encrypted; no backup was written.');
    verifier = await SqlcipherPageVerifier.create(key, head, pageSize);
    // Three chunks in turn: one being read, one being hashed and written, and one whose check may still run.
    const pool = verifier.inThread(3, perChunk * pageSize);
    thread = pool;
    let checked: Promise<number[]> = Promise.resolve([]);
    reading = readPages(input, pool.slot(0), 1, pagesFrom(1), pageSize);
    for (let first = 1, turn = 0; first <= pageCount; first += perChunk, turn += 1) {
      const pages = pool.slot(turn % 3).subarray(0, pagesFrom(first) * pageSize);
      await reading;
      const next = first + perChunk;
      reading = next <= pageCount ? readPages(input, pool.slot((turn + 1) % 3), next, pagesFrom(next), pageSize) : null;
      const count = pagesFrom(first);
      // The other thread checks most of the chunk; this one, which also hashes it, the rest while it is written.
      const there = Math.ceil(count * threadShare);
      const previous = checked;
      checked = pool.damagedPages(turn % 3, first, there);
      const writing = writeAll(out, pages, offset + (first - 1) * pageSize);
      hash.update(pages);
      const here = verifier.damagedPages(pages.subarray(there * pageSize), first + there, count - there);
      await writing;
      if (here.length > 0 || (await previous).length > 0) throw backupFailed('vault-damaged');
      await progress('writing', before + (first - 1 + pagesFrom(first)) * pageSize, total);
    }
    if ((await checked).length > 0) throw backupFailed('vault-damaged');
    return hash.digest('hex');
  } finally {
    // A failed chunk's read may still be under way into a buffer about to be zeroed.
    await reading?.catch(() => undefined);
    await thread?.close();
    verifier?.dispose();
    await input.close();
  }
}

/**
 * Reads the synced file back and compares every byte after the head with what it should hold:
 * the key slots, and the snapshot's pages, which are still unchanged.
 */
async function readsBackTheSame({ snapshot, out, offset, before, total, progress }: Payload, slots: { bytes: Buffer; offset: number }): Promise<boolean> {
  const slotsBack = Buffer.alloc(slots.bytes.length);
  if (!(await readAll(out, slotsBack, slots.offset)) || !slotsBack.equals(slots.bytes)) return false;
  const { pageSize, pageCount } = snapshot.shape;
  const perChunk = Math.max(1, Math.floor(chunkBytes / pageSize));
  const written = Buffer.alloc(perChunk * pageSize);
  const original = Buffer.alloc(perChunk * pageSize);
  const input = await fs.open(snapshot.file, 'r');
  try {
    for (let first = 1; first <= pageCount; first += perChunk) {
      const count = Math.min(perChunk, pageCount - first + 1);
      const back = written.subarray(0, count * pageSize);
      const [whole] = await Promise.all([readAll(out, back, offset + (first - 1) * pageSize), readPages(input, original, first, count, pageSize)]);
      if (!whole || !back.equals(original.subarray(0, count * pageSize))) return false;
      await progress('verifying', before + (first - 1 + count) * pageSize, total);
    }
    return true;
  } finally {
    written.fill(0);
    original.fill(0);
    await input.close();
  }
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
 * Makes one backup file in `target.folder`: a snapshot of the vault's pages (see
 * `withSnapshot`), each page's HMAC checked as it is packed into a hidden temporary file →
 * fsync → read back and compared byte for byte, its SHA-256 into the header → the header
 * written, synced and read back → rename to its real name → fsync the folder → rotate. A
 * pulled drive, a full disk or a crash at any point leaves at most the hidden temporary file,
 * which is not a backup by name and fails the quick check by content. The vault is only read.
 * What is left to `vault.check` and a backup's full check, and why: DESIGN.md "Backups".
 */
export async function writeBackup(source: BackupSource, target: BackupTarget): Promise<WrittenBackup> {
  const started = process.hrtime.bigint();
  const folder = path.resolve(target.folder);
  const progress = async (stage: BackupStage, done = 0, total = 0) => target.onProgress?.({ stage, done, total });
  await assertFolder(folder);

  // What interrupted backups left: no snapshot folder, and no temporary file that outlived its writer.
  await removeStagingLeftovers(source.stagingParent);
  await removeStaleTemporaryFiles(folder);
  const temp = path.join(folder, temporaryBackupName(randomBytes(6).toString('hex')));
  // Set inside the snapshot's callback, used and closed after it.
  const file: { out: fs.FileHandle | null; created: boolean } = { out: null, created: false };
  let db: Database | null = null;
  try {
    await progress('snapshot');
    db = new Database(await source.driver.open(source.databaseFile, { key: source.dataKey, create: false }));
    // Sorting and temporary tables stay in memory: SQLCipher does not encrypt temporary files.
    await db.exec('PRAGMA temp_store = MEMORY; PRAGMA busy_timeout = 5000;');
    const packed = await withSnapshot(db, source, target.snapshotPatienceMs ?? defaultSnapshotPatienceMs, async (snapshot) => {
      // The key slots as they are at the snapshot: a key-slot change commits with the database (keySlotChanges.ts).
      const slotBytes = await fs.readFile(source.keySlotsFile);
      if (parseKeySlotFile(slotBytes.toString('utf8')).vaultId !== source.vaultId) throw backupFailed('unknown');
      const { pageSize, pageCount, schemaVersion } = snapshot.shape;
      const header: BackupHeader = {
        format: 'sebaya-backup',
        createdAt: target.now.toISOString(),
        appVersion,
        schemaVersion,
        vaultId: source.vaultId,
        keySlots: { length: slotBytes.length, sha256: createHash('sha256').update(slotBytes).digest('hex') },
        // Hashed while copied; a hash has one length, so the head written first is as long as the last.
        payload: { kind: 'sqlcipher-4', length: pageSize * pageCount, sha256: '0'.repeat(64) },
      };
      const provisional = encodeHead(header, source.dataKey).head;
      const total = provisional.length + slotBytes.length + header.payload.length;
      const payload = {
        snapshot,
        offset: provisional.length + slotBytes.length,
        key: source.dataKey,
        before: provisional.length + slotBytes.length,
        total,
        progress,
      };
      await progress('writing', 0, total);
      let sha256: string;
      let whole: boolean;
      try {
        const out = await fs.open(temp, 'wx+', 0o600);
        file.out = out;
        file.created = true;
        // Marked unfinished until it has been read back whole (format.ts, `unfinishedMagic`).
        await writeAll(out, Buffer.concat([unfinishedMagic, provisional.subarray(unfinishedMagic.length)]), 0);
        await writeAll(out, slotBytes, provisional.length);
        sha256 = await copyPages({ ...payload, out });
        await out.sync();
        await progress('verifying', 0, total);
        whole = await readsBackTheSame({ ...payload, out }, { bytes: slotBytes, offset: provisional.length });
      } catch (error) {
        throw failureFromOsError(error);
      }
      return { header: { ...header, payload: { ...header.payload, sha256 } }, total, whole };
    });
    await db.close();
    db = null;
    if (!packed.whole) throw await writeCheckFailure(folder);

    await progress('finishing');
    const { head, backupId } = encodeHead(packed.header, source.dataKey);
    let name: string;
    try {
      const out = file.out!;
      await writeAll(out, head, 0);
      await out.sync();
      file.out = null;
      await out.close();
      const written = await readHead(temp, { unfinished: true });
      if (!written.ok || written.head.backupId !== backupId || written.head.fileSize !== packed.total) throw await writeCheckFailure(folder);
      name = await freeName(folder, source.schoolName, target.now);
      await fs.rename(temp, path.join(folder, name));
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
      bytes: packed.total,
      backupId,
      createdAt: packed.header.createdAt,
      schemaVersion: packed.header.schemaVersion,
      durationMs: Number(process.hrtime.bigint() - started) / 1e6,
      removed: rotation.removed,
      notRemoved: rotation.notRemoved,
    };
  } finally {
    await file.out?.close().catch(() => undefined);
    await db?.close().catch(() => undefined);
    // Gone once renamed; otherwise never left behind under its temporary name.
    if (file.created) await fs.rm(temp, { force: true }).catch(() => undefined);
  }
}

/** A stick pulled out while the file was open can leave writes "succeeding" into nothing. */
async function writeCheckFailure(folder: string): Promise<BackupFailedError> {
  return backupFailed((await fileExists(folder)) ? 'write-check-failed' : 'drive-removed');
}
