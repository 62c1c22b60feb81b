import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { bindableParams, isNotADatabaseError, rawKeyPragma, WrongKeyError, type Connection, type Driver, type SqlParams, type SqlValue } from './driver';
import { sqlcipherPageProblems } from './sqlcipherPages';

/**
 * `better-sqlite3-multiple-ciphers` (SQLite3 Multiple Ciphers): the driver on
 * Windows, where `@journeyapps/sqlcipher` 6.x has no build. Configured for the
 * SQLCipher 4 file format, so a vault (or a backup) moves between a Windows
 * PC and a Linux or macOS one; the conformance suite opens each driver's files
 * with the other.
 *
 * Its calls are synchronous. In the desktop app the whole backend runs in a
 * worker thread (electron/backend/host), so they never block the window.
 *
 * Differences from the other driver, handled here:
 * - no `PRAGMA cipher_version` and no `PRAGMA cipher_integrity_check`: the
 *   engine is proven by `sqlite3mc_version()` and the cipher settings, and the
 *   page check is done from the file (sqlcipherPages.ts);
 * - numbered parameters (`?1`) are named parameters to better-sqlite3, bound
 *   from an object keyed by number, so positional values are turned into one;
 * - a statement that returns no rows cannot be read with `get`/`all`, so such
 *   statements are run and read as "no rows", as node-sqlite3 does.
 */
export const multipleCiphersDriver: Driver = {
  name: 'better-sqlite3-multiple-ciphers',
  synchronous: true,
  async open(file, { key, create }) {
    let db: BetterSqlite3.Database;
    try {
      const Sqlite = loadBetterSqlite3();
      db = new Sqlite(file, { fileMustExist: !create });
    } catch (error) {
      if (isNotADatabaseError(error)) throw new WrongKeyError();
      throw error;
    }
    try {
      // Before the key: the cipher scheme and its parameters decide how the key is used.
      db.exec("PRAGMA cipher = 'sqlcipher'");
      db.exec('PRAGMA legacy = 4');
      db.exec(rawKeyPragma(key));
      const engine = db.prepare('SELECT sqlite3mc_version() AS version').get() as { version?: string } | undefined;
      const cipher = db.prepare('PRAGMA cipher').get() as Record<string, unknown> | undefined;
      const legacy = db.prepare('PRAGMA legacy').get() as Record<string, unknown> | undefined;
      if (!engine?.version || Object.values(cipher ?? {})[0] !== 'sqlcipher' || Number(Object.values(legacy ?? {})[0]) !== 4) {
        throw new Error('This SQLite build is not set up for the SQLCipher 4 format.');
      }
      db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
      return wrap(db, file, Buffer.from(key));
    } catch (error) {
      db.close();
      if (isNotADatabaseError(error)) throw new WrongKeyError();
      throw error;
    }
  },
};

let betterSqlite3: typeof BetterSqlite3 | undefined;

/** Required on first use, like the other driver, so neither native module loads unless it is the one in use. */
function loadBetterSqlite3(): typeof BetterSqlite3 {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see sqlcipherDriver.ts
  betterSqlite3 ??= require('better-sqlite3-multiple-ciphers') as typeof BetterSqlite3;
  return betterSqlite3;
}

function wrap(db: BetterSqlite3.Database, file: string, key: Buffer): Connection {
  const statements = new Map<string, BetterSqlite3.Statement>();
  const prepare = (sql: string): BetterSqlite3.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      // A small cache: the repositories use a few hundred distinct statements at most.
      if (statements.size >= 500) statements.delete(statements.keys().next().value as string);
      statements.set(sql, statement);
    }
    return statement;
  };
  const bind = (sql: string, params: SqlParams): unknown[] => {
    const values = bindableParams(params);
    return usesNumberedParameters(sql) ? [numbered(values)] : values;
  };

  return {
    exec: async (sql) => {
      db.exec(sql);
    },
    run: async (sql, params = []) => {
      const result = prepare(sql).run(...bind(sql, params));
      return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) };
    },
    get: async <T>(sql: string, params: SqlParams = []) => {
      const statement = prepare(sql);
      if (!statement.reader) {
        statement.run(...bind(sql, params));
        return undefined;
      }
      return statement.get(...bind(sql, params)) as T | undefined;
    },
    all: async <T>(sql: string, params: SqlParams = []) => {
      const statement = prepare(sql);
      if (!statement.reader) {
        statement.run(...bind(sql, params));
        return [];
      }
      return statement.all(...bind(sql, params)) as T[];
    },
    cipherIntegrityCheck: async (options) => {
      if (options?.checkpoint !== false) db.pragma('wal_checkpoint(TRUNCATE)');
      const pageSize = Number(db.pragma('page_size', { simple: true }));
      return sqlcipherPageProblems(file, key, pageSize);
    },
    close: async () => {
      statements.clear();
      try {
        if (db.open) db.close();
      } finally {
        key.fill(0);
      }
    },
  };
}

function numbered(params: readonly SqlValue[]): Record<number, SqlValue> {
  return Object.fromEntries(params.map((value, index) => [index + 1, value]));
}

/**
 * Whether the SQL has `?NNN` parameters outside string literals, quoted names
 * and comments. Mixing them with plain `?` is refused: the two drivers would
 * not agree on what binds where.
 */
export function usesNumberedParameters(sql: string): boolean {
  let numberedFound = false;
  let plainFound = false;
  for (let i = 0; i < sql.length; i += 1) {
    const char = sql[i];
    if (char === "'" || char === '"' || char === '`' || char === '[') {
      const close = char === '[' ? ']' : char;
      i += 1;
      while (i < sql.length && !(sql[i] === close && sql[i + 1] !== close)) i += sql[i] === close ? 2 : 1;
    } else if (char === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i += 1;
    } else if (char === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 1;
    } else if (char === '?') {
      if (/[0-9]/.test(sql[i + 1] ?? '')) numberedFound = true;
      else plainFound = true;
    }
  }
  if (numberedFound && plainFound) throw new Error('A statement may not mix ?NNN and ? parameters.');
  return numberedFound;
}
