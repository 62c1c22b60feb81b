import { randomBytes, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { Database } from '../db/database';
import { WrongKeyError, type Driver } from '../db/driver';
import { assertNotFromTheFuture, migrate } from '../db/migrate';
import { fileExists, restrictToOwner } from '../platform/atomicFile';
import type { Clock } from '../clock';
import { deriveKey, defaultScryptCost, newScryptParams, type KdfCost } from './kdf';
import {
  createSlot,
  openFirstSlot,
  readKeySlotFile,
  slotsFor,
  usernameLookup,
  writeKeySlotFile,
  type KeySlot,
  type KeySlotFile,
} from './keySlots';
import { databaseCompanions, vaultPaths, type VaultPaths } from './paths';
import { normaliseRecoveryKey } from './recoveryKey';
import type { SlotChangeHooks } from './slotChanges';

export interface VaultConfig {
  dataDir: string;
  driver: Driver;
  clock: Clock;
  /** scrypt cost for new key slots; tests pass a cheap one. */
  kdfCost?: KdfCost | undefined;
  /** For the crash tests (slotChanges.ts). */
  slotChangeHooks?: SlotChangeHooks | undefined;
  /** Opens the readers beside the call queue: for a synchronous driver, on a thread of their own (Driver.synchronous). */
  readerDriver?: Driver | undefined;
}

/** The key opened the key slot but not the database: the two files do not belong together. */
export class VaultMismatchError extends Error {
  constructor() {
    super('The key slot file does not belong to this database.');
    this.name = 'VaultMismatchError';
  }
}

/**
 * An unlocked vault: the open database and, in memory only, the data key
 * needed to add or rewrap key slots. `close()` zeroes the key.
 */
export class OpenVault {
  private closed = false;

  constructor(
    readonly db: Database,
    private readonly dataKey: Buffer,
    readonly vaultId: string,
    readonly paths: VaultPaths,
    private readonly config: VaultConfig,
  ) {}

  private get cost(): KdfCost {
    return this.config.kdfCost ?? defaultScryptCost;
  }

  private now(): string {
    return this.config.clock.now().toISOString();
  }

  get clock(): Clock {
    return this.config.clock;
  }

  get hooks(): SlotChangeHooks {
    return this.config.slotChangeHooks ?? {};
  }

  async readSlots(): Promise<KeySlotFile> {
    const file = await readKeySlotFile(this.paths.keySlots);
    if (file.vaultId !== this.vaultId) throw new VaultMismatchError();
    return file;
  }

  /** Rewrites the key slot file (atomically) when `change` returns a different list; says whether it did. */
  async editSlots(change: (slots: KeySlot[]) => KeySlot[]): Promise<boolean> {
    const file = await this.readSlots();
    const next = change(file.slots);
    if (JSON.stringify(next) === JSON.stringify(file.slots)) return false;
    await writeKeySlotFile(this.paths.keySlots, { ...file, slots: next });
    return true;
  }

  /**
   * A new slot wrapping this vault's data key, tagged with the change that adds it. Only
   * vault/slotChanges.ts puts it in the file, so the key slots and the users table change together.
   */
  newSlot(owner: { kind: 'user'; userId: number; username: string } | { kind: 'recovery' }, secret: string, pending: string): Promise<KeySlot> {
    return createSlot({
      vaultId: this.vaultId,
      kind: owner.kind,
      userId: owner.kind === 'user' ? owner.userId : null,
      username: owner.kind === 'user' ? owner.username : null,
      secret: owner.kind === 'recovery' ? normaliseRecoveryKey(secret) : secret,
      dataKey: this.dataKey,
      cost: this.cost,
      createdAt: this.now(),
      pending,
    });
  }

  async verifyUserPassword(userId: number, password: string): Promise<boolean> {
    const file = await readKeySlotFile(this.paths.keySlots);
    const own = file.slots.filter((s) => s.kind === 'user' && s.userId === userId);
    const opened = await openFirstSlot(this.vaultId, own, password);
    if (!opened) return false;
    const same = opened.key.equals(this.dataKey);
    opened.key.fill(0);
    return same;
  }

  private readonly readers = new Set<Database>();

  /**
   * A second, read-only connection to this vault, for work that runs beside the call queue
   * (handler.ts, BesideTheQueue). WAL lets it read a consistent snapshot while the main
   * connection writes. Closed with the vault: a lock ends whatever is still reading.
   */
  async openReader(): Promise<Database> {
    if (this.closed) throw new Error('The vault is closed.');
    const driver = this.config.readerDriver ?? this.config.driver;
    const reader = new Database(await driver.open(this.paths.database, { key: Buffer.from(this.dataKey), create: false }));
    this.readers.add(reader);
    // Locked while it opened: close() has already closed the readers it knew of.
    if (this.closed) {
      await this.closeReader(reader);
      throw new Error('The vault is closed.');
    }
    await reader.exec('PRAGMA query_only = ON; PRAGMA temp_store = MEMORY;');
    return reader;
  }

  async closeReader(reader: Database): Promise<void> {
    if (!this.readers.delete(reader)) return;
    await reader.close().catch(() => undefined);
  }

  /** For backups and key rotation; the caller must not keep the key beyond `use`. */
  withDataKey<T>(use: (key: Buffer) => Promise<T>): Promise<T> {
    return use(this.dataKey);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      // A lock does not wait for a long job's statement (an integrity check runs for seconds): each
      // reader is stopped where its driver can stop it and closed when its statement has ended;
      // the job reading it ends as LOCKED.
      for (const reader of [...this.readers]) {
        reader.interrupt();
        void this.closeReader(reader);
      }
      await this.db.close();
    } finally {
      this.dataKey.fill(0);
    }
  }
}

