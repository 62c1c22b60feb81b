import type { Database } from '../db/database';

/**
 * The settings as last read from each open database (issue 12: some calls read them once per
 * row). Kept only for what was read outside a transaction, so a value written and then rolled
 * back is never served; every write forgets it. A new database (an unlock, a restore, a
 * rotation) is a new object and starts empty.
 */
const cached = new WeakMap<Database, Record<string, unknown>>();

/** Settings are JSON values by key; callers read them through the typed helpers in services/settings. */
export async function readSetting<T>(db: Database, key: string): Promise<T | undefined> {
  return (await readAllSettings(db))[key] as T | undefined;
}

export async function readAllSettings(db: Database): Promise<Record<string, unknown>> {
  const known = cached.get(db);
  if (known) return structuredClone(known);
  const rows = await db.all<{ key: string; value: string }>('SELECT key, value FROM settings');
  const all = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  if (!db.inTransaction) cached.set(db, structuredClone(all));
  return all;
}

export async function writeSetting(db: Database, key: string, value: unknown): Promise<void> {
  cached.delete(db);
  await db.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [
    key,
    JSON.stringify(value),
  ]);
  // Forgotten again once written: a read between the two lines above must not outlive the write.
  cached.delete(db);
}
