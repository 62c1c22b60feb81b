import type { Database } from '../db/database';
import type { CipherCheckOptions } from '../db/driver';

/**
 * SQLCipher's page-level HMAC check: one problem per damaged page, none when
 * the file is intact. With @journeyapps/sqlcipher this is SQLCipher's own
 * `PRAGMA cipher_integrity_check`; SQLite3 Multiple Ciphers has no such
 * pragma, so that driver verifies each page's HMAC from the file
 * (db/sqlcipherPages.ts). Both run after a WAL checkpoint, so they cover
 * every committed change (`checkpoint: false` inside a snapshot taken right after one).
 */
export async function cipherIntegrityProblems(db: Database, options?: CipherCheckOptions): Promise<number> {
  return (await db.cipherIntegrityCheck(options)).length;
}

/**
 * SQLite's structural check: a single "ok" row when the database is sound.
 * A damaged page can stop the check itself (SQLITE_CORRUPT with one driver,
 * "SQL logic error" with the other); that counts as a problem, not a crash of
 * the whole vault check.
 */
export async function databaseIntegrityProblems(db: Database): Promise<number> {
  try {
    const rows = await db.all<{ integrity_check: string }>('PRAGMA integrity_check');
    return rows.filter((row) => row.integrity_check !== 'ok').length;
  } catch {
    return 1;
  }
}
