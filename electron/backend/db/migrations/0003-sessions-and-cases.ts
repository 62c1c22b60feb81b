import type { Migration } from './migration';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(',');

// Written out here, not imported from the contract, so this migration creates the same schema forever.
const modes = list(['in_person', 'chat', 'phone', 'group']);
const topics = list(['school_work', 'friendship', 'family', 'bullying', 'relationships', 'grief', 'self_esteem', 'health', 'other']);
const riskItems = list([
  'self_harm_or_suicide',
  'wanting_to_hurt_someone',
  'violence_or_abuse_at_home',
  'sexual_abuse',
  'alcohol_or_drugs',
  'severe_distress',
  'family_crisis',
  'beyond_peer_role',
]);
const severities = list(['urgent', 'high', 'routine']);
const caseStatuses = list(['open', 'in_review', 'monitoring', 'referred', 'closed']);
const outcomes = list(['resolved', 'support_continues_elsewhere', 'moved_or_left', 'declined_help', 'other']);
const eventKinds = list(['opened', 'note', 'decision', 'status', 'assigned', 'log_linked', 'severity_raised', 'referral_made', 'referral_status']);
const serviceKinds = list(['school_counselor', 'psychologist', 'health_centre', 'hospital', 'child_protection', 'police', 'hotline', 'other']);
const referralStatuses = list(['pending', 'accepted', 'declined', 'completed']);

/** BEFORE UPDATE and BEFORE DELETE triggers that make a table append-only, like the audit log. */
const appendOnly = (table: string, what: string) => `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
    BEGIN SELECT RAISE(ABORT, '${what} is append-only'); END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
    BEGIN SELECT RAISE(ABORT, '${what} is append-only'); END;`;

/** The search index's tokenizer: words split on Unicode rules, accents ignored (é matches e). */
const tokenize = `tokenize = 'unicode61 remove_diacritics 2'`;

