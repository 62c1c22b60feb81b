import type { Database } from '../db/database';

/**
 * SQL for backups: the snapshot itself, the record counts a check shows, and
 * the backup history, which is the audit log's backup entries (append-only and
 * hash-chained already, so it needs no table of its own).
 */

/**
 * Moves every committed change from the write-ahead log into the database file and empties
 * the log, without waiting: false when a writer or a reader of an older snapshot is in the
 * way (the caller tries again later). A read transaction begun on an empty log reads nothing
 * but the database file, and while it lasts no checkpoint may write into that file (SQLite's
 * WAL read-lock 0), so the file's pages are then a consistent snapshot to copy as they are.
 */
export async function checkpointIntoFile(db: Database): Promise<boolean> {
  // Not SQLite's busy wait: with the Windows driver it would hold the thread the blocking reader needs to finish.
  const timeout = Number(await db.pragma('busy_timeout'));
  await db.exec('PRAGMA busy_timeout = 0');
  try {
    const row = await db.get<{ busy: number; log: number; checkpointed: number }>('PRAGMA wal_checkpoint(TRUNCATE)');
    return row?.busy === 0 && row.log === 0;
  } finally {
    await db.exec(`PRAGMA busy_timeout = ${Number.isInteger(timeout) && timeout >= 0 ? timeout : 5000}`);
  }
}

export interface SnapshotShape {
  pageSize: number;
  pageCount: number;
  schemaVersion: number;
}

/** The size and schema version of the database as the current read transaction sees it. */
export async function snapshotShape(db: Database): Promise<SnapshotShape> {
  const pageSize = Number(await db.pragma('page_size'));
  const pageCount = Number(await db.pragma('page_count'));
  const schemaVersion = Number(await db.pragma('user_version'));
  return { pageSize, pageCount, schemaVersion };
}

/**
 * A consistent copy of the whole database in one statement, read inside one read
 * transaction (so, under WAL, without blocking a writer and without half a
 * transaction in it). With SQLCipher the copy is written with the connection's
 * key; the caller checks the result is not plaintext before it goes anywhere.
 * `VACUUM INTO` (not `sqlcipher_export`) because both drivers have it, and it
 * keeps `user_version` and `sqlite_sequence`. A backup's way when the log cannot
 * be emptied for a page copy (backup/write.ts): it rewrites every row, so it costs
 * several times as much.
 */
export async function snapshotInto(db: Database, file: string): Promise<void> {
  await db.run('VACUUM INTO ?', [file]);
}

export interface TableCount {
  table: string;
  rows: number;
}

/** Row counts of every table, by name (SQLite's own tables left out). */
export async function tableRowCounts(db: Database): Promise<TableCount[]> {
  const tables = await db.all<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  const counts: TableCount[] = [];
  for (const { name } of tables) {
    // The name comes from the database's own schema; quoted as an identifier all the same.
    const row = await db.get<{ n: number }>(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`);
    counts.push({ table: name, rows: row?.n ?? 0 });
  }
  return counts;
}

export interface BackupEventRow {
  id: number;
  at: string;
  actor_name: string | null;
  action: string;
  details: string;
}

/** The latest backup events, newest first. */
export async function backupEvents(db: Database, limit: number): Promise<BackupEventRow[]> {
  return db.all<BackupEventRow>(
    // The index by action: otherwise the planner walks the whole log backwards by id looking for the
    // few backup entries among half a million (0.5 s at district scale, on every screen's reminder).
    `SELECT id, at, actor_name, action, details FROM audit_log INDEXED BY audit_log_action
     WHERE action IN ('backup.created', 'backup.failed', 'backup.checked', 'backup.restored')
     ORDER BY id DESC LIMIT ?`,
    [limit],
  );
}
