import type { CipherCheckOptions, Connection, RunResult, SqlParams } from './driver';

/**
 * A keyed, open vault database. Adds transactions (nested ones become
 * savepoints) to a driver connection. Calls are serialized by the dispatcher,
 * so one transaction never interleaves with another call.
 */
export class Database {
  private depth = 0;

  constructor(private readonly connection: Connection) {}

  exec(sql: string): Promise<void> {
    return this.connection.exec(sql);
  }

  run(sql: string, params?: SqlParams): Promise<RunResult> {
    return this.connection.run(sql, params);
  }

  get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return this.connection.get<T>(sql, params);
  }

  all<T>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.connection.all<T>(sql, params);
  }

  /** Pages whose SQLCipher HMAC does not verify, one line each (see Connection). */
  cipherIntegrityCheck(options?: CipherCheckOptions): Promise<string[]> {
    return this.connection.cipherIntegrityCheck(options);
  }

  async pragma<T = unknown>(name: string): Promise<T | undefined> {
    const row = await this.connection.get<Record<string, T>>(`PRAGMA ${name}`);
    return row ? Object.values(row)[0] : undefined;
  }

  /** Runs `work` atomically: everything it wrote is kept, or nothing is. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    const savepoint = `sp${this.depth}`;
    await this.connection.exec(this.depth === 0 ? 'BEGIN IMMEDIATE' : `SAVEPOINT ${savepoint}`);
    this.depth += 1;
    try {
      const result = await work();
      this.depth -= 1;
      await this.connection.exec(this.depth === 0 ? 'COMMIT' : `RELEASE ${savepoint}`);
      return result;
    } catch (error) {
      this.depth -= 1;
      await this.connection.exec(this.depth === 0 ? 'ROLLBACK' : `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`);
      throw error;
    }
  }

  /** Runs `work` in one read transaction: every statement sees the database as it was when it began. */
  async readSnapshot<T>(work: () => Promise<T>): Promise<T> {
    await this.beginSnapshot();
    try {
      return await work();
    } finally {
      await this.endSnapshot();
    }
  }

  /**
   * The first half of `readSnapshot`, for a job that must take its snapshot in the call queue
   * (so no write slips in before it) and read it beside the queue.
   */
  async beginSnapshot(): Promise<void> {
    await this.connection.exec('BEGIN');
    try {
      // A WAL snapshot begins at the first read, not at BEGIN: read at once, so it is the database as of now.
      await this.connection.get('SELECT count(*) AS n FROM sqlite_schema');
    } catch (error) {
      await this.endSnapshot();
      throw error;
    }
  }

  async endSnapshot(): Promise<void> {
    await this.connection.exec('COMMIT').catch(() => undefined);
  }

  /** Whether a transaction is open: what is read now may still be rolled back. */
  get inTransaction(): boolean {
    return this.depth > 0;
  }

  /** See Connection.interrupt. */
  interrupt(): void {
    this.connection.interrupt?.();
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}
