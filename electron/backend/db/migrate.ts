import type { Database } from './database';
import { latestSchemaVersion, migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/migration';

export class VaultTooNewError extends Error {
  constructor(readonly found: number, readonly supported: number) {
    super(`This vault was written by a newer version of Sebaya (schema ${found}; this app knows up to ${supported}).`);
    this.name = 'VaultTooNewError';
  }
}

export async function schemaVersion(db: Database): Promise<number> {
  return Number((await db.pragma<number>('user_version')) ?? 0);
}

/** Refuses a vault from the future before anything is written to it. */
export async function assertNotFromTheFuture(db: Database, latest = latestSchemaVersion): Promise<void> {
  const found = await schemaVersion(db);
  if (found > latest) throw new VaultTooNewError(found, latest);
}

/** Runs every pending migration in one transaction: the vault moves to the new version whole, or not at all. */
export async function migrate(db: Database, migrations: readonly Migration[] = allMigrations): Promise<number> {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  await assertNotFromTheFuture(db, latest);
  const current = await schemaVersion(db);
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  await db.transaction(async () => {
    for (const migration of pending) {
      await migration.up(db);
      // user_version cannot take a bound parameter; the value is an integer from our own list.
      await db.exec(`PRAGMA user_version = ${Math.trunc(migration.version)}`);
    }
  });
  return latest;
}