/**
 * Session logs, help-seekers, cases and referrals (issue 4). The rules that
 * protect trust are in the schema as well as in the services: an approved log
 * cannot change, review decisions, addenda and case timelines are append-only,
 * a closed case is final, a referral needs consent or an override reason, and
 * nothing but a never-submitted draft is ever deleted.
 *
 * Numbered 3 because the migration runner and its tests need consecutive
 * versions: a gap left for later migrations would be skipped on any vault
 * that had already passed it.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'sessions-and-cases',
  async up(db) {
    await db.exec(`
      -- The pseudonymous code is all that lists, logs, cases, exports and the audit log ever show.
      CREATE TABLE help_seekers (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        code TEXT NOT NULL UNIQUE,
        code_year INTEGER NOT NULL,
        code_number INTEGER NOT NULL CHECK (code_number > 0),
        created_at TEXT NOT NULL,
        created_by_user_id INTEGER REFERENCES users(id),
        UNIQUE (code_year, code_number)
      ) STRICT;

      -- Who the code is, kept apart and read only through the audited reveal.
      CREATE TABLE help_seeker_identities (
        help_seeker_id INTEGER PRIMARY KEY REFERENCES help_seekers(id),
        full_name TEXT NOT NULL DEFAULT '',
        class_name TEXT NOT NULL DEFAULT '',
        contact TEXT NOT NULL DEFAULT '',
        parent_contact TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL,
        updated_by_user_id INTEGER REFERENCES users(id)
      ) STRICT;

      CREATE TABLE session_logs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        peer_id INTEGER NOT NULL REFERENCES peers(id),
        help_seeker_id INTEGER REFERENCES help_seekers(id),
        held_on TEXT,
        start_time TEXT,
        duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 1 AND 600),
        mode TEXT CHECK (mode IS NULL OR mode IN (${modes})),
        group_size INTEGER CHECK (group_size IS NULL OR group_size >= 2),
        summary TEXT NOT NULL DEFAULT '',
        actions TEXT NOT NULL DEFAULT '',
        follow_up_on TEXT,
        no_risks INTEGER NOT NULL DEFAULT 0 CHECK (no_risks IN (0,1)),
        concern TEXT CHECK (concern IS NULL OR concern IN ('low','medium','high')),
        status TEXT NOT NULL CHECK (status IN ('draft','submitted','returned','approved')),
        -- The peer's own account, or the coordinator who typed in a paper form.
        entered_by_user_id INTEGER NOT NULL REFERENCES users(id),
        first_submitted_at TEXT,
        submitted_at TEXT,
        approved_at TEXT,
        approved_by_user_id INTEGER REFERENCES users(id),
        version INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((status = 'draft') = (first_submitted_at IS NULL)),
        CHECK ((status = 'approved') = (approved_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX session_logs_status ON session_logs(status, submitted_at);
      CREATE INDEX session_logs_peer ON session_logs(peer_id, held_on);
      CREATE INDEX session_logs_help_seeker ON session_logs(help_seeker_id);
      CREATE INDEX session_logs_held_on ON session_logs(held_on);
      CREATE TRIGGER session_logs_locked BEFORE UPDATE ON session_logs WHEN OLD.status = 'approved'
        BEGIN SELECT RAISE(ABORT, 'an approved session log is locked'); END;
      CREATE TRIGGER session_logs_no_delete BEFORE DELETE ON session_logs WHEN OLD.status != 'draft'
        BEGIN SELECT RAISE(ABORT, 'only a draft that was never submitted can be removed'); END;

      CREATE TABLE session_log_topics (
        log_id INTEGER NOT NULL REFERENCES session_logs(id) ON DELETE CASCADE,
        topic TEXT NOT NULL CHECK (topic IN (${topics})),
        PRIMARY KEY (log_id, topic)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX session_log_topics_topic ON session_log_topics(topic);

      CREATE TABLE session_log_risks (
        log_id INTEGER NOT NULL REFERENCES session_logs(id) ON DELETE CASCADE,
        item TEXT NOT NULL CHECK (item IN (${riskItems})),
        PRIMARY KEY (log_id, item)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX session_log_risks_item ON session_log_risks(item);

      -- The topics and risk screen of an approved log are locked with it.
      CREATE TRIGGER session_log_topics_locked_insert BEFORE INSERT ON session_log_topics
        WHEN (SELECT status FROM session_logs WHERE id = NEW.log_id) = 'approved'
        BEGIN SELECT RAISE(ABORT, 'an approved session log is locked'); END;
      CREATE TRIGGER session_log_topics_locked_delete BEFORE DELETE ON session_log_topics
        WHEN (SELECT status FROM session_logs WHERE id = OLD.log_id) = 'approved'
        BEGIN SELECT RAISE(ABORT, 'an approved session log is locked'); END;
      CREATE TRIGGER session_log_risks_locked_insert BEFORE INSERT ON session_log_risks
        WHEN (SELECT status FROM session_logs WHERE id = NEW.log_id) = 'approved'
        BEGIN SELECT RAISE(ABORT, 'an approved session log is locked'); END;
      CREATE TRIGGER session_log_risks_locked_delete BEFORE DELETE ON session_log_risks
        WHEN (SELECT status FROM session_logs WHERE id = OLD.log_id) = 'approved'
        BEGIN SELECT RAISE(ABORT, 'an approved session log is locked'); END;

      -- Every review decision, with the comment a returned log goes back with.
      CREATE TABLE session_log_reviews (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        log_id INTEGER NOT NULL REFERENCES session_logs(id),
        decision TEXT NOT NULL CHECK (decision IN ('returned','approved','escalated')),
        comment TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        by_user_id INTEGER REFERENCES users(id)
      ) STRICT;
      CREATE INDEX session_log_reviews_log ON session_log_reviews(log_id, id);
      ${appendOnly('session_log_reviews', 'the review history')}

      -- Corrections to an approved log, dated and signed with the author's name as it was then.
      CREATE TABLE session_log_addenda (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        log_id INTEGER NOT NULL REFERENCES session_logs(id),
        text TEXT NOT NULL CHECK (text != ''),
        at TEXT NOT NULL,
        author_user_id INTEGER NOT NULL REFERENCES users(id),
        author_name TEXT NOT NULL,
        author_role TEXT NOT NULL
      ) STRICT;
      CREATE INDEX session_log_addenda_log ON session_log_addenda(log_id, id);
      ${appendOnly('session_log_addenda', 'an addendum')}
      CREATE TRIGGER session_log_addenda_only_approved BEFORE INSERT ON session_log_addenda
        WHEN (SELECT status FROM session_logs WHERE id = NEW.log_id) != 'approved'
        BEGIN SELECT RAISE(ABORT, 'addenda are for approved logs'); END;

      CREATE TABLE cases (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        help_seeker_id INTEGER NOT NULL REFERENCES help_seekers(id),
        severity TEXT NOT NULL CHECK (severity IN (${severities})),
        status TEXT NOT NULL CHECK (status IN (${caseStatuses})),
        origin TEXT NOT NULL CHECK (origin IN ('risk_screen','review','manual')),
        assigned_user_id INTEGER REFERENCES users(id),
        opened_at TEXT NOT NULL,
        opened_by_user_id INTEGER REFERENCES users(id),
        due_at TEXT NOT NULL,
        closed_at TEXT,
        outcome TEXT CHECK (outcome IS NULL OR outcome IN (${outcomes})),
        last_event_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 0,
        CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
        CHECK ((status = 'closed') = (outcome IS NOT NULL))
      ) STRICT;
      CREATE INDEX cases_status ON cases(status, severity, due_at);
      CREATE INDEX cases_assigned ON cases(assigned_user_id, status);
      CREATE INDEX cases_help_seeker ON cases(help_seeker_id);
      -- The row holds the case's current state for the queues; its history is the timeline. Closed is final.
      CREATE TRIGGER cases_closed_final BEFORE UPDATE ON cases WHEN OLD.status = 'closed'
        BEGIN SELECT RAISE(ABORT, 'a closed case is final'); END;
      CREATE TRIGGER cases_no_delete BEFORE DELETE ON cases
        BEGIN SELECT RAISE(ABORT, 'cases are never deleted'); END;

      -- The logs a case came from or that joined it later.
      CREATE TABLE case_logs (
        case_id INTEGER NOT NULL REFERENCES cases(id),
        log_id INTEGER NOT NULL REFERENCES session_logs(id),
        linked_at TEXT NOT NULL,
        PRIMARY KEY (case_id, log_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX case_logs_log ON case_logs(log_id);
      ${appendOnly('case_logs', 'the link between cases and logs')}

      CREATE TABLE referral_services (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN (${serviceKinds})),
        name TEXT NOT NULL,
        organisation TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        archived_at TEXT,
        version INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE referrals (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        service_id INTEGER NOT NULL REFERENCES referral_services(id),
        referred_on TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason != ''),
        consent_by TEXT,
        consent_on TEXT,
        override_reason TEXT,
        status TEXT NOT NULL CHECK (status IN (${referralStatuses})),
        follow_up_on TEXT,
        created_at TEXT NOT NULL,
        created_by_user_id INTEGER REFERENCES users(id),
        version INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        -- No referral without consent (who and when) or a written reason for going ahead without it.
        CHECK ((consent_by IS NOT NULL AND consent_by != '' AND consent_on IS NOT NULL)
               OR (override_reason IS NOT NULL AND override_reason != ''))
      ) STRICT;
      CREATE INDEX referrals_case ON referrals(case_id);
      CREATE INDEX referrals_follow_up ON referrals(status, follow_up_on);
      CREATE TRIGGER referrals_no_delete BEFORE DELETE ON referrals
        BEGIN SELECT RAISE(ABORT, 'referrals are never deleted'); END;

      -- The case timeline: notes, decisions, status changes, assignments, referrals; each with author and time.
      CREATE TABLE case_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        kind TEXT NOT NULL CHECK (kind IN (${eventKinds})),
        at TEXT NOT NULL,
        author_user_id INTEGER REFERENCES users(id),
        body TEXT NOT NULL DEFAULT '',
        from_status TEXT CHECK (from_status IS NULL OR from_status IN (${caseStatuses})),
        to_status TEXT CHECK (to_status IS NULL OR to_status IN (${caseStatuses})),
        outcome TEXT CHECK (outcome IS NULL OR outcome IN (${outcomes})),
        assigned_user_id INTEGER REFERENCES users(id),
        severity TEXT CHECK (severity IS NULL OR severity IN (${severities})),
        log_id INTEGER REFERENCES session_logs(id),
        referral_id INTEGER REFERENCES referrals(id),
        referral_status TEXT CHECK (referral_status IS NULL OR referral_status IN (${referralStatuses}))
      ) STRICT;
      CREATE INDEX case_events_case ON case_events(case_id, id);
      ${appendOnly('case_events', 'the case timeline')}

      -- Full-text search inside the vault (FTS5 with external content: the text is stored once,
      -- in its own table; the index holds only tokens). Kept up to date by triggers.
      CREATE VIRTUAL TABLE session_log_text USING fts5(summary, actions, content = 'session_logs', content_rowid = 'id', ${tokenize});
      CREATE TRIGGER session_log_text_insert AFTER INSERT ON session_logs BEGIN
        INSERT INTO session_log_text (rowid, summary, actions) VALUES (NEW.id, NEW.summary, NEW.actions);
      END;
      CREATE TRIGGER session_log_text_update AFTER UPDATE OF summary, actions ON session_logs BEGIN
        INSERT INTO session_log_text (session_log_text, rowid, summary, actions) VALUES ('delete', OLD.id, OLD.summary, OLD.actions);
        INSERT INTO session_log_text (rowid, summary, actions) VALUES (NEW.id, NEW.summary, NEW.actions);
      END;
      CREATE TRIGGER session_log_text_delete AFTER DELETE ON session_logs BEGIN
        INSERT INTO session_log_text (session_log_text, rowid, summary, actions) VALUES ('delete', OLD.id, OLD.summary, OLD.actions);
      END;

      CREATE VIRTUAL TABLE addendum_text USING fts5(text, content = 'session_log_addenda', content_rowid = 'id', ${tokenize});
      CREATE TRIGGER addendum_text_insert AFTER INSERT ON session_log_addenda BEGIN
        INSERT INTO addendum_text (rowid, text) VALUES (NEW.id, NEW.text);
      END;

      CREATE VIRTUAL TABLE case_note_text USING fts5(body, content = 'case_events', content_rowid = 'id', ${tokenize});
      CREATE TRIGGER case_note_text_insert AFTER INSERT ON case_events WHEN NEW.body != '' BEGIN
        INSERT INTO case_note_text (rowid, body) VALUES (NEW.id, NEW.body);
      END;
    `);
  },
};
