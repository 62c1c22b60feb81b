import type { Migration } from './migration';

export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  async up(db) {
    await db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE peers (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        full_name TEXT NOT NULL,
        class_name TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN
          ('nominated','interviewing','selected','in_training','active','paused','alumni','withdrawn')),
        version INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX peers_status ON peers(status);

      -- Removed users keep their row so the audit log can still name them; AUTOINCREMENT
      -- means an id (and so a key slot's user id) is never reused.
      CREATE TABLE users (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        username TEXT NOT NULL COLLATE NOCASE,
        full_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('coordinator','supervisor','peer')),
        status TEXT NOT NULL CHECK (status IN ('active','disabled','removed')),
        language TEXT NOT NULL DEFAULT 'id' CHECK (language IN ('id','en')),
        peer_id INTEGER REFERENCES peers(id),
        pin_hash TEXT,
        pin_failed_count INTEGER NOT NULL DEFAULT 0,
        pin_locked_until TEXT,
        must_change_password INTEGER NOT NULL DEFAULT 0,
        last_sign_in_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((role = 'peer') = (peer_id IS NOT NULL)),
        CHECK ((role = 'peer') = (pin_hash IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX users_username_live ON users(username) WHERE status != 'removed';
      CREATE UNIQUE INDEX users_peer_live ON users(peer_id) WHERE status != 'removed' AND peer_id IS NOT NULL;

      -- Hash-chained and append-only: each row's hash covers the previous row's hash.
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor_user_id INTEGER,
        actor_name TEXT,
        action TEXT NOT NULL,
        target TEXT,
        details TEXT NOT NULL DEFAULT '{}',
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_action ON audit_log(action, id);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

      -- Unsaved form text kept across a lock, per user and form.
      CREATE TABLE drafts (
        user_id INTEGER NOT NULL REFERENCES users(id),
        form_key TEXT NOT NULL,
        area TEXT NOT NULL,
        payload TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        PRIMARY KEY (user_id, form_key)
      ) STRICT;
    `);
  },
};
