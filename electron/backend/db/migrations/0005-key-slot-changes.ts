import type { Migration } from './migration';

/**
 * Key-slot changes recorded with the database change they belong to (issue 11):
 * a password reset, a new account, a disabled or removed account, a changed
 * password, a new recovery key. The row commits in the same transaction as the
 * users table; the key slot file is settled after it, and a change a crash
 * interrupted is finished or rolled back when the vault is next opened
 * (vault/slotChanges.ts). `undo` holds the users-table values to put back if a
 * generated secret was never shown to anyone; nothing in it is secret.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'key-slot-changes',
  async up(db) {
    await db.exec(`
      CREATE TABLE keyslot_changes (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('account-created', 'account-enabled', 'password-reset', 'password-changed', 'password-set', 'slot-removed', 'recovery-key-replaced')),
        user_id INTEGER REFERENCES users(id),
        slot_id TEXT,
        state TEXT NOT NULL CHECK (state IN ('awaiting-shown', 'known', 'done', 'withdrawn')),
        undo TEXT NOT NULL DEFAULT '{}',
        started_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        settled_at TEXT
      );
      CREATE INDEX keyslot_changes_open ON keyslot_changes(state) WHERE state IN ('awaiting-shown', 'known');
    `);
  },
};
