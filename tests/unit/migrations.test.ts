import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Database } from '../../electron/backend/db/database';
import { migrate, schemaVersion, VaultTooNewError } from '../../electron/backend/db/migrate';
import { latestSchemaVersion, migrations } from '../../electron/backend/db/migrations';
import type { Migration } from '../../electron/backend/db/migrations/migration';
import { defaultDriver } from '../../electron/backend/db/drivers';
import { tempDir } from './support/backend';

const open: Database[] = [];

afterEach(async () => {
  while (open.length) await open.pop()!.close().catch(() => undefined);
});

/** A new, empty, encrypted database at schema version 0. */
async function emptyDatabase(): Promise<Database> {
  const file = path.join(tempDir(), 'vault.db');
  const db = new Database(await defaultDriver().open(file, { key: randomBytes(32), create: true }));
  open.push(db);
  return db;
}

async function schemaObjects(db: Database): Promise<string[]> {
  const rows = await db.all<{ type: string; name: string }>(
    "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
  );
  return rows.map((r) => `${r.type} ${r.name}`);
}

/** A database migrated up to, but not including, `version`. */
async function databaseBefore(version: number): Promise<Database> {
  const db = await emptyDatabase();
  await migrate(db, migrations.filter((m) => m.version < version));
  return db;
}

/**
 * One test per migration, keyed by schema version; `check` runs on a database
 * just migrated to that version. A migration added without
 * an entry here fails "every migration has its own test" below.
 */
