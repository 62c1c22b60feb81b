import type { Migration } from './migration';

/**
 * The default curriculum as of schema 2, in both languages. It is written out
 * here, not imported, so this migration inserts the same modules forever; a
 * later default is a later migration.
 */
const defaultModules = [
  {
    titleId: 'Peran dan batasan konselor sebaya',
    titleEn: 'The role and limits of a peer supporter',
    descriptionId:
      'Apa yang dilakukan konselor sebaya dan apa yang tidak: mendengarkan dan menemani, bukan menasihati, menghakimi, atau menangani masalah berat sendirian.',
    descriptionEn:
      'What a peer supporter does and does not do: listening and keeping company, not advising, judging or handling serious problems alone.',
    hours: 2,
    required: 1,
    refresherMonths: null,
  },
  {
    titleId: 'Mendengarkan aktif',
    titleEn: 'Active listening',
    descriptionId: 'Memberi perhatian penuh, bertanya dengan pertanyaan terbuka, memantulkan perasaan, dan merangkum cerita teman.',
    descriptionEn: 'Giving full attention, asking open questions, reflecting feelings and summarising what a friend said.',
    hours: 3,
    required: 1,
    refresherMonths: null,
  },
  {
    titleId: 'Empati',
    titleEn: 'Empathy',
    descriptionId: 'Memahami perasaan teman tanpa menghakimi, dan membedakan empati dari rasa kasihan.',
    descriptionEn: 'Understanding how a friend feels without judging, and telling empathy apart from pity.',
    hours: 2,
    required: 1,
    refresherMonths: null,
  },
  {
    titleId: 'Kerahasiaan dan batasnya',
    titleEn: 'Confidentiality and its limits',
    descriptionId:
      'Menjaga cerita teman tetap rahasia, dan kapan cerita itu wajib disampaikan kepada guru BK demi keselamatan seseorang.',
    descriptionEn: 'Keeping what a friend shares confidential, and when it must be passed to the school counselor for someone’s safety.',
    hours: 2,
    required: 1,
    refresherMonths: 12,
  },
  {
    titleId: 'Mengenali risiko dan kapan merujuk',
    titleEn: 'Recognising risk and when to refer',
    descriptionId:
      'Tanda-tanda bahaya (menyakiti diri, kekerasan, perundungan berat, penyalahgunaan zat) dan cara segera melibatkan guru BK.',
    descriptionEn: 'Warning signs (self-harm, violence, serious bullying, substance use) and how to involve the school counselor at once.',
    hours: 3,
    required: 1,
    refresherMonths: 6,
  },
  {
    titleId: 'Perundungan (bullying)',
    titleEn: 'Bullying',
    descriptionId: 'Bentuk-bentuk perundungan, dampaknya, dan cara mendampingi korban maupun saksi.',
    descriptionEn: 'Forms of bullying, their effects, and how to support targets and bystanders.',
    hours: 2,
    required: 0,
    refresherMonths: null,
  },
  {
    titleId: 'Merawat diri',
    titleEn: 'Self-care',
    descriptionId: 'Menjaga kesehatan diri sendiri selama mendampingi teman, dan kapan meminta bantuan.',
    descriptionEn: 'Looking after yourself while supporting others, and when to ask for help.',
    hours: 1.5,
    required: 0,
    refresherMonths: null,
  },
];

