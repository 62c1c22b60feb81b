import type { Database } from '../db/database';

/**
 * SQL for backups: the snapshot itself, the record counts a check shows, and
 * the backup history, which is the audit log's backup entries (append-only and
 * hash-chained already, so it needs no table of its own).
 */

/**
 * A consistent copy of the whole database in one statement, read inside one read
 * transaction (so, under WAL, without blocking a writer and without half a
 * transaction in it). With SQLCipher the copy is written with the connection's
 * key; the caller checks the result is not plaintext before it goes anywhere.
 * `VACUUM INTO` (not `sqlcipher_export`) because both drivers have it, and it
 * keeps `user_version` and `sqlite_sequence`.
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
