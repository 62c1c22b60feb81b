import type * as Sqlcipher from '@journeyapps/sqlcipher';
import { bindableParams, isNotADatabaseError, rawKeyPragma, WrongKeyError, type Connection, type Driver, type SqlParams } from './driver';

/**
 * `@journeyapps/sqlcipher` (node-sqlite3 API, N-API): the driver on Linux and
 * macOS. Its 6.x line has no Windows build (and its package.json says so), so
 * it is an optional dependency, loaded only when this driver opens a file.
 */
export const journeyappsDriver: Driver = {
  name: 'journeyapps-sqlcipher',
  async open(file, { key, create }) {
    const sqlcipher = loadSqlcipher();
    const mode = create ? sqlcipher.OPEN_READWRITE | sqlcipher.OPEN_CREATE : sqlcipher.OPEN_READWRITE;
    const db = await new Promise<Sqlcipher.Database>((resolve, reject) => {
      const handle: Sqlcipher.Database = new sqlcipher.Database(file, mode, (error) =>
        error ? reject(error) : resolve(handle),
      );
    });
    const connection = wrap(db);
    try {
      // Without this SQLCipher prints HMAC errors to stderr on a wrong key.
      await connection.exec('PRAGMA cipher_log_level = NONE');
      await connection.exec(rawKeyPragma(key));
      const cipher = await connection.get<{ cipher_version?: string }>('PRAGMA cipher_version');
      if (!cipher?.cipher_version) throw new Error('This SQLite build has no SQLCipher.');
      await connection.get('SELECT count(*) AS n FROM sqlite_master');
      return connection;
    } catch (error) {
      await connection.close().catch(() => undefined);
      if (isNotADatabaseError(error)) throw new WrongKeyError();
      throw error;
    }
  },
};

let sqlcipherModule: typeof Sqlcipher | undefined;

/** Required on first use, never at start-up: the package is not installed on Windows. */
function loadSqlcipher(): typeof Sqlcipher {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy require keeps the app starting where the package is absent
  sqlcipherModule ??= require('@journeyapps/sqlcipher') as typeof Sqlcipher;
  return sqlcipherModule;
}

function wrap(db: Sqlcipher.Database): Connection {
  return {
    exec: (sql) => new Promise((resolve, reject) => db.exec(sql, (error) => (error ? reject(error) : resolve()))),
    run: (sql, params: SqlParams = []) =>
      new Promise((resolve, reject) =>
        db.run(sql, bindableParams(params), function (this: Sqlcipher.RunResult, error: Error | null) {
          if (error) reject(error);
          else resolve({ changes: this.changes, lastInsertRowid: this.lastID });
        }),
      ),
    // SQLCipher's own page check, after a checkpoint so committed WAL frames are in the file it reads.
    cipherIntegrityCheck: async (options) => {
      if (options?.checkpoint !== false) {
        await new Promise<void>((resolve, reject) => db.all('PRAGMA wal_checkpoint(TRUNCATE)', (error) => (error ? reject(error) : resolve())));
      }
      const rows = await new Promise<Array<{ cipher_integrity_check: string }>>((resolve, reject) =>
        db.all('PRAGMA cipher_integrity_check', (error: Error | null, found: Array<{ cipher_integrity_check: string }>) =>
          error ? reject(error) : resolve(found),
        ),
      );
      return rows.map((row) => row.cipher_integrity_check);
    },
    get: <T>(sql: string, params: SqlParams = []) =>
      new Promise<T | undefined>((resolve, reject) =>
        db.get(sql, bindableParams(params), (error: Error | null, row: T) => (error ? reject(error) : resolve(row))),
      ),
    all: <T>(sql: string, params: SqlParams = []) =>
      new Promise<T[]>((resolve, reject) =>
        db.all(sql, bindableParams(params), (error: Error | null, rows: T[]) => (error ? reject(error) : resolve(rows))),
      ),
    interrupt: () => db.interrupt(),
    close: () => new Promise((resolve, reject) => db.close((error) => (error ? reject(error) : resolve()))),
  };
}