export async function vaultExists(dataDir: string): Promise<boolean> {
  return fileExists(vaultPaths(dataDir).keySlots);
}

/** Opens the database with a data key: refuses a vault from the future, then sets pragmas and migrates. */
export async function openDatabase(driver: Driver, file: string, key: Buffer, create: boolean): Promise<Database> {
  const db = new Database(await driver.open(file, { key, create }));
  try {
    await assertNotFromTheFuture(db);
    await db.exec(`
      PRAGMA foreign_keys = ON;
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      PRAGMA secure_delete = ON;
      PRAGMA temp_store = MEMORY;
      PRAGMA cache_size = -32768;
    `);
    await migrate(db);
    return db;
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

/**
 * Creates a vault: a fresh random data key, the database, and the key slots
 * (the first user's and the recovery key's). The key slot file is written last,
 * so a crash part-way leaves no vault that looks usable.
 */
export async function createVault(
  config: VaultConfig,
  first: { username: string; password: string; recoveryKey: string },
  /** Writes the first rows (settings, the first user) and returns that user's id. */
  initialise: (db: Database, vaultId: string) => Promise<number>,
): Promise<OpenVault> {
  const paths = vaultPaths(config.dataDir);
  await fs.mkdir(paths.dataDir, { recursive: true, mode: 0o700 });
  if (await fileExists(paths.keySlots)) throw new Error('A vault already exists in this folder.');
  await setAsideLeftovers(paths, config.clock);

  const vaultId = randomUUID();
  const dataKey = randomBytes(32);
  let db: Database | undefined;
  try {
    // Made owner-only before SQLite opens it: SQLite gives the -wal and -shm files it
    // creates the database file's permissions, so a chmod afterwards would leave
    // them readable by other users for this whole first session.
    await (await fs.open(paths.database, 'wx', 0o600)).close();
    db = await openDatabase(config.driver, paths.database, dataKey, true);
    await restrictToOwner(paths.database);
    const userId = await initialise(db, vaultId);
    const cost = config.kdfCost ?? defaultScryptCost;
    const createdAt = config.clock.now().toISOString();
    const slots = await Promise.all([
      createSlot({ vaultId, kind: 'user', userId, username: first.username, secret: first.password, dataKey, cost, createdAt }),
      createSlot({
        vaultId,
        kind: 'recovery',
        userId: null,
        username: null,
        secret: normaliseRecoveryKey(first.recoveryKey),
        dataKey,
        cost,
        createdAt,
      }),
    ]);
    await writeKeySlotFile(paths.keySlots, { format: 'sebaya-keyslots', version: 1, vaultId, slots });
    return new OpenVault(db, dataKey, vaultId, paths, config);
  } catch (error) {
    await db?.close().catch(() => undefined);
    dataKey.fill(0);
    await Promise.all(databaseCompanions(paths.database).map((f) => fs.rm(f, { force: true })));
    throw error;
  }
}

/** A database without a key slot file is what an interrupted creation leaves; keep it aside, never delete it. */
async function setAsideLeftovers(paths: VaultPaths, clock: Clock): Promise<void> {
  if (!(await fileExists(paths.database))) return;
  const stamp = clock.now().toISOString().replace(/[:.]/g, '-');
  for (const file of databaseCompanions(paths.database)) {
    if (await fileExists(file)) await fs.rename(file, `${file}.incomplete-${stamp}`);
  }
}

/** `slotId`: the slot that opened, which tells a change's new secret from the old one (slotChanges.ts). */
export type UnlockOutcome = { vault: OpenVault; userId: number | null; lookup: string; slotId: string } | { vault: null; lookup: string };

/**
 * Finds the user's slot by username and opens it with the password. A missing
 * user costs the same time as a wrong password, so timing does not tell which.
 */
export async function unlockWithPassword(config: VaultConfig, username: string, password: string): Promise<UnlockOutcome> {
  const paths = vaultPaths(config.dataDir);
  const file = await readKeySlotFile(paths.keySlots);
  const lookup = usernameLookup(file.vaultId, username);
  const slots = slotsFor(file, { kind: 'password', username });
  if (slots.length === 0) {
    await deriveKey(password, newScryptParams(config.kdfCost ?? defaultScryptCost));
    return { vault: null, lookup };
  }
  const opened = await openFirstSlot(file.vaultId, slots, password);
  if (!opened) return { vault: null, lookup };
  return { vault: await openWithKey(config, paths, file.vaultId, opened.key), userId: opened.slot.userId, lookup, slotId: opened.slot.id };
}

export async function unlockWithRecoveryKey(config: VaultConfig, recoveryKey: string): Promise<{ vault: OpenVault; slotId: string } | null> {
  const paths = vaultPaths(config.dataDir);
  const file = await readKeySlotFile(paths.keySlots);
  const opened = await openFirstSlot(file.vaultId, slotsFor(file, { kind: 'recoveryKey' }), normaliseRecoveryKey(recoveryKey));
  if (!opened) return null;
  return { vault: await openWithKey(config, paths, file.vaultId, opened.key), slotId: opened.slot.id };
}

async function openWithKey(config: VaultConfig, paths: VaultPaths, vaultId: string, key: Buffer): Promise<OpenVault> {
  try {
    const db = await openDatabase(config.driver, paths.database, key, false);
    return new OpenVault(db, key, vaultId, paths, config);
  } catch (error) {
    key.fill(0);
    if (error instanceof WrongKeyError) throw new VaultMismatchError();
    throw error;
  }
}
