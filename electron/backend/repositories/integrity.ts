import type { Database } from '../db/database';

/** SQLCipher's page-level HMAC check: one row per damaged page, none when the file is intact. */
export async function cipherIntegrityProblems(db: Database): Promise<number> {
  return (await db.all('PRAGMA cipher_integrity_check')).length;
}

/** SQLite's structural check: a single "ok" row when the database is sound. */
export async function databaseIntegrityProblems(db: Database): Promise<number> {
  const rows = await db.all<{ integrity_check: string }>('PRAGMA integrity_check');
  return rows.filter((row) => row.integrity_check !== 'ok').length;
}
