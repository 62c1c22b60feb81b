/**
 * The narrow interface every SQLCipher driver implements. Callers know only this
 * file; the drivers beside it are chosen in `drivers.ts`.
 */
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
  close(): Promise<void>;
}

export interface OpenOptions {
  /** The raw 32-byte data key; never a passphrase. */
  key: Buffer;
  /** Create the file when it does not exist. */
  create: boolean;
}

export interface Driver {
  readonly name: string;
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
