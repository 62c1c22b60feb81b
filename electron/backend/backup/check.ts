import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { BackupCredential } from '../../../src/contract';
import { Database } from '../db/database';
import { WrongKeyError, type Driver } from '../db/driver';
import { schemaVersion } from '../db/migrate';
import { latestSchemaVersion } from '../db/migrations';
import { verifyAuditChain } from '../repositories/audit';
import { tableRowCounts, type TableCount } from '../repositories/backups';
import { cipherIntegrityProblems, databaseIntegrityProblems } from '../repositories/integrity';
import { findUserById } from '../repositories/users';
import { loadSettings } from '../repositories/settingsStore';
import { openSlotWithCredential, parseKeySlotFile, type KeySlotFile } from '../vault/keySlots';
import { BackupCredentialError, BackupUnusableError } from './errors';
import { makeStagingDir, removeStagingDir } from './staging';
import { hashRange, macMatches, readHead, readRange, type BackupProblem, type ParsedHead } from './format';

export type { BackupCredential };

export interface QuickCheck {
  /** Complete, unmodified and restorable by this app. */
  ok: boolean;
  problem: BackupProblem | null;
  head: ParsedHead | null;
  keySlots: KeySlotFile | null;
  fileSize: number | null;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The check without a password: the file is a backup this app can read, complete
 * (not cut short by a pulled drive), and every byte is as it was written (the
 * header, the key slots and the payload each match their SHA-256).
 */
export async function quickCheck(
  file: string,
  latest = latestSchemaVersion,
  options: { unfinished?: boolean; /** False when the caller hashes the payload as it copies it. */ payload?: boolean } = {},
): Promise<QuickCheck> {
  const read = await readHead(file, options);
  if (!read.ok) return { ok: false, problem: read.problem, head: null, keySlots: null, fileSize: read.fileSize };
  const head = read.head;
  const fail = (problem: BackupProblem, keySlots: KeySlotFile | null = null): QuickCheck => ({
    ok: false,
    problem,
    head,
    keySlots,
    fileSize: head.fileSize,
  });
  const { header, layout } = head;
  const slotBytes = await readRange(file, layout.keySlotsOffset, header.keySlots.length);
  if (slotBytes.length !== header.keySlots.length) return fail('truncated');
  if (sha256(slotBytes) !== header.keySlots.sha256) return fail('damaged-key-slots');
  let keySlots: KeySlotFile;
  try {
    keySlots = parseKeySlotFile(slotBytes.toString('utf8'));
  } catch {
    return fail('damaged-key-slots');
  }
  if (keySlots.vaultId !== header.vaultId) return fail('damaged-key-slots');
  if (options.payload !== false && (await hashRange(file, layout.payloadOffset, header.payload.length)) !== header.payload.sha256) {
    return fail('damaged-payload', keySlots);
  }
  if (header.schemaVersion > latest) return fail('newer-version', keySlots);
  return { ok: true, problem: null, head, keySlots, fileSize: head.fileSize };
}

/** What a backup is and who opened it: known once it is staged, before any check of its contents. */
export interface BackupIdentity {
  schoolName: string;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  vaultId: string;
  backupId: string;
  fileSize: number;
  openedWith: { kind: 'password'; userId: number; username: string } | { kind: 'recoveryKey' };
}

/** What the full check found inside a staged backup. */
export interface BackupInspection {
  counts: TableCount[];
  checks: { cipherIntegrity: boolean; databaseIntegrity: boolean; auditChain: { ok: boolean; checked: number } };
}

export type BackupContents = BackupIdentity & BackupInspection;

/**
 * A backup unpacked into a private staging folder: the database and key slots
 * ready to be moved into place, and the data key that opened them.
 * `dispose()` zeroes the key and removes the folder.
 */
export class StagedBackup {
  private disposed = false;

  constructor(
    readonly dir: string,
    readonly database: string,
    readonly keySlots: string,
    readonly dataKey: Buffer,
    readonly identity: BackupIdentity,
  ) {}

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.dataKey.fill(0);
    await removeStagingDir(this.dir);
  }
}

async function copyRangeChecked(file: string, start: number, length: number, target: string, expected: string): Promise<boolean> {
  const hash = createHash('sha256');
  const source = await fs.open(file, 'r');
  const out = await fs.open(target, 'wx', 0o600);
  try {
    const chunk = Buffer.alloc(1024 * 1024);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await source.read(chunk, 0, Math.min(chunk.length, length - done), start + done);
      if (bytesRead === 0) break;
      const bytes = chunk.subarray(0, bytesRead);
      hash.update(bytes);
      await out.write(bytes);
      done += bytesRead;
    }
    await out.sync();
    // Hashed again while copying: the file on a USB stick may change between the quick check and now.
    return done === length && hash.digest('hex') === expected;
  } finally {
    await source.close();
    await out.close();
  }
}

/** The steps of the full check, in order, for a screen that shows where it is. */
export type FullCheckStep = 'reading-file' | 'opening' | 'copying' | 'checking-pages' | 'checking-structure' | 'checking-audit' | 'counting';

export interface StageOptions {
  driver: Driver;
  /** Where the private staging folder is made: the data folder, so the move into place is a rename. */
  stagingParent: string;
  latest?: number;
  /** Opens a key slot with the credential; the caller may pass the try through its back-off (session/restore.ts). */
  openSlot?: typeof openSlotWithCredential | undefined;
  /** Told as each step begins. */
  onStep?: ((step: FullCheckStep) => void) | undefined;
}

