/**
 * The narrow interface every SQLCipher driver implements. Callers know only this
 * file; the drivers beside it are chosen in `drivers.ts`.
 */
/** Every driver there is; `drivers.ts` picks one per platform. */
export const driverNames = ['journeyapps-sqlcipher', 'better-sqlite3-multiple-ciphers'] as const;
export type DriverName = (typeof driverNames)[number];

export type SqlValue = string | number | bigint | Buffer | null;
export type SqlParams = readonly SqlValue[];

export interface RunResult {
  changes: number;
  lastInsertRowid: number;
}

export interface Connection {
  exec(sql: string): Promise<void>;
  run(sql: string, params?: SqlParams): Promise<RunResult>;
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  /**
   * Checks every page of the database file against its SQLCipher HMAC, after
   * moving committed WAL frames into the file. One line per problem
   * ("HMAC verification failed for page 5"); none when every page is intact.
   * `checkpoint: false` inside a read snapshot, where SQLite refuses a checkpoint
   * (the caller checkpointed just before the snapshot began).
   */
  cipherIntegrityCheck(options?: CipherCheckOptions): Promise<string[]>;
  /**
   * Stops the statement running on this connection at its next step, where the driver can (a lock
   * ending a long job's seconds-long check); the statement then fails. Absent where it cannot.
   */
  interrupt?(): void;
  close(): Promise<void>;
}

export interface CipherCheckOptions {
  checkpoint?: boolean;
}

export interface OpenOptions {
  /** The raw 32-byte data key; never a passphrase. */
  key: Buffer;
  /** Create the file when it does not exist. */
  create: boolean;
}

export interface Driver {
  readonly name: DriverName;
  /**
   * Its calls hold the thread that makes them (better-sqlite3): a long statement beside the
   * call queue would hold every other call too, so such connections are opened on a thread
   * of their own (electron/backend/host/jobThread.ts).
   */
  readonly synchronous?: boolean;
  /** Opens and keys the file, then proves the key by reading the schema. */
  open(file: string, options: OpenOptions): Promise<Connection>;
}

/** The key does not decrypt the file, or the file is not a database at all. */
export class WrongKeyError extends Error {
  constructor() {
    super('The database could not be decrypted with this key.');
    this.name = 'WrongKeyError';
  }
}

/**
 * `PRAGMA key = "x'…'"` is built from a validated hex string only, so nothing
 * but 64 hex digits can ever reach that SQL text.
 */
export function rawKeyPragma(key: Buffer): string {
  if (key.length !== 32) throw new Error('A data key must be 32 bytes.');
  const hex = key.toString('hex');
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('A data key must be 64 hex digits.');
  return `PRAGMA key = "x'${hex}'"`;
}

export function isNotADatabaseError(error: unknown): boolean {
  const text = error instanceof Error ? `${(error as { code?: string }).code ?? ''} ${error.message}` : '';
  return /SQLITE_NOTADB|file is not a database|file is encrypted/i.test(text);
}

/**
 * node-sqlite3 binds a BigInt as NULL, silently. Every driver therefore
 * binds a bigint as the number it equals, and refuses one a JavaScript
 * number cannot hold exactly, so no driver loses a value without an error.
 */
export function bindableParams(params: SqlParams): SqlValue[] {
  return params.map((value) => {
    if (typeof value !== 'bigint') return value;
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RangeError('An integer parameter is too large to bind exactly.');
    }
    return Number(value);
  });
}