export const migration0002: Migration = {
  version: 2,
  name: 'peer-program',
  async up(db) {
    await db.exec(`
      -- Nomination, assigned supervisor, consent, pledge and knowledge scores live on the peer.
      ALTER TABLE peers ADD COLUMN nomination_source TEXT CHECK (nomination_source IN ('student','staff'));
      ALTER TABLE peers ADD COLUMN nominated_by TEXT;
      ALTER TABLE peers ADD COLUMN nominated_on TEXT;
      ALTER TABLE peers ADD COLUMN nomination_reason TEXT;
      -- The staff user (coordinator or supervisor) who supports this peer; later areas route a peer's work by it.
      ALTER TABLE peers ADD COLUMN supervisor_user_id INTEGER REFERENCES users(id);
      ALTER TABLE peers ADD COLUMN consent_on TEXT;
      ALTER TABLE peers ADD COLUMN consent_guardian TEXT;
      ALTER TABLE peers ADD COLUMN consent_relationship TEXT;
      ALTER TABLE peers ADD COLUMN consent_form_location TEXT;
      ALTER TABLE peers ADD COLUMN pledge_on TEXT;
      ALTER TABLE peers ADD COLUMN knowledge_pre INTEGER CHECK (knowledge_pre BETWEEN 0 AND 100);
      ALTER TABLE peers ADD COLUMN knowledge_post INTEGER CHECK (knowledge_post BETWEEN 0 AND 100);
      CREATE INDEX peers_supervisor ON peers(supervisor_user_id);

      -- Every status a peer has had, with when and by whom. Append-only: the override
      -- of an incomplete activation is part of it, and must not be quietly rewritten.
      CREATE TABLE peer_status_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        peer_id INTEGER NOT NULL REFERENCES peers(id),
        from_status TEXT,
        to_status TEXT NOT NULL CHECK (to_status IN
          ('nominated','interviewing','selected','in_training','active','paused','alumni','withdrawn')),
        changed_at TEXT NOT NULL,
        changed_by_user_id INTEGER REFERENCES users(id),
        reason TEXT,
        overridden INTEGER NOT NULL DEFAULT 0 CHECK (overridden IN (0,1))
      ) STRICT;
      CREATE INDEX peer_status_history_peer ON peer_status_history(peer_id, id);
      CREATE TRIGGER peer_status_history_no_update BEFORE UPDATE ON peer_status_history
        BEGIN SELECT RAISE(ABORT, 'the status history is append-only'); END;
      CREATE TRIGGER peer_status_history_no_delete BEFORE DELETE ON peer_status_history
        BEGIN SELECT RAISE(ABORT, 'the status history is append-only'); END;

      -- Peers on the roster before the life cycle was recorded start their history with their status then.
      INSERT INTO peer_status_history (peer_id, from_status, to_status, changed_at)
        SELECT id, NULL, status, created_at FROM peers;

      CREATE TABLE peer_interviews (
        peer_id INTEGER PRIMARY KEY REFERENCES peers(id),
        interviewed_on TEXT NOT NULL,
        interviewer TEXT NOT NULL,
        criteria TEXT NOT NULL DEFAULT '{}',
        notes TEXT NOT NULL DEFAULT '',
        decision TEXT NOT NULL CHECK (decision IN ('undecided','selected','not_selected')),
        updated_at TEXT NOT NULL,
        updated_by_user_id INTEGER REFERENCES users(id)
      ) STRICT;

      CREATE TABLE training_modules (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title_id TEXT NOT NULL,
        title_en TEXT NOT NULL,
        description_id TEXT NOT NULL DEFAULT '',
        description_en TEXT NOT NULL DEFAULT '',
        hours REAL NOT NULL CHECK (hours > 0),
        required INTEGER NOT NULL CHECK (required IN (0,1)),
        refresher_months INTEGER CHECK (refresher_months IS NULL OR refresher_months > 0),
        position INTEGER NOT NULL,
        retired_at TEXT,
        version INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (title_id != '' OR title_en != '')
      ) STRICT;

      -- Each module as it was after every change, so an edit or a retirement keeps the history.
      CREATE TABLE training_module_revisions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        module_id INTEGER NOT NULL REFERENCES training_modules(id),
        change TEXT NOT NULL CHECK (change IN ('created','edited','retired','restored')),
        changed_at TEXT NOT NULL,
        changed_by_user_id INTEGER REFERENCES users(id),
        snapshot TEXT NOT NULL
      ) STRICT;
      CREATE INDEX training_module_revisions_module ON training_module_revisions(module_id, id);

      -- One training session held for many peers at once (group entry).
      CREATE TABLE training_sessions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        module_id INTEGER NOT NULL REFERENCES training_modules(id),
        held_on TEXT NOT NULL,
        hours REAL NOT NULL CHECK (hours > 0),
        trainer TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by_user_id INTEGER REFERENCES users(id)
      ) STRICT;

      CREATE TABLE training_records (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        peer_id INTEGER NOT NULL REFERENCES peers(id),
        module_id INTEGER NOT NULL REFERENCES training_modules(id),
        session_id INTEGER REFERENCES training_sessions(id),
        attended_on TEXT NOT NULL,
        hours REAL NOT NULL CHECK (hours >= 0),
        trainer TEXT NOT NULL,
        completed INTEGER NOT NULL CHECK (completed IN (0,1)),
        score INTEGER CHECK (score IS NULL OR score BETWEEN 0 AND 100),
        created_at TEXT NOT NULL,
        created_by_user_id INTEGER REFERENCES users(id)
      ) STRICT;
      CREATE INDEX training_records_peer ON training_records(peer_id, module_id, attended_on);
      CREATE UNIQUE INDEX training_records_session_peer ON training_records(session_id, peer_id) WHERE session_id IS NOT NULL;

      CREATE TABLE outreach_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        held_on TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('class_visit','assembly','poster_media','parents_meeting','staff_briefing','other')),
        title TEXT NOT NULL,
        audience TEXT NOT NULL DEFAULT '',
        reached INTEGER NOT NULL CHECK (reached >= 0),
        notes TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX outreach_events_held_on ON outreach_events(held_on);

      CREATE TABLE outreach_event_peers (
        event_id INTEGER NOT NULL REFERENCES outreach_events(id) ON DELETE CASCADE,
        peer_id INTEGER NOT NULL REFERENCES peers(id),
        PRIMARY KEY (event_id, peer_id)
      ) STRICT;
    `);

    let position = 0;
    for (const m of defaultModules) {
      position += 1;
      const result = await db.run(
        `INSERT INTO training_modules
           (title_id, title_en, description_id, description_en, hours, required, refresher_months, position, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
        [m.titleId, m.titleEn, m.descriptionId, m.descriptionEn, m.hours, m.required, m.refresherMonths, position],
      );
      const snapshot = JSON.stringify({
        titleId: m.titleId,
        titleEn: m.titleEn,
        hours: m.hours,
        required: m.required === 1,
        refresherMonths: m.refresherMonths,
      });
      await db.run(
        `INSERT INTO training_module_revisions (module_id, change, changed_at, snapshot)
         VALUES (?, 'created', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?)`,
        [result.lastInsertRowid, snapshot],
      );
    }
  },
};