/**
 * Unpacks a backup into a private staging folder for a restore or a full check, proving on
 * the way that it is what this app wrote for that vault: the key slots match their SHA-256,
 * the credential opens one, the header's MAC proves nobody rewrote the header, the payload
 * copied matches the header's SHA-256 (hashed as it is copied, in one pass, while the key slot
 * is opened), and the copy opens with that key at the header's schema version and vault id.
 * So its pages are byte for byte those the backup checked against their HMACs as it wrote
 * them (backup/write.ts); what the pages hold is `inspectStaged`'s (the full check, and
 * vault.check once restored), which a restore does not repeat after the screen's full check.
 */
export async function stageBackup(file: string, credential: BackupCredential, options: StageOptions): Promise<StagedBackup> {
  const step = options.onStep ?? (() => undefined);
  step('reading-file');
  const quick = await quickCheck(file, options.latest, { payload: false });
  if (!quick.ok || !quick.head || !quick.keySlots) throw new BackupUnusableError(quick.problem ?? 'damaged-header');
  const { head, keySlots } = quick;
  step('opening');
  const dir = await makeStagingDir(options.stagingParent, 'restore');
  const database = path.join(dir, 'vault.db');
  const slotsFile = path.join(dir, 'keyslots.json');
  // The copy is encrypted and private to this folder, so it need not wait for the slow key derivation.
  const copying = copyRangeChecked(file, head.layout.payloadOffset, head.header.payload.length, database, head.header.payload.sha256);
  let dataKey: Buffer | null = null;
  let db: Database | null = null;
  try {
    const [slot, copy] = await Promise.allSettled([
      (options.openSlot ?? openSlotWithCredential)(keySlots, credential).finally(() => step('copying')),
      copying,
    ]);
    if (slot.status === 'rejected') throw slot.reason;
    const opened = slot.value;
    if (!opened) throw new BackupCredentialError();
    dataKey = opened.key;
    if (!macMatches(dataKey, head.header.vaultId, head.signed, head.mac)) throw new BackupUnusableError('tampered');
    if (copy.status === 'rejected') throw copy.reason;
    if (!copy.value) throw new BackupUnusableError('damaged-payload');
    await fs.writeFile(slotsFile, await readRange(file, head.layout.keySlotsOffset, head.header.keySlots.length), { mode: 0o600 });

    try {
      db = new Database(await options.driver.open(database, { key: dataKey, create: false }));
    } catch (error) {
      // The key slots opened, but their key does not open this snapshot: the slots were swapped in from elsewhere.
      if (error instanceof WrongKeyError) throw new BackupUnusableError('key-slots-mismatch');
      throw error;
    }
    const version = await schemaVersion(db);
    if (version !== head.header.schemaVersion) throw new BackupUnusableError('tampered');
    if (version > (options.latest ?? latestSchemaVersion)) throw new BackupUnusableError('newer-version');
    const { settings, user } = await readOrUnusable(async () => ({
      settings: await loadSettings(db!),
      user: opened.userId === null ? undefined : await findUserById(db!, opened.userId),
    }));
    if (settings.vaultId !== head.header.vaultId) throw new BackupUnusableError('tampered');
    if (credential.kind === 'password' && !user) throw new BackupCredentialError();
    await db.close();
    db = null;

    const identity: BackupIdentity = {
      schoolName: settings.schoolName,
      createdAt: head.header.createdAt,
      appVersion: head.header.appVersion,
      schemaVersion: version,
      vaultId: head.header.vaultId,
      backupId: head.backupId,
      fileSize: head.fileSize,
      openedWith: user ? { kind: 'password', userId: user.id, username: user.username } : { kind: 'recoveryKey' },
    };
    return new StagedBackup(dir, database, slotsFile, dataKey, identity);
  } catch (error) {
    await copying.catch(() => undefined);
    await db?.close().catch(() => undefined);
    dataKey?.fill(0);
    await removeStagingDir(dir);
    throw error;
  }
}

/** A read of a staged backup that SQLite finds damaged is an unusable backup, not the app's own failure. */
async function readOrUnusable<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof BackupUnusableError || error instanceof BackupCredentialError) throw error;
    throw new BackupUnusableError('integrity');
  }
}

/**
 * The full check of what a staged backup holds: SQLCipher's page check, SQLite's integrity
 * check, (reported, not required) the audit chain, and each table's rows.
 */
export async function inspectStaged(staged: StagedBackup, options: Pick<StageOptions, 'driver' | 'onStep'>): Promise<BackupInspection> {
  const step = options.onStep ?? (() => undefined);
  const db = new Database(await options.driver.open(staged.database, { key: staged.dataKey, create: false }));
  try {
    step('checking-pages');
    const cipherProblems = await cipherIntegrityProblems(db);
    step('checking-structure');
    const databaseProblems = await readOrUnusable(() => databaseIntegrityProblems(db));
    if (cipherProblems > 0 || databaseProblems > 0) throw new BackupUnusableError('integrity');
    step('checking-audit');
    const auditChain = await readOrUnusable(() => verifyAuditChain(db));
    step('counting');
    const counts = await readOrUnusable(() => tableRowCounts(db));
    return { counts, checks: { cipherIntegrity: true, databaseIntegrity: true, auditChain: { ok: auditChain.ok, checked: auditChain.checked } } };
  } finally {
    await db.close();
  }
}