const migrationTests: Record<number, { does: string; check: (db: Database) => Promise<void> }> = {
  1: {
    does: 'creates settings, peers, users, the audit log with its append-only triggers, and drafts',
    async check(db) {
      expect(await schemaObjects(db)).toEqual([
        'index audit_log_action',
        'index peers_status',
        'index users_peer_live',
        'index users_username_live',
        'table audit_log',
        'table drafts',
        'table peers',
        'table settings',
        'table users',
        'trigger audit_log_no_delete',
        'trigger audit_log_no_update',
      ]);
      const now = '2026-08-03T08:00:00.000Z';
      await db.run("INSERT INTO peers (full_name, class_name, status, created_at, updated_at) VALUES ('Budi', '8A', 'active', ?, ?)", [now, now]);
      // A peer account must name its peer and have a PIN; a staff account neither.
      await expect(
        db.run("INSERT INTO users (username, full_name, role, status, created_at, updated_at) VALUES ('budi', 'Budi', 'peer', 'active', ?, ?)", [now, now]),
      ).rejects.toThrow(/CHECK/);
      await db.run(
        "INSERT INTO users (username, full_name, role, status, peer_id, pin_hash, created_at, updated_at) VALUES ('budi', 'Budi', 'peer', 'active', 1, 'x', ?, ?)",
        [now, now],
      );
      // A second live account with the same username, in any case, is refused.
      await expect(
        db.run("INSERT INTO users (username, full_name, role, status, created_at, updated_at) VALUES ('BUDI', 'B', 'supervisor', 'active', ?, ?)", [now, now]),
      ).rejects.toThrow(/UNIQUE/);
      await db.run("INSERT INTO audit_log (at, action, prev_hash, hash) VALUES (?, 'x', 'a', 'b')", [now]);
      await expect(db.run("UPDATE audit_log SET action = 'y'")).rejects.toThrow(/append-only/);
      await expect(db.run('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    },
  },
  2: {
    does: 'adds the peer program: status history (started for peers already there), interviews, the default curriculum, training and outreach',
    async check(db) {
      const objects = await schemaObjects(db);
      for (const name of [
        'table peer_status_history',
        'table peer_interviews',
        'table training_modules',
        'table training_module_revisions',
        'table training_sessions',
        'table training_records',
        'table outreach_events',
        'table outreach_event_peers',
        'trigger peer_status_history_no_update',
        'trigger peer_status_history_no_delete',
        'index peers_supervisor',
      ]) {
        expect(objects).toContain(name);
      }
      // Seven default modules in both languages, five of them required, each with its 'created' revision.
      const modules = await db.all<{ title_id: string; title_en: string; required: number }>('SELECT * FROM training_modules ORDER BY position');
      expect(modules).toHaveLength(7);
      expect(modules.every((m) => m.title_id.length > 0 && m.title_en.length > 0)).toBe(true);
      expect(modules.filter((m) => m.required === 1)).toHaveLength(5);
      expect((await db.get<{ n: number }>('SELECT count(*) AS n FROM training_module_revisions'))?.n).toBe(7);
    },
  },
  3: {
    does: 'adds help-seekers with separate identities, session logs locked once approved, append-only reviews, addenda and case timelines, referrals that need consent, and full-text search',
    async check(db) {
      const objects = await schemaObjects(db);
      for (const name of [
        'table help_seekers',
        'table help_seeker_identities',
        'table session_logs',
        'table session_log_topics',
        'table session_log_risks',
        'table session_log_reviews',
        'table session_log_addenda',
        'table cases',
        'table case_logs',
        'table case_events',
        'table referral_services',
        'table referrals',
        'table session_log_text',
        'table addendum_text',
        'table case_note_text',
      ]) {
        expect(objects).toContain(name);
      }
      const now = '2026-08-03T08:00:00.000Z';
      await db.run("INSERT INTO peers (full_name, class_name, status, created_at, updated_at) VALUES ('Budi', '8A', 'active', ?, ?)", [now, now]);
      await db.run("INSERT INTO users (username, full_name, role, status, created_at, updated_at) VALUES ('sari', 'Sari', 'coordinator', 'active', ?, ?)", [now, now]);
      await db.run("INSERT INTO help_seekers (code, code_year, code_number, created_at) VALUES ('HS-2026-001', 2026, 1, ?)", [now]);
      await expect(db.run("INSERT INTO help_seekers (code, code_year, code_number, created_at) VALUES ('HS-2026-01', 2026, 1, ?)", [now])).rejects.toThrow(/UNIQUE/);
      await db.run(
        `INSERT INTO session_logs (peer_id, help_seeker_id, summary, actions, status, entered_by_user_id, first_submitted_at, created_at, updated_at)
         VALUES (1, 1, 'Cerita tentang layang-layang', 'Mendengarkan', 'submitted', 1, ?, ?, ?)`,
        [now, now, now],
      );
      // The search index follows the text, through the triggers, with prefixes and without accents.
      const found = () => db.all<{ rowid: number }>("SELECT rowid FROM session_log_text WHERE session_log_text MATCH '\"layang\"*'");
      expect(await found()).toEqual([{ rowid: 1 }]);
      // An approved log is locked, its lists too; a submitted one can never be deleted.
      await expect(db.run('DELETE FROM session_logs WHERE id = 1')).rejects.toThrow(/never submitted/);
      await db.run("UPDATE session_logs SET status = 'approved', approved_at = ? WHERE id = 1", [now]);
      await expect(db.run("UPDATE session_logs SET summary = 'lain' WHERE id = 1")).rejects.toThrow(/locked/);
      await expect(db.run("INSERT INTO session_log_risks (log_id, item) VALUES (1, 'sexual_abuse')")).rejects.toThrow(/locked/);
      await db.run("INSERT INTO session_log_addenda (log_id, text, at, author_user_id, author_name, author_role) VALUES (1, 'koreksi', ?, 1, 'Sari', 'coordinator')", [now]);
      await expect(db.run("UPDATE session_log_addenda SET text = 'x'")).rejects.toThrow(/append-only/);
      // A case's timeline is append-only, and a closed case is final.
      await db.run(
        "INSERT INTO cases (help_seeker_id, severity, status, origin, opened_at, due_at, last_event_at) VALUES (1, 'urgent', 'open', 'manual', ?, ?, ?)",
        [now, now, now],
      );
      await db.run("INSERT INTO case_events (case_id, kind, at, body) VALUES (1, 'note', ?, 'catatan')", [now]);
      await expect(db.run('DELETE FROM case_events')).rejects.toThrow(/append-only/);
      await expect(db.run("UPDATE cases SET status = 'closed' WHERE id = 1")).rejects.toThrow(/CHECK/);
      await db.run("UPDATE cases SET status = 'closed', closed_at = ?, outcome = 'resolved' WHERE id = 1", [now]);
      await expect(db.run("UPDATE cases SET status = 'open', closed_at = NULL, outcome = NULL WHERE id = 1")).rejects.toThrow(/final/);
      // A referral needs consent or an override reason.
      await db.run("INSERT INTO referral_services (kind, name, created_at, updated_at) VALUES ('hotline', 'SEJIWA 119 ext 8', ?, ?)", [now, now]);
      await expect(
        db.run("INSERT INTO referrals (case_id, service_id, referred_on, reason, status, created_at, updated_at) VALUES (1, 1, '2026-08-03', 'x', 'pending', ?, ?)", [now, now]),
      ).rejects.toThrow(/CHECK/);
    },
  },
  4: {
    does: 'adds supervision groups, meetings that stay once held, action items with one owner, evaluations, outcome measurements with one first contact each, append-only anonymous feedback, and the report’s indexes',
    async check(db) {
      const objects = await schemaObjects(db);
      for (const name of [
        'table supervision_groups',
        'table supervision_group_members',
        'table supervision_meetings',
        'table supervision_attendees',
        'table supervision_topics',
        'table supervision_meeting_cases',
        'table supervision_meeting_logs',
        'table action_items',
        'table peer_evaluations',
        'table peer_evaluation_scores',
        'table outcome_measures',
        'table outcome_measure_items',
        'table session_feedback',
        'index session_logs_held_on_status',
        'index session_logs_first_submitted',
        'index cases_opened_at',
        'index referrals_referred_on',
      ]) {
        expect(objects).toContain(name);
      }
      const now = '2026-08-03T08:00:00.000Z';
      await db.run("INSERT INTO peers (full_name, class_name, status, created_at, updated_at) VALUES ('Budi', '8A', 'active', ?, ?)", [now, now]);
      await db.run("INSERT INTO users (username, full_name, role, status, created_at, updated_at) VALUES ('sari', 'Sari', 'coordinator', 'active', ?, ?)", [now, now]);
      // A held meeting needs its length, is never deleted and never goes back to planned.
      await expect(
        db.run("INSERT INTO supervision_meetings (status, kind, held_on, supervisor_user_id, created_at, updated_at) VALUES ('held', 'group', '2026-08-03', 1, ?, ?)", [now, now]),
      ).rejects.toThrow(/CHECK/);
      await db.run(
        "INSERT INTO supervision_meetings (status, kind, held_on, duration_minutes, supervisor_user_id, created_at, updated_at) VALUES ('held', 'group', '2026-08-03', 60, 1, ?, ?)",
        [now, now],
      );
      await expect(db.run('DELETE FROM supervision_meetings')).rejects.toThrow(/never deleted/);
      await expect(db.run("UPDATE supervision_meetings SET status = 'cancelled'")).rejects.toThrow(/stays held/);
      // An attendee is a peer or a staff account, and an action item has exactly one owner.
      await expect(db.run('INSERT INTO supervision_attendees (meeting_id, peer_id, user_id, present) VALUES (1, 1, 1, 1)')).rejects.toThrow(/CHECK/);
      await expect(
        db.run("INSERT INTO action_items (meeting_id, text, due_on, created_at, updated_at) VALUES (1, 'x', '2026-08-10', ?, ?)", [now, now]),
      ).rejects.toThrow(/CHECK/);
      // One group per peer.
      await db.run("INSERT INTO supervision_groups (name, created_at, updated_at) VALUES ('Kelompok A', ?, ?)", [now, now]);
      await db.run("INSERT INTO supervision_group_members (peer_id, group_id, joined_on) VALUES (1, 1, '2026-08-03')");
      await expect(db.run("INSERT INTO supervision_group_members (peer_id, group_id, joined_on) VALUES (1, 1, '2026-08-04')")).rejects.toThrow(/UNIQUE|PRIMARY/);
      // One first-contact measurement per help-seeker and instrument.
      await db.run("INSERT INTO help_seekers (code, code_year, code_number, created_at) VALUES ('HS-2026-001', 2026, 1, ?)", [now]);
      const measure = "INSERT INTO outcome_measures (help_seeker_id, instrument, occasion, measured_on, created_at) VALUES (1, 'who5', 'first_contact', '2026-08-03', ?)";
      await db.run(measure, [now]);
      await expect(db.run(measure, [now])).rejects.toThrow(/UNIQUE/);
      // Feedback cannot be changed or removed.
      await db.run("INSERT INTO session_feedback (given_on, helpful, felt_heard, would_recommend) VALUES ('2026-08-03', 5, 4, 5)");
      await expect(db.run('UPDATE session_feedback SET helpful = 1')).rejects.toThrow(/append-only/);
      await expect(db.run('DELETE FROM session_feedback')).rejects.toThrow(/append-only/);
      await expect(db.run("INSERT INTO session_feedback (given_on, helpful, felt_heard, would_recommend) VALUES ('2026-08-03', 6, 4, 5)")).rejects.toThrow(/CHECK/);
    },
  },
  5: {
    does: 'records key-slot changes with a kind and a state it knows, and finds the unsettled ones by an index',
    async check(db) {
      const now = '2026-08-03T08:00:00.000Z';
      const change = "INSERT INTO keyslot_changes (id, kind, user_id, slot_id, state, created_at) VALUES (?, ?, NULL, 's1', ?, ?)";
      await db.run(change, ['c1', 'recovery-key-replaced', 'awaiting-shown', now]);
      await expect(db.run(change, ['c2', 'recovery-key-lost', 'awaiting-shown', now])).rejects.toThrow(/CHECK/);
      await expect(db.run(change, ['c3', 'password-reset', 'half-done', now])).rejects.toThrow(/CHECK/);
      await expect(db.run(change, ['c1', 'password-reset', 'known', now])).rejects.toThrow(/UNIQUE|PRIMARY/);
      const plan = await db.all<{ detail: string }>("EXPLAIN QUERY PLAN SELECT id FROM keyslot_changes WHERE state IN ('awaiting-shown', 'known')");
      expect(plan.map((p) => p.detail).join(' ')).toContain('keyslot_changes_open');
    },
  },
  6: {
    does: 'lets the paged lists read their pages off an index, in the order the lists sort by, with no sort of their own',
    async check(db) {
      const planOf = async (sql: string) => (await db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)).map((p) => p.detail).join(' | ');
      const pages = {
        session_logs_by_day: "SELECT l.id FROM session_logs l ORDER BY coalesce(l.held_on, '9999') DESC, l.start_time DESC, l.id DESC LIMIT 50",
        session_logs_status_by_day:
          "SELECT l.id FROM session_logs l WHERE l.status = 'approved' ORDER BY coalesce(l.held_on, '9999') DESC, l.start_time DESC, l.id DESC LIMIT 50",
        session_logs_peer_by_day: "SELECT l.id FROM session_logs l WHERE l.peer_id = 1 ORDER BY coalesce(l.held_on, '9999') DESC, l.start_time DESC, l.id DESC LIMIT 50",
        session_logs_by_submitted: "SELECT l.id FROM session_logs l ORDER BY coalesce(l.submitted_at, '') DESC, l.id DESC LIMIT 50",
        cases_by_priority:
          "SELECT c.id FROM cases c ORDER BY CASE c.status WHEN 'closed' THEN 1 ELSE 0 END, CASE c.severity WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 ELSE 2 END, c.due_at, c.id LIMIT 50",
      };
      for (const [index, sql] of Object.entries(pages)) {
        const plan = await planOf(sql);
        expect([index, plan.includes(index), plan.includes('TEMP B-TREE')]).toEqual([index, true, false]);
      }
    },
  },
};

/** A peer added at schema 1 gets a first history entry with its status then. */
describe('migration 2 on a vault with peers', () => {
  it('starts each existing peer’s status history at the status they had', async () => {
    const db = await databaseBefore(2);
    const now = '2026-08-03T08:00:00.000Z';
    await db.run("INSERT INTO peers (full_name, class_name, status, created_at, updated_at) VALUES ('Budi', '8A', 'active', ?, ?)", [now, now]);
    await migrate(db, migrations.filter((m) => m.version <= 2));
    const history = await db.all('SELECT peer_id, from_status, to_status, changed_at FROM peer_status_history');
    expect(history).toEqual([{ peer_id: 1, from_status: null, to_status: 'active', changed_at: now }]);
    await expect(db.run("UPDATE peer_status_history SET to_status = 'alumni'")).rejects.toThrow(/append-only/);
    await expect(db.run('DELETE FROM peer_status_history')).rejects.toThrow(/append-only/);
  });
});

describe('migrations', () => {
  it('has its own test for every migration, numbered 1, 2, 3… in order', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(latestSchemaVersion).toBe(migrations.length);
    expect(Object.keys(migrationTests).map(Number)).toEqual(migrations.map((m) => m.version));
  });

  it('lists every migration file in the folder, one file per version', () => {
    const folder = path.join(__dirname, '../../electron/backend/db/migrations');
    const files = readdirSync(folder).filter((f) => /^\d{4}-.+\.ts$/.test(f));
    expect(files.map((f) => Number(f.slice(0, 4)))).toEqual(migrations.map((m) => m.version));
  });

  describe.each(migrations.map((m) => [m.version, m.name, m] as const))('migration %i (%s)', (version, _name, migration) => {
    it(`${migrationTests[version]?.does ?? 'has a test'}`, async () => {
      const db = await databaseBefore(version);
      await migrate(db, migrations.filter((m) => m.version <= version));
      expect(await schemaVersion(db)).toBe(version);
      await migrationTests[version]!.check(db);
    });

    it('is all or nothing: when it fails part-way the database stays at the version before', async () => {
      const db = await databaseBefore(version);
      const before = await schemaObjects(db);
      const failing: Migration = {
        ...migration,
        async up(target) {
          await migration.up(target);
          throw new Error('disk full');
        },
      };
      await expect(migrate(db, [...migrations.filter((m) => m.version < version), failing])).rejects.toThrow('disk full');
      expect(await schemaVersion(db)).toBe(version - 1);
      expect(await schemaObjects(db)).toEqual(before);
    });
  });

  it('brings a new database to the latest version in one go', async () => {
    const db = await emptyDatabase();
    expect(await migrate(db)).toBe(latestSchemaVersion);
    expect(await schemaVersion(db)).toBe(latestSchemaVersion);
  });

  it('does nothing when run again on an up-to-date database', async () => {
    const db = await emptyDatabase();
    await migrate(db);
    const before = await schemaObjects(db);
    expect(await migrate(db)).toBe(latestSchemaVersion);
    expect(await schemaObjects(db)).toEqual(before);
    expect(await schemaVersion(db)).toBe(latestSchemaVersion);
  });

  it('rolls back every step of a run when a later step fails, leaving the old version', async () => {
    const db = await emptyDatabase();
    const later: Migration = {
      version: latestSchemaVersion + 1,
      name: 'fails',
      async up(target) {
        await target.exec('CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT');
        await target.exec('INSERT INTO no_such_table VALUES (1)');
      },
    };
    await expect(migrate(db, [...migrations, later])).rejects.toThrow();
    expect(await schemaVersion(db)).toBe(0);
    expect(await schemaObjects(db)).toEqual([]);

    await migrate(db);
    await expect(migrate(db, [...migrations, later])).rejects.toThrow();
    expect(await schemaVersion(db)).toBe(latestSchemaVersion);
    expect(await schemaObjects(db)).not.toContain('table half_done');
  });

  it('refuses a database from the future without writing to it', async () => {
    const db = await emptyDatabase();
    await migrate(db);
    await db.exec(`PRAGMA user_version = ${latestSchemaVersion + 1}`);
    const before = await schemaObjects(db);
    await expect(migrate(db)).rejects.toBeInstanceOf(VaultTooNewError);
    expect(await schemaVersion(db)).toBe(latestSchemaVersion + 1);
    expect(await schemaObjects(db)).toEqual(before);
  });
});
