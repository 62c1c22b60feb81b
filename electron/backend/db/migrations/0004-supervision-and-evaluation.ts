import type { Migration } from './migration';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(',');

// Written out here, not imported from the contract, so this migration creates the same schema forever.
const meetingKinds = list(['individual', 'group', 'case_conference']);
const meetingStatuses = list(['planned', 'held', 'cancelled']);
const competencies = list(['active_listening', 'empathy', 'confidentiality', 'limits_and_referral', 'record_keeping', 'reliability']);

/**
 * Supervision, evaluation and the term report (issue 5).
 *
 * - Supervision groups with a planned frequency; a peer is in at most one.
 * - Meetings (planned, held or cancelled) with attendees, topics, the cases
 *   and logs discussed, and action items with an owner (a peer or a staff
 *   account), a due day and whether they are done. A held meeting is never
 *   deleted; a case's timeline shows the held meetings that discussed it.
 * - Peer competency evaluations, one score (1–4) per competency.
 * - Outcome measurements per help-seeker code: the instrument is named by its
 *   id and each item answer is its own row, so another instrument needs no
 *   new table; the definitions (items, scoring) live in the contract as data.
 * - Anonymous feedback: the day and the answers, nothing that leads back to
 *   a session; append-only.
 * - Indexes for the term report's queries, which filter by the day a session
 *   was held, the moment a log was first submitted, a case opened and a
 *   referral made.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'supervision-and-evaluation',
  async up(db) {
    await db.exec(`
      CREATE TABLE supervision_groups (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL CHECK (name != ''),
        supervisor_user_id INTEGER REFERENCES users(id),
        frequency_days INTEGER NOT NULL DEFAULT 14 CHECK (frequency_days BETWEEN 1 AND 90),
        archived_at TEXT,
        version INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      -- One group per peer: the peer is the key.
      CREATE TABLE supervision_group_members (
        peer_id INTEGER PRIMARY KEY REFERENCES peers(id),
        group_id INTEGER NOT NULL REFERENCES supervision_groups(id),
        joined_on TEXT NOT NULL
      ) STRICT;
      CREATE INDEX supervision_group_members_group ON supervision_group_members(group_id);

      CREATE TABLE supervision_meetings (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        status TEXT NOT NULL CHECK (status IN (${meetingStatuses})),
        kind TEXT NOT NULL CHECK (kind IN (${meetingKinds})),
        -- The day it was held, or is planned for.
        held_on TEXT NOT NULL,
        start_time TEXT,
        duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 5 AND 600),
        group_id INTEGER REFERENCES supervision_groups(id),
        supervisor_user_id INTEGER NOT NULL REFERENCES users(id),
        notes TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        created_by_user_id INTEGER REFERENCES users(id),
        updated_at TEXT NOT NULL,
        CHECK (status != 'held' OR duration_minutes IS NOT NULL)
      ) STRICT;
      CREATE INDEX supervision_meetings_held_on ON supervision_meetings(status, held_on);
      CREATE INDEX supervision_meetings_supervisor ON supervision_meetings(supervisor_user_id, held_on);
      CREATE INDEX supervision_meetings_group ON supervision_meetings(group_id, status, held_on);
      CREATE TRIGGER supervision_meetings_no_delete BEFORE DELETE ON supervision_meetings
        BEGIN SELECT RAISE(ABORT, 'supervision meetings are never deleted'); END;
      CREATE TRIGGER supervision_meetings_held_stays_held BEFORE UPDATE OF status ON supervision_meetings
        WHEN OLD.status = 'held' AND NEW.status != 'held'
        BEGIN SELECT RAISE(ABORT, 'a held meeting stays held'); END;

      -- Peers and staff invited; present says who came (once the meeting is held).
      CREATE TABLE supervision_attendees (
        meeting_id INTEGER NOT NULL REFERENCES supervision_meetings(id),
        peer_id INTEGER REFERENCES peers(id),
        user_id INTEGER REFERENCES users(id),
        present INTEGER NOT NULL CHECK (present IN (0,1)),
        CHECK ((peer_id IS NULL) != (user_id IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX supervision_attendees_meeting_peer ON supervision_attendees(meeting_id, peer_id) WHERE peer_id IS NOT NULL;
      CREATE UNIQUE INDEX supervision_attendees_meeting_user ON supervision_attendees(meeting_id, user_id) WHERE user_id IS NOT NULL;
      CREATE INDEX supervision_attendees_peer ON supervision_attendees(peer_id, present, meeting_id) WHERE peer_id IS NOT NULL;

      CREATE TABLE supervision_topics (
        meeting_id INTEGER NOT NULL REFERENCES supervision_meetings(id),
        topic TEXT NOT NULL CHECK (topic != ''),
        PRIMARY KEY (meeting_id, topic)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE supervision_meeting_cases (
        meeting_id INTEGER NOT NULL REFERENCES supervision_meetings(id),
        case_id INTEGER NOT NULL REFERENCES cases(id),
        PRIMARY KEY (meeting_id, case_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX supervision_meeting_cases_case ON supervision_meeting_cases(case_id);

      CREATE TABLE supervision_meeting_logs (
        meeting_id INTEGER NOT NULL REFERENCES supervision_meetings(id),
        log_id INTEGER NOT NULL REFERENCES session_logs(id),
        PRIMARY KEY (meeting_id, log_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX supervision_meeting_logs_log ON supervision_meeting_logs(log_id);

      CREATE TABLE action_items (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        meeting_id INTEGER NOT NULL REFERENCES supervision_meetings(id),
        text TEXT NOT NULL CHECK (text != ''),
        owner_peer_id INTEGER REFERENCES peers(id),
        owner_user_id INTEGER REFERENCES users(id),
        due_on TEXT NOT NULL,
        done_at TEXT,
        done_by_user_id INTEGER REFERENCES users(id),
        version INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((owner_peer_id IS NULL) != (owner_user_id IS NULL))
      ) STRICT;
      CREATE INDEX action_items_meeting ON action_items(meeting_id);
      CREATE INDEX action_items_owner_user ON action_items(owner_user_id, done_at, due_on) WHERE owner_user_id IS NOT NULL;
      CREATE INDEX action_items_owner_peer ON action_items(owner_peer_id, done_at, due_on) WHERE owner_peer_id IS NOT NULL;

      CREATE TABLE peer_evaluations (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        peer_id INTEGER NOT NULL REFERENCES peers(id),
        evaluated_on TEXT NOT NULL,
        evaluator_user_id INTEGER NOT NULL REFERENCES users(id),
        comments TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX peer_evaluations_peer ON peer_evaluations(peer_id, evaluated_on);
      CREATE TRIGGER peer_evaluations_no_delete BEFORE DELETE ON peer_evaluations
        BEGIN SELECT RAISE(ABORT, 'evaluations are never deleted'); END;

      CREATE TABLE peer_evaluation_scores (
        evaluation_id INTEGER NOT NULL REFERENCES peer_evaluations(id),
        competency TEXT NOT NULL CHECK (competency IN (${competencies})),
        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 4),
        PRIMARY KEY (evaluation_id, competency)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE outcome_measures (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        help_seeker_id INTEGER NOT NULL REFERENCES help_seekers(id),
        instrument TEXT NOT NULL CHECK (instrument != ''),
        occasion TEXT NOT NULL CHECK (occasion IN ('first_contact','follow_up')),
        measured_on TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by_user_id INTEGER REFERENCES users(id)
      ) STRICT;
      CREATE INDEX outcome_measures_help_seeker ON outcome_measures(help_seeker_id, instrument, measured_on);
      CREATE INDEX outcome_measures_day ON outcome_measures(instrument, occasion, measured_on);
      CREATE UNIQUE INDEX outcome_measures_one_first_contact ON outcome_measures(help_seeker_id, instrument) WHERE occasion = 'first_contact';

      CREATE TABLE outcome_measure_items (
        measure_id INTEGER NOT NULL REFERENCES outcome_measures(id) ON DELETE CASCADE,
        item TEXT NOT NULL,
        score INTEGER NOT NULL CHECK (score >= 0),
        PRIMARY KEY (measure_id, item)
      ) STRICT, WITHOUT ROWID;

      -- Nothing here leads back to a help-seeker or a session: no code, no account, no time of day.
      CREATE TABLE session_feedback (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        given_on TEXT NOT NULL,
        helpful INTEGER NOT NULL CHECK (helpful BETWEEN 1 AND 5),
        felt_heard INTEGER NOT NULL CHECK (felt_heard BETWEEN 1 AND 5),
        would_recommend INTEGER NOT NULL CHECK (would_recommend BETWEEN 1 AND 5),
        comment TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX session_feedback_given_on ON session_feedback(given_on);
      CREATE TRIGGER session_feedback_no_update BEFORE UPDATE ON session_feedback
        BEGIN SELECT RAISE(ABORT, 'feedback is append-only'); END;
      CREATE TRIGGER session_feedback_no_delete BEFORE DELETE ON session_feedback
        BEGIN SELECT RAISE(ABORT, 'feedback is append-only'); END;

      -- The term report's filters.
      CREATE INDEX session_logs_held_on_status ON session_logs(held_on, status, help_seeker_id);
      CREATE INDEX session_logs_help_seeker_held_on ON session_logs(help_seeker_id, held_on) WHERE help_seeker_id IS NOT NULL;
      CREATE INDEX session_logs_first_submitted ON session_logs(first_submitted_at) WHERE first_submitted_at IS NOT NULL;
      CREATE INDEX cases_opened_at ON cases(opened_at);
      CREATE INDEX referrals_referred_on ON referrals(referred_on);
      CREATE INDEX training_records_attended_on ON training_records(attended_on);
    `);
  },
};
