import { addDays, sessionTopics, who5 } from '../../src/contract';
import type { Database } from '../../electron/backend/db/database';
import { classNames, familyNames, givenNames } from '../../electron/backend/demo/names';
import { entryHash, genesisHash } from '../../electron/backend/repositories/audit';
import type { ScaleCounts } from './counts';

/**
 * Ten years of a district's peer-support program written straight into the
 * vault with SQL (through the contract it would take days). Every row obeys
 * the schema's CHECKs and triggers (electron/backend/db/migrations): logs go
 * in as submitted, get their topics and risk screen, then most are approved;
 * addenda come after approval; cases, meetings and reviews are inserted in
 * their final state because their history tables are append-only. The audit
 * log is then written in time order with the repository's own hash
 * (repositories/audit.ts `entryHash`), so `audit.verify` walks a real chain.
 *
 * Everything is a formula of a row's number, so the same size always gives
 * the same vault. The shape, per 100,000 logs: 1,000 peers of whom about 200
 * are still active (each writes for about two years), 30,000 help-seekers
 * (three or four sessions each), 20,000 cases (4% still going, one of them a
 * long case with 300 logs), 2,000 supervision meetings with attendees, topics
 * and action items, three evaluations per peer, WHO-5 for half the
 * help-seekers, and about half a million audit entries.
 */

export interface SeedUsers {
  coordinatorId: number;
  /** The supervisor made through the contract (she has a key slot and can unlock). */
  supervisorId: number;
  /** A PIN hash (vault/secrets.ts `hashPin`) for every peer account. */
  pinHash: string;
}

/** Words the session summaries and case notes are made of; earlier ones are much more common. */
const words = [
  'teman', 'sekolah', 'kelas', 'merasa', 'cerita', 'tugas', 'rumah', 'orang', 'tua', 'guru', 'ujian', 'nilai', 'sedih',
  'marah', 'takut', 'bingung', 'capek', 'senang', 'lega', 'bicara', 'dengar', 'bantu', 'waktu', 'pulang', 'malam',
  'pagi', 'istirahat', 'kantin', 'olahraga', 'pelajaran', 'matematika', 'bahasa', 'ekstrakurikuler', 'lomba', 'pacar',
  'sahabat', 'kakak', 'adik', 'ayah', 'ibu', 'nenek', 'kakek', 'pindah', 'baru', 'lama', 'sendiri', 'kelompok',
  'ramai', 'sepi', 'ponsel', 'media', 'sosial', 'pesan', 'grup', 'ejekan', 'julukan', 'diam', 'menangis', 'tidur',
  'makan', 'sakit', 'kepala', 'perut', 'cemas', 'gugup', 'percaya', 'diri', 'malu', 'bangga', 'berhasil', 'gagal',
  'mencoba', 'lagi', 'rencana', 'minggu', 'depan', 'bertemu', 'janji', 'jujur', 'rahasia', 'aman', 'nyaman', 'ruang',
  'BK', 'konselor', 'sebaya', 'mendampingi', 'menyarankan', 'menemani', 'mencatat', 'tindak', 'lanjut', 'orangtua',
  'wali', 'kelasnya', 'tetangga', 'uang', 'jajan', 'ojek', 'hujan', 'banjir', 'liburan', 'lebaran', 'puasa', 'mudik',
  'pesantren', 'asrama', 'kos', 'sepeda', 'motor', 'jalan', 'kaki', 'terlambat', 'bolos', 'absen', 'hukuman',
  'piket', 'upacara', 'seragam', 'sepatu', 'buku', 'perpustakaan', 'laboratorium', 'praktikum', 'presentasi',
  'proyek', 'lukisan', 'musik', 'gitar', 'menyanyi', 'menari', 'futsal', 'basket', 'voli', 'renang', 'pramuka',
  'osis', 'pemilihan', 'ketua', 'wakil', 'bendahara', 'sekretaris', 'kegiatan', 'kemah', 'wisata', 'museum', 'pantai',
  'gunung', 'desa', 'kota', 'pasar', 'warung', 'toko', 'bengkel', 'sawah', 'kebun', 'ternak', 'kucing', 'anjing',
  'burung', 'ikan', 'hadiah', 'ulang', 'tahun', 'pesta', 'undangan', 'foto', 'video', 'game', 'daring', 'luring',
  'kuota', 'sinyal', 'laptop', 'tablet', 'kamera', 'drama', 'film', 'komik', 'novel', 'puisi', 'cerpen', 'mading',
];
/** One word in about one log in a thousand: the search that finds a few (see `searchTerms`). */
const rareWord = 'tawuran';
export const searchTerms = { common: words[0]!, rare: rareWord };

const meetingTopics = [
  'Batasan peran', 'Kerahasiaan', 'Rujukan ke guru BK', 'Merawat diri', 'Perundungan', 'Teknik mendengarkan',
  'Kasus sulit', 'Catatan sesi', 'Jadwal piket', 'Evaluasi program', 'Konflik teman', 'Kesehatan mental',
];

const q = (text: string) => `'${text.replace(/'/g, "''")}'`;
const values = (items: readonly string[]) => items.map((item, i) => `(${i}, ${q(item)})`).join(', ');

/**
 * Writes the whole district into an open, empty vault (one made by
 * `vault.create` with one supervisor added through the contract). Runs in one
 * transaction. `today` is the last day the data covers.
 */
export async function seedDistrict(db: Database, counts: ScaleCounts, users: SeedUsers, today: string, progress: (message: string) => void): Promise<void> {
  const N = counts.sessionLogs;
  const P = counts.peers;
  const Pl = P - counts.inTraining;
  const s = Math.max(1, Math.floor(Pl / 10));
  const H = counts.helpSeekers;
  const C = counts.cases;
  const O = counts.openCases;
  const M = counts.meetings;
  const D = counts.days;
  const St = counts.extraSupervisors + 1;
  const W = words.length;
  const first = addDays(today, -(D - 1));
  const window = Math.max(6, Math.round(N * 0.02));
  const bigCase = C - O; // 0-based: the first of the cases still going
  const bigFrom = Math.floor((N * 2) / 3);
  const bigStep = Math.max(1, Math.floor((N - window - bigFrom) / counts.bigCaseLogs));
  // A help-seeker with first and follow-up WHO-5 (ids ≡ 1 mod 6 have both, see below).
  const bigHs = Math.floor((bigFrom * H) / N) - (Math.floor((bigFrom * H) / N) % 6);

  const maxUser = (await db.get<{ n: number }>('SELECT max(id) AS n FROM users'))!.n;
  const supBase = maxUser + 1;
  const peerUserBase = supBase + counts.extraSupervisors;
  const modules = await db.all<{ id: number; hours: number }>('SELECT id, hours FROM training_modules ORDER BY position, id');

  /** SQL for a day `n` days after the first day (n may be negative). */
  const day = (n: string) => `date(${q(first)}, printf('%+d days', ${n}))`;
  /** SQL for a moment: day `n`, `minutes` after midnight. */
  const ts = (n: string, minutes: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${q(first)}, printf('%+d days', ${n}), printf('%+d minutes', ${minutes}))`;
  /** SQL for the staff account number `i` (0 is the supervisor with a key slot). */
  const staff = (i: string) => `(CASE WHEN (${i}) = 0 THEN ${users.supervisorId} ELSE ${supBase} - 1 + (${i}) END)`;
  /** SQL for a word picked by the number `x`, skewed towards the common ones. */
  const word = (x: string) => `(SELECT w FROM temp.bw WHERE i = ((${x}) % ${W}) * ((${x}) % ${W}) / ${W})`;
  const text = (k: string, n: number, salt: number) =>
    Array.from({ length: n }, (_, j) => word(`(${k}) * ${7919 + j * 104_729} + ${salt * 31 + j * 17}`)).join(" || ' ' || ");
  /** The peer (0-based) writing log `k`: about 2·s peers write at any time, each for about a fifth of the years. */
  const peerOfLog = (k: string) => `(${s} + (${k}) * ${Pl - 2 * s} / ${N} + ((${k}) * 37) % ${2 * s + 1} - ${s})`;
  /** The day peer `j` started writing logs (negative for those who started before the vault's first day). */
  const startDay = (j: string) => `(CASE WHEN (${j}) >= ${Pl} THEN ${D + 30} ELSE ((${j}) - ${2 * s}) * ${D} / ${Pl - 2 * s} END)`;
  const maxN = Math.max(N, H, C, P * 10, counts.feedback, D, M * 2) + 1;

  const steps: Array<[string, string]> = [
    [
      'helpers',
      `
      CREATE TEMP TABLE bn (k INTEGER PRIMARY KEY);
      WITH RECURSIVE n(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM n WHERE k < ${maxN - 1}) INSERT INTO temp.bn SELECT k FROM n;
      CREATE TEMP TABLE bw (i INTEGER PRIMARY KEY, w TEXT NOT NULL);
      INSERT INTO temp.bw VALUES ${values(words)};
      CREATE TEMP TABLE bgiven (i INTEGER PRIMARY KEY, w TEXT NOT NULL);
      INSERT INTO temp.bgiven VALUES ${values(givenNames)};
      CREATE TEMP TABLE bfamily (i INTEGER PRIMARY KEY, w TEXT NOT NULL);
      INSERT INTO temp.bfamily VALUES ${values(familyNames)};
      CREATE TEMP TABLE bclass (i INTEGER PRIMARY KEY, w TEXT NOT NULL);
      INSERT INTO temp.bclass VALUES ${values(classNames)};
      CREATE TEMP TABLE btopic (i INTEGER PRIMARY KEY, w TEXT NOT NULL);
      INSERT INTO temp.btopic VALUES ${values(sessionTopics)};
      CREATE TEMP TABLE bmtopic (i INTEGER PRIMARY KEY, w TEXT NOT NULL);
      INSERT INTO temp.bmtopic VALUES ${values(meetingTopics)};
      CREATE TEMP TABLE bmodule (i INTEGER PRIMARY KEY, id INTEGER NOT NULL, hours REAL NOT NULL);
      INSERT INTO temp.bmodule VALUES ${modules.map((m, i) => `(${i}, ${m.id}, ${m.hours})`).join(', ')};
      -- The log each case came from, and the logs of the one long case.
      CREATE TEMP TABLE bcl (k INTEGER PRIMARY KEY, c INTEGER NOT NULL);
      INSERT INTO temp.bcl SELECT k * ${N} / ${C}, k FROM temp.bn WHERE k < ${C};
      CREATE TEMP TABLE bbig (k INTEGER PRIMARY KEY);
      INSERT INTO temp.bbig SELECT ${bigFrom} + k * ${bigStep} FROM temp.bn WHERE k < ${counts.bigCaseLogs};
      INSERT OR IGNORE INTO temp.bbig VALUES (${bigCase} * ${N} / ${C});
      `,
    ],
    [
      'staff and peers',
      `
      INSERT INTO users (id, username, full_name, role, status, language, must_change_password, created_at, updated_at)
        SELECT ${supBase} + k, 'pembina.' || (k + 1),
               (SELECT w FROM temp.bgiven WHERE i = (k * 7 + 3) % ${givenNames.length}) || ' ' ||
               (SELECT w FROM temp.bfamily WHERE i = (k * 11 + 5) % ${familyNames.length}) || ', S.Psi.',
               'supervisor', 'active', 'id', 0, ${ts('k', '420')}, ${ts('k', '420')}
        FROM temp.bn WHERE k < ${counts.extraSupervisors};

      INSERT INTO peers (id, full_name, class_name, status, version, created_at, updated_at, nomination_source, nominated_by,
                         nominated_on, nomination_reason, supervisor_user_id, consent_on, consent_guardian, consent_relationship,
                         consent_form_location, pledge_on, knowledge_pre, knowledge_post)
        SELECT k + 1,
               (SELECT w FROM temp.bgiven WHERE i = k % ${givenNames.length}) || ' ' ||
               (SELECT w FROM temp.bfamily WHERE i = (k / ${givenNames.length}) % ${familyNames.length}),
               (SELECT w FROM temp.bclass WHERE i = k % ${classNames.length}),
               'active', 5, ${ts(`${startDay('k')} - 150`, '480')}, ${ts(`${startDay('k')} - 1`, '480')},
               CASE k % 3 WHEN 0 THEN 'student' ELSE 'staff' END, CASE k % 3 WHEN 0 THEN 'Teman sekelas' ELSE 'Wali kelas' END,
               ${day(`${startDay('k')} - 150`)}, 'Dipercaya teman-temannya dan pendengar yang baik.',
               ${staff(`(k / 10) % ${St}`)}, ${day(`${startDay('k')} - 125`)}, 'Orang tua ' || (k + 1),
               CASE k % 4 WHEN 0 THEN 'father' WHEN 3 THEN 'guardian' ELSE 'mother' END, 'Map BK, lemari 2',
               CASE WHEN k < ${Pl} THEN ${day(`${startDay('k')} - 5`)} END, 40 + k % 30, CASE WHEN k < ${Pl} THEN 70 + k % 30 END
        FROM temp.bn WHERE k < ${P};

      INSERT INTO users (id, username, full_name, role, status, language, peer_id, pin_hash, must_change_password, created_at, updated_at)
        SELECT ${peerUserBase} + p.id - 1, 'ks.' || p.id, p.full_name, 'peer', 'active', 'id', p.id, ${q(users.pinHash)}, 0,
               p.updated_at, p.updated_at
        FROM peers p WHERE p.id <= ${Pl};

      INSERT INTO peer_interviews (peer_id, interviewed_on, interviewer, criteria, notes, decision, updated_at, updated_by_user_id)
        SELECT p.id, date(p.nominated_on, '+14 days'), 'Guru BK',
               '{"trusted":true,"listener":true,"confidential":true,"steady":true,"reliable":true,"motivated":true}', '',
               'selected', p.created_at, ${users.coordinatorId}
        FROM peers p;
      `,
    ],
    [
      'help-seekers',
      `
      INSERT INTO help_seekers (id, code, code_year, code_number, created_at, created_by_user_id)
        SELECT k + 1, printf('HS-%d-%03d', y, rn), y, rn, d || 'T03:00:00.000Z', ${users.coordinatorId}
        FROM (SELECT k, d, CAST(strftime('%Y', d) AS INTEGER) AS y, row_number() OVER (PARTITION BY strftime('%Y', d) ORDER BY k) AS rn
              FROM (SELECT k, ${day(`k * ${D} / ${H}`)} AS d FROM temp.bn WHERE k < ${H}));
      INSERT INTO help_seeker_identities (help_seeker_id, full_name, class_name, contact, parent_contact, updated_at, updated_by_user_id)
        SELECT h.id, (SELECT w FROM temp.bgiven WHERE i = (h.id * 13) % ${givenNames.length}) || ' ' ||
                     (SELECT w FROM temp.bfamily WHERE i = (h.id * 7) % ${familyNames.length}),
               (SELECT w FROM temp.bclass WHERE i = h.id % ${classNames.length}), '08' || (1200000000 + h.id * 7919 % 800000000), '', h.created_at,
               ${users.coordinatorId}
        FROM help_seekers h WHERE h.id % 5 < 3;
      `,
    ],
    [
      'session logs',
      `
      INSERT INTO session_logs (id, peer_id, help_seeker_id, held_on, start_time, duration_minutes, mode, group_size, summary, actions,
                                follow_up_on, no_risks, concern, status, entered_by_user_id, first_submitted_at, submitted_at,
                                version, created_at, updated_at)
        SELECT lk + 1, pj + 1,
               CASE WHEN lk IN (SELECT k FROM temp.bbig) THEN ${bigHs + 1} ELSE lk * ${H} / ${N} + 1 END,
               ${day(`lk * ${D} / ${N}`)}, printf('%02d:%02d', 7 + lk % 8, (lk * 7) % 4 * 15), 15 + (lk * 13) % 46,
               CASE lk % 20 WHEN 0 THEN 'group' WHEN 1 THEN 'chat' WHEN 2 THEN 'chat' WHEN 3 THEN 'phone' ELSE 'in_person' END,
               CASE WHEN lk % 20 = 0 THEN 3 + lk % 5 END,
               ${text('lk', 10, 1)} || CASE WHEN lk % 997 = 0 THEN ' ${rareWord}' ELSE '' END,
               ${text('lk', 5, 2)},
               CASE WHEN lk % 4 = 0 THEN ${day(`lk * ${D} / ${N} + 7`)} END,
               CASE WHEN cl.c IS NULL THEN 1 ELSE 0 END,
               CASE WHEN cl.c IS NOT NULL THEN (CASE WHEN cl.c % 10 < 4 THEN 'high' ELSE 'medium' END)
                    WHEN lk % 10 = 0 THEN 'medium' ELSE 'low' END,
               st, CASE WHEN lk % 5 = 0 THEN ${users.coordinatorId} ELSE ${peerUserBase} + pj END,
               CASE WHEN st != 'draft' THEN ${ts(`lk * ${D} / ${N}`, '600 + lk % 300')} END,
               CASE WHEN st != 'draft' THEN ${ts(`lk * ${D} / ${N}`, '600 + lk % 300')} END,
               CASE WHEN st = 'draft' THEN 0 WHEN st = 'returned' THEN 2 ELSE 1 END,
               ${ts(`lk * ${D} / ${N}`, '570 + lk % 300')}, ${ts(`lk * ${D} / ${N}`, '600 + lk % 300')}
        FROM (SELECT n.k AS lk, ${peerOfLog('n.k')} AS pj,
                     CASE WHEN n.k < ${N - window} THEN 'submitted'
                          WHEN n.k % 6 < 4 THEN 'submitted' WHEN n.k % 6 = 4 THEN 'returned'
                          WHEN n.k IN (SELECT k FROM temp.bcl) THEN 'submitted' ELSE 'draft' END AS st
              FROM temp.bn n WHERE n.k < ${N}) AS x
        LEFT JOIN temp.bcl cl ON cl.k = x.lk;
      `,
    ],
    [
      'topics, risk screens, reviews, approvals, addenda',
      `
      INSERT INTO session_log_topics (log_id, topic)
        SELECT l.id, (SELECT w FROM temp.btopic WHERE i = l.id % ${sessionTopics.length}) FROM session_logs l;
      INSERT OR IGNORE INTO session_log_topics (log_id, topic)
        SELECT l.id, (SELECT w FROM temp.btopic WHERE i = (l.id * 3 + 1) % ${sessionTopics.length}) FROM session_logs l WHERE l.id % 3 = 0;
      -- The risk screen of the log a case came from: urgent, high or routine as the case's severity says.
      INSERT INTO session_log_risks (log_id, item)
        SELECT cl.k + 1, CASE WHEN cl.c % 10 = 0 THEN 'violence_or_abuse_at_home' WHEN cl.c % 10 = 1 THEN 'severe_distress'
                              WHEN cl.c % 10 = 2 THEN 'alcohol_or_drugs' WHEN cl.c % 10 = 3 THEN 'wanting_to_hurt_someone'
                              WHEN cl.c % 2 = 0 THEN 'family_crisis' ELSE 'beyond_peer_role' END
        FROM temp.bcl cl;
      INSERT INTO session_log_reviews (log_id, decision, comment, at, by_user_id)
        SELECT l.id, 'returned', 'Tolong lengkapi tindak lanjutnya.', strftime('%Y-%m-%dT%H:%M:%fZ', l.submitted_at, '+3 hours'), ${users.coordinatorId}
        FROM session_logs l WHERE l.status = 'returned';
      INSERT INTO session_log_reviews (log_id, decision, comment, at, by_user_id)
        SELECT l.id, 'approved', '', strftime('%Y-%m-%dT%H:%M:%fZ', l.submitted_at, printf('+%d hours', 1 + l.id % 70)), ${users.coordinatorId}
        FROM session_logs l WHERE l.id <= ${N - window};
      UPDATE session_logs SET status = 'approved', approved_by_user_id = ${users.coordinatorId}, version = 2,
             approved_at = strftime('%Y-%m-%dT%H:%M:%fZ', submitted_at, printf('+%d hours', 1 + id % 70)),
             updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', submitted_at, printf('+%d hours', 1 + id % 70))
        WHERE id <= ${N - window};
      INSERT INTO session_log_addenda (log_id, text, at, author_user_id, author_name, author_role)
        SELECT l.id, 'Tambahan: ' || ${text('l.id', 6, 3)}, strftime('%Y-%m-%dT%H:%M:%fZ', l.approved_at, '+1 days'),
               ${users.coordinatorId}, (SELECT full_name FROM users WHERE id = ${users.coordinatorId}), 'coordinator'
        FROM session_logs l WHERE l.status = 'approved' AND l.id % 100 = 50;
      `,
    ],
    [
      'peer status',
      `
      -- Peers who wrote nothing in the last 60 days have left the program (alumni); one in twenty of the rest is paused.
      -- The newest, who have not written yet, are active.
      UPDATE peers SET status = CASE
          WHEN id > ${Pl} THEN 'in_training'
          WHEN NOT EXISTS (SELECT 1 FROM session_logs l WHERE l.peer_id = peers.id AND l.held_on >= ${day(`${D - 61}`)})
               AND EXISTS (SELECT 1 FROM session_logs l WHERE l.peer_id = peers.id) THEN 'alumni'
          WHEN id % 20 = 0 THEN 'paused' ELSE 'active' END;
      UPDATE users SET status = 'disabled' WHERE role = 'peer' AND peer_id IN (SELECT id FROM peers WHERE status = 'alumni');
      INSERT INTO peer_status_history (peer_id, from_status, to_status, changed_at, changed_by_user_id, reason, overridden)
        SELECT p.id, f, t, strftime('%Y-%m-%dT%H:%M:%fZ', p.nominated_on, printf('+%d days', dd), '+8 hours'), ${users.coordinatorId}, NULL, 0
        FROM peers p JOIN (SELECT NULL AS f, 'nominated' AS t, 0 AS dd, 0 AS o UNION ALL SELECT 'nominated', 'interviewing', 10, 1
                           UNION ALL SELECT 'interviewing', 'selected', 20, 2 UNION ALL SELECT 'selected', 'in_training', 30, 3
                           UNION ALL SELECT 'in_training', 'active', 149, 4) AS steps
          ON steps.o < CASE WHEN p.status = 'in_training' THEN 4 ELSE 5 END
        ORDER BY p.id, steps.o;
      INSERT INTO peer_status_history (peer_id, from_status, to_status, changed_at, changed_by_user_id, reason, overridden)
        SELECT p.id, 'active', p.status,
               strftime('%Y-%m-%dT%H:%M:%fZ', coalesce((SELECT max(held_on) FROM session_logs l WHERE l.peer_id = p.id), ${q(today)}), CASE p.status WHEN 'alumni' THEN '+30 days' ELSE '+0 days' END, '+18 hours'),
               ${users.coordinatorId}, CASE p.status WHEN 'alumni' THEN 'Lulus' ELSE 'Cuti' END, 0
        FROM peers p WHERE p.status IN ('alumni', 'paused');
      `,
    ],
    [
      'training',
      `
      INSERT INTO training_sessions (id, module_id, held_on, hours, trainer, notes, created_at, created_by_user_id)
        SELECT g.k * ${modules.length} + m.i + 1, m.id, ${day(`${startDay('g.k * 10')} - 120 + m.i * 3`)}, m.hours, 'Guru BK', '',
               ${ts(`${startDay('g.k * 10')} - 120 + m.i * 3`, '900')}, ${users.coordinatorId}
        FROM temp.bn g JOIN temp.bmodule m WHERE g.k < ${Math.ceil(P / 10)};
      INSERT INTO training_records (peer_id, module_id, session_id, attended_on, hours, trainer, completed, score, created_at, created_by_user_id)
        SELECT p.id, ts.module_id, ts.id, ts.held_on, ts.hours, ts.trainer, 1, 60 + (p.id * 7 + ts.module_id) % 40, ts.created_at, ${users.coordinatorId}
        FROM peers p JOIN training_sessions ts ON ts.id BETWEEN (p.id - 1) / 10 * ${modules.length} + 1 AND (p.id - 1) / 10 * ${modules.length} + ${modules.length}
        WHERE p.status != 'in_training' OR ts.id <= (p.id - 1) / 10 * ${modules.length} + 3;
      `,
    ],
    [
      'cases and referrals',
      `
      INSERT INTO cases (id, help_seeker_id, severity, status, origin, assigned_user_id, opened_at, opened_by_user_id, due_at, closed_at,
                         outcome, last_event_at, version)
        SELECT cl.c + 1, CASE WHEN cl.c = ${bigCase} THEN ${bigHs + 1} ELSE l.help_seeker_id END,
               CASE WHEN cl.c % 10 = 0 THEN 'urgent' WHEN cl.c % 10 < 4 THEN 'high' ELSE 'routine' END,
               CASE WHEN cl.c = ${bigCase} THEN 'monitoring' WHEN cl.c < ${C - O} THEN 'closed'
                    ELSE (CASE cl.c % 4 WHEN 0 THEN 'open' WHEN 1 THEN 'in_review' WHEN 2 THEN 'monitoring' ELSE 'referred' END) END,
               'risk_screen', CASE WHEN cl.c % 3 = 0 THEN ${users.coordinatorId} ELSE ${staff(`(cl.c / 3) % ${St}`)} END,
               l.first_submitted_at, l.entered_by_user_id,
               strftime('%Y-%m-%dT%H:%M:%fZ', l.first_submitted_at, CASE WHEN cl.c % 10 = 0 THEN '+1 days' WHEN cl.c % 10 < 4 THEN '+3 days' ELSE '+7 days' END),
               CASE WHEN cl.c < ${C - O} AND cl.c != ${bigCase} THEN strftime('%Y-%m-%dT%H:%M:%fZ', l.first_submitted_at, printf('+%d days', 20 + cl.c % 40)) END,
               CASE WHEN cl.c < ${C - O} AND cl.c != ${bigCase} THEN
                 (CASE cl.c % 5 WHEN 0 THEN 'support_continues_elsewhere' WHEN 1 THEN 'moved_or_left' WHEN 2 THEN 'declined_help' ELSE 'resolved' END) END,
               CASE WHEN cl.c < ${C - O} AND cl.c != ${bigCase} THEN strftime('%Y-%m-%dT%H:%M:%fZ', l.first_submitted_at, printf('+%d days', 20 + cl.c % 40))
                    ELSE strftime('%Y-%m-%dT%H:%M:%fZ', l.first_submitted_at, '+5 days') END,
               3
        FROM temp.bcl cl JOIN session_logs l ON l.id = cl.k + 1;

      INSERT INTO case_logs (case_id, log_id, linked_at)
        SELECT cl.c + 1, cl.k + 1, l.first_submitted_at FROM temp.bcl cl JOIN session_logs l ON l.id = cl.k + 1;
      -- The help-seeker's next log joins the case when it is about the same help-seeker.
      INSERT OR IGNORE INTO case_logs (case_id, log_id, linked_at)
        SELECT cl.c + 1, l.id, l.first_submitted_at FROM temp.bcl cl JOIN session_logs l ON l.id = cl.k + 2
        WHERE cl.c % 4 = 0 AND l.help_seeker_id = (SELECT help_seeker_id FROM session_logs WHERE id = cl.k + 1) AND l.status != 'draft';
      INSERT OR IGNORE INTO case_logs (case_id, log_id, linked_at)
        SELECT ${bigCase + 1}, b.k + 1, l.first_submitted_at FROM temp.bbig b JOIN session_logs l ON l.id = b.k + 1;

      INSERT INTO referral_services (id, kind, name, organisation, phone, notes, archived_at, version, created_at, updated_at)
        SELECT k + 1, CASE k % 8 WHEN 0 THEN 'school_counselor' WHEN 1 THEN 'psychologist' WHEN 2 THEN 'health_centre' WHEN 3 THEN 'hospital'
                              WHEN 4 THEN 'child_protection' WHEN 5 THEN 'police' WHEN 6 THEN 'hotline' ELSE 'other' END,
               'Layanan ' || (k + 1), 'Kabupaten Contoh', '0274-55' || (1000 + k), '', CASE WHEN k % 10 = 9 THEN ${ts('100', '0')} END, 0,
               ${ts('0', '480')}, ${ts('0', '480')}
        FROM temp.bn WHERE k < ${counts.referralServices};
      INSERT INTO referrals (id, case_id, service_id, referred_on, reason, consent_by, consent_on, override_reason, status, follow_up_on,
                             created_at, created_by_user_id, version, updated_at)
        SELECT c.id / 10 + 1, c.id, (c.id % ${counts.referralServices - 1}) + 1, date(c.opened_at, '+3 days'), 'Perlu pendampingan profesional.',
               'Orang tua/wali', date(c.opened_at, '+2 days'), NULL,
               CASE WHEN c.status = 'closed' THEN 'completed' WHEN c.status = 'referred' THEN 'accepted' ELSE 'pending' END,
               CASE WHEN c.status != 'closed' THEN date(c.opened_at, '+17 days') END,
               strftime('%Y-%m-%dT%H:%M:%fZ', c.opened_at, '+3 days'), c.assigned_user_id, 0, strftime('%Y-%m-%dT%H:%M:%fZ', c.opened_at, '+3 days')
        FROM cases c WHERE (c.id - 1) % 10 = 3;
      `,
    ],
    [
      'case timelines',
      `
      INSERT INTO case_events (case_id, kind, at, author_user_id, body, to_status, severity, log_id)
        SELECT c.id, 'opened', c.opened_at, c.opened_by_user_id, '', 'open', c.severity, cl.k + 1
        FROM cases c JOIN temp.bcl cl ON cl.c = c.id - 1;
      INSERT INTO case_events (case_id, kind, at, author_user_id, body)
        SELECT c.id, 'note', strftime('%Y-%m-%dT%H:%M:%fZ', c.opened_at, '+1 days'), c.assigned_user_id, ${text('c.id', 14, 4)}
        FROM cases c;
      INSERT INTO case_events (case_id, kind, at, author_user_id, body, from_status, to_status)
        SELECT c.id, 'status', strftime('%Y-%m-%dT%H:%M:%fZ', c.opened_at, '+2 days'), c.assigned_user_id, '', 'open', 'in_review'
        FROM cases c WHERE c.status != 'open';
      INSERT INTO case_events (case_id, kind, at, author_user_id, body, referral_id, referral_status)
        SELECT r.case_id, 'referral_made', r.created_at, r.created_by_user_id, '', r.id, 'pending' FROM referrals r;
      INSERT INTO case_events (case_id, kind, at, author_user_id, body, from_status, to_status)
        SELECT c.id, 'status', strftime('%Y-%m-%dT%H:%M:%fZ', c.opened_at, '+5 days'), c.assigned_user_id, '', 'in_review', c.status
        FROM cases c WHERE c.status IN ('monitoring', 'referred');
      INSERT INTO case_events (case_id, kind, at, author_user_id, body, from_status, to_status, outcome)
        SELECT c.id, 'status', c.closed_at, c.assigned_user_id, ${text('c.id', 8, 5)}, 'in_review', 'closed', c.outcome
        FROM cases c WHERE c.status = 'closed';
      INSERT INTO case_events (case_id, kind, at, author_user_id, body, log_id)
        SELECT cl.case_id, 'log_linked', cl.linked_at, ${users.coordinatorId}, '', cl.log_id
        FROM case_logs cl WHERE NOT EXISTS (SELECT 1 FROM temp.bcl b WHERE b.k + 1 = cl.log_id AND b.c + 1 = cl.case_id)
        ORDER BY cl.linked_at;
      UPDATE cases SET last_event_at = (SELECT max(at) FROM case_events e WHERE e.case_id = cases.id) WHERE status != 'closed';
      `,
    ],
    [
      'supervision',
      `
      INSERT INTO supervision_groups (id, name, supervisor_user_id, frequency_days, archived_at, version, created_at, updated_at)
        SELECT g.k + 1, 'Kelompok ' || (g.k + 1), ${staff(`g.k % ${St}`)}, 14, NULL, 0,
               ${ts(`${startDay('g.k * 10')} - 130`, '480')}, ${ts(`${startDay('g.k * 10')} - 130`, '480')}
        FROM temp.bn g WHERE g.k < ${Math.ceil(P / 10)};
      UPDATE supervision_groups SET archived_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), version = 1
        WHERE NOT EXISTS (SELECT 1 FROM peers p WHERE (p.id - 1) / 10 + 1 = supervision_groups.id AND p.status != 'alumni');
      INSERT INTO supervision_group_members (peer_id, group_id, joined_on)
        SELECT p.id, (p.id - 1) / 10 + 1, date(p.nominated_on, '+30 days') FROM peers p;

      -- Meetings every few days over the years and a month ahead, each with the group active then.
      CREATE TEMP TABLE bm AS
        SELECT k AS m, k * ${D + 30} / ${M} AS d,
               min(${Math.ceil(P / 10) - 1}, (k * ${D + 30} / ${M}) * ${Pl - 2 * s} / ${D} / 10 + (k * 7) % ${Math.max(1, Math.floor((2 * s) / 10))}) AS g
        FROM temp.bn WHERE k < ${M};
      INSERT INTO supervision_meetings (id, status, kind, held_on, start_time, duration_minutes, group_id, supervisor_user_id, notes, version,
                                        created_at, created_by_user_id, updated_at)
        SELECT bm.m + 1, CASE WHEN bm.d >= ${D} THEN 'planned' WHEN bm.m % 40 = 0 THEN 'cancelled' ELSE 'held' END,
               CASE WHEN bm.m % 10 = 0 THEN 'individual' WHEN bm.m % 20 = 5 THEN 'case_conference' ELSE 'group' END,
               ${day('bm.d')}, '14:00', 60, CASE WHEN bm.m % 10 = 0 THEN NULL ELSE bm.g + 1 END, g.supervisor_user_id,
               ${text('bm.m', 12, 6)}, 1, ${ts('bm.d - 7', '600')}, g.supervisor_user_id, ${ts('bm.d', '900')}
        FROM temp.bm JOIN supervision_groups g ON g.id = bm.g + 1;
      INSERT INTO supervision_attendees (meeting_id, peer_id, user_id, present)
        SELECT bm.m + 1, p.id, NULL, CASE WHEN bm.d >= ${D} THEN 0 WHEN (bm.m + p.id) % 7 = 0 THEN 0 ELSE 1 END
        FROM temp.bm JOIN peers p ON (p.id - 1) / 10 = bm.g
        WHERE bm.m % 10 != 0 OR p.id = bm.g * 10 + 1;
      INSERT INTO supervision_attendees (meeting_id, peer_id, user_id, present)
        SELECT sm.id, NULL, sm.supervisor_user_id, CASE WHEN sm.status = 'held' THEN 1 ELSE 0 END FROM supervision_meetings sm;
      INSERT INTO supervision_topics (meeting_id, topic)
        SELECT bm.m + 1, (SELECT w FROM temp.bmtopic WHERE i = bm.m % ${meetingTopics.length}) FROM temp.bm;
      INSERT OR IGNORE INTO supervision_topics (meeting_id, topic)
        SELECT bm.m + 1, (SELECT w FROM temp.bmtopic WHERE i = (bm.m * 5 + 3) % ${meetingTopics.length}) FROM temp.bm WHERE bm.m % 2 = 0;
      INSERT OR IGNORE INTO supervision_meeting_cases (meeting_id, case_id)
        SELECT bm.m + 1, max(1, min(${C}, bm.d * ${C} / ${D} + x.o)) FROM temp.bm JOIN (SELECT 0 AS o UNION ALL SELECT 1) AS x
        WHERE bm.m % 20 = 5 OR bm.m % 7 = 0;
      INSERT OR IGNORE INTO supervision_meeting_logs (meeting_id, log_id)
        SELECT bm.m + 1, max(1, min(${N}, bm.d * ${N} / ${D} - x.o)) FROM temp.bm JOIN (SELECT 1 AS o UNION ALL SELECT 9) AS x
        WHERE bm.m % 3 = 0;
      INSERT INTO action_items (meeting_id, text, owner_peer_id, owner_user_id, due_on, done_at, done_by_user_id, version, created_at, updated_at)
        SELECT sm.id, 'Tindak lanjut: ' || ${text('sm.id', 4, 7)},
               CASE WHEN x.o = 0 THEN (sm.id * 7) % ${P} + 1 END, CASE WHEN x.o = 1 THEN sm.supervisor_user_id END,
               date(sm.held_on, '+14 days'),
               CASE WHEN date(sm.held_on, '+34 days') < ${q(today)} AND sm.id % 9 != 0 THEN strftime('%Y-%m-%dT%H:%M:%fZ', sm.held_on, '+12 days') END,
               CASE WHEN date(sm.held_on, '+34 days') < ${q(today)} AND sm.id % 9 != 0 THEN sm.supervisor_user_id END,
               0, sm.updated_at, sm.updated_at
        FROM supervision_meetings sm JOIN (SELECT 0 AS o UNION ALL SELECT 1) AS x
        WHERE sm.status != 'cancelled' AND (x.o = 0 OR sm.id % 2 = 0);
      `,
    ],
    [
      'evaluations, outcomes, feedback, outreach',
      `
      INSERT INTO peer_evaluations (id, peer_id, evaluated_on, evaluator_user_id, comments, version, created_at, updated_at)
        SELECT (p.id - 1) * 3 + x.o + 1, p.id, ${day(`${startDay('p.id - 1')} + 90 + x.o * 240`)}, p.supervisor_user_id,
               'Perkembangan baik; ' || ${text('p.id * 3 + x.o', 5, 8)}, 0,
               ${ts(`${startDay('p.id - 1')} + 90 + x.o * 240`, '800')}, ${ts(`${startDay('p.id - 1')} + 90 + x.o * 240`, '800')}
        FROM peers p JOIN (SELECT 0 AS o UNION ALL SELECT 1 UNION ALL SELECT 2) AS x
        WHERE p.status != 'in_training' AND ${startDay('p.id - 1')} + 90 + x.o * 240 < ${D};
      INSERT INTO peer_evaluation_scores (evaluation_id, competency, score)
        SELECT e.id, c.w, 1 + (e.id + c.i) % 4
        FROM peer_evaluations e JOIN (SELECT 0 AS i, 'active_listening' AS w UNION ALL SELECT 1, 'empathy' UNION ALL SELECT 2, 'confidentiality'
                                      UNION ALL SELECT 3, 'limits_and_referral' UNION ALL SELECT 4, 'record_keeping' UNION ALL SELECT 5, 'reliability') AS c;

      INSERT INTO outcome_measures (help_seeker_id, instrument, occasion, measured_on, created_at, created_by_user_id)
        SELECT h.id, 'who5', 'first_contact', date(h.created_at), h.created_at, ${users.coordinatorId} FROM help_seekers h WHERE h.id % 2 = 1;
      INSERT INTO outcome_measures (help_seeker_id, instrument, occasion, measured_on, created_at, created_by_user_id)
        SELECT h.id, 'who5', 'follow_up', date(h.created_at, '+30 days'), strftime('%Y-%m-%dT%H:%M:%fZ', h.created_at, '+30 days'), ${users.coordinatorId}
        FROM help_seekers h WHERE h.id % 6 = 1 AND date(h.created_at, '+30 days') <= ${q(today)};
      INSERT INTO outcome_measure_items (measure_id, item, score)
        SELECT m.id, i.w, (m.id + i.i * 3) % 6
        FROM outcome_measures m JOIN (${who5.items.map((item, i) => `SELECT ${i} AS i, ${q(item.key)} AS w`).join(' UNION ALL ')}) AS i;

      INSERT INTO session_feedback (given_on, helpful, felt_heard, would_recommend, comment)
        SELECT ${day(`k * ${D} / ${counts.feedback}`)}, 3 + k % 3, 2 + k % 4, 3 + (k / 3) % 3, CASE WHEN k % 10 = 0 THEN 'Terima kasih sudah mendengarkan.' ELSE '' END
        FROM temp.bn WHERE k < ${counts.feedback};

      INSERT INTO outreach_events (id, held_on, kind, title, audience, reached, notes, version, created_at, updated_at)
        SELECT k + 1, ${day(`k * ${D} / ${counts.outreachEvents}`)},
               CASE k % 6 WHEN 0 THEN 'class_visit' WHEN 1 THEN 'assembly' WHEN 2 THEN 'poster_media' WHEN 3 THEN 'parents_meeting'
                          WHEN 4 THEN 'staff_briefing' ELSE 'other' END,
               'Sosialisasi konselor sebaya ' || (k + 1), 'Kelas ' || (SELECT w FROM temp.bclass WHERE i = k % ${classNames.length}),
               20 + (k * 37) % 280, '', 0, ${ts(`k * ${D} / ${counts.outreachEvents}`, '780')}, ${ts(`k * ${D} / ${counts.outreachEvents}`, '780')}
        FROM temp.bn WHERE k < ${counts.outreachEvents};
      INSERT OR IGNORE INTO outreach_event_peers (event_id, peer_id)
        SELECT e.id, ${peerOfLog(`(e.id - 1) * ${N} / ${counts.outreachEvents} + x.o`)} + 1
        FROM outreach_events e JOIN (SELECT 0 AS o UNION ALL SELECT 1 UNION ALL SELECT 2) AS x;
      `,
    ],
  ];

  await db.exec('BEGIN IMMEDIATE');
  try {
    for (const [name, sql] of steps) {
      const started = Date.now();
      await db.exec(sql);
      progress(`${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
    const started = Date.now();
    const entries = await writeAuditLog(db, { first, days: D, staffCount: St, staff, coordinatorId: users.coordinatorId, ts });
    progress(`audit log: ${entries.toLocaleString('en')} entries, hash-chained (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    await db.exec(`DROP TABLE temp.bn; DROP TABLE temp.bw; DROP TABLE temp.bgiven; DROP TABLE temp.bfamily; DROP TABLE temp.bclass;
      DROP TABLE temp.btopic; DROP TABLE temp.bmtopic; DROP TABLE temp.bmodule; DROP TABLE temp.bcl;
      DROP TABLE temp.bbig; DROP TABLE temp.bm;`);
    await db.exec('COMMIT');
  } catch (error) {
    await db.exec('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

interface AuditContext {
  first: string;
  days: number;
  staffCount: number;
  coordinatorId: number;
  staff(i: string): string;
  ts(n: string, minutes: string): string;
}

/**
 * The audit trail of everything seedDistrict wrote, plus the days' sign-ins,
 * searches, backups and report exports, in time order, appended to the chain
 * the contract calls before it started. Returns how many entries it wrote.
 */
async function writeAuditLog(db: Database, a: AuditContext): Promise<number> {
  const daily = (k: string) => `temp.bn WHERE ${k} < ${a.days}`;
  await db.exec(`
    CREATE TEMP TABLE ba (at TEXT NOT NULL, actor INTEGER, action TEXT NOT NULL, target TEXT, details TEXT NOT NULL);
    INSERT INTO temp.ba SELECT created_at, entered_by_user_id, 'session-log.created', 'session-log:' || id,
        CASE WHEN entered_by_user_id = ${a.coordinatorId} THEN json_object('peerId', peer_id) ELSE '{}' END FROM session_logs;
    INSERT INTO temp.ba SELECT first_submitted_at, entered_by_user_id, 'session-log.submitted', 'session-log:' || id, '{}'
      FROM session_logs WHERE first_submitted_at IS NOT NULL;
    INSERT INTO temp.ba SELECT at, by_user_id, 'session-log.' || decision, 'session-log:' || log_id, '{}' FROM session_log_reviews;
    INSERT INTO temp.ba SELECT at, author_user_id, 'session-log.addendum-added', 'session-log:' || log_id, json_object('addendumId', id)
      FROM session_log_addenda;
    INSERT INTO temp.ba SELECT created_at, created_by_user_id, 'help-seeker.created', 'help-seeker:' || id, json_object('code', code) FROM help_seekers;
    INSERT INTO temp.ba SELECT updated_at, updated_by_user_id, 'help-seeker.identity-recorded', 'help-seeker:' || help_seeker_id,
        json_object('code', (SELECT code FROM help_seekers h WHERE h.id = help_seeker_id)) FROM help_seeker_identities;
    INSERT INTO temp.ba SELECT opened_at, opened_by_user_id, 'case.opened', 'case:' || id, json_object('severity', severity) FROM cases;
    INSERT INTO temp.ba SELECT at, author_user_id,
        CASE kind WHEN 'note' THEN 'case.note-added' WHEN 'status' THEN 'case.status-changed' WHEN 'log_linked' THEN 'case.log-linked'
                  ELSE 'referral.created' END,
        'case:' || case_id, '{}' FROM case_events WHERE kind != 'opened';
    INSERT INTO temp.ba SELECT strftime('%Y-%m-%dT%H:%M:%fZ', at, x.o), author_user_id, 'case.viewed', 'case:' || case_id, '{}'
      FROM case_events JOIN (SELECT '+1 hours' AS o UNION ALL SELECT '+4 days') AS x WHERE kind = 'note';
    INSERT INTO temp.ba SELECT updated_at, supervisor_user_id,
        CASE status WHEN 'held' THEN 'supervision.meeting-recorded' ELSE 'supervision.meeting-planned' END,
        'supervision-meeting:' || id, json_object('kind', kind) FROM supervision_meetings;
    INSERT INTO temp.ba SELECT done_at, done_by_user_id, 'action-item.done', 'action-item:' || id, '{}' FROM action_items WHERE done_at IS NOT NULL;
    INSERT INTO temp.ba SELECT created_at, evaluator_user_id, 'evaluation.created', 'evaluation:' || id, json_object('peerId', peer_id) FROM peer_evaluations;
    INSERT INTO temp.ba SELECT created_at, created_by_user_id, 'outcome.recorded', 'help-seeker:' || help_seeker_id,
        json_object('instrument', instrument, 'occasion', occasion) FROM outcome_measures;
    INSERT INTO temp.ba SELECT created_at, ${a.coordinatorId}, 'peer.created', 'peer:' || id, '{}' FROM peers;
    INSERT INTO temp.ba SELECT changed_at, changed_by_user_id, 'peer.status-changed', 'peer:' || peer_id, json_object('from', from_status, 'to', to_status)
      FROM peer_status_history WHERE from_status IS NOT NULL;
    INSERT INTO temp.ba SELECT created_at, created_by_user_id, 'training.session-recorded', 'training-session:' || id, '{}' FROM training_sessions;
    INSERT INTO temp.ba SELECT created_at, ${a.coordinatorId}, 'outreach.created', 'outreach:' || id, '{}' FROM outreach_events;
    -- The days themselves: the coordinator and one supervisor unlock and lock, someone searches; weekly backups,
    -- the term report twice a year, a new recovery key every two years or so (the rare action the audit filter looks for).
    INSERT INTO temp.ba SELECT ${a.ts('k', '400')}, ${a.coordinatorId}, 'session.unlocked', NULL, '{}' FROM ${daily('k')};
    INSERT INTO temp.ba SELECT ${a.ts('k', '930')}, ${a.coordinatorId}, 'session.locked', NULL, json_object('reason', 'idle') FROM ${daily('k')};
    INSERT INTO temp.ba SELECT ${a.ts('k', '450')}, ${a.staff(`k % ${a.staffCount}`)}, 'session.unlocked', NULL, '{}' FROM ${daily('k')};
    INSERT INTO temp.ba SELECT ${a.ts('k', '700')}, ${a.staff(`k % ${a.staffCount}`)}, 'session.locked', NULL, json_object('reason', 'manual') FROM ${daily('k')};
    INSERT INTO temp.ba SELECT ${a.ts('k', '640')}, ${a.coordinatorId}, 'search.performed', NULL, json_object('hits', k % 40) FROM ${daily('k')};
    INSERT INTO temp.ba SELECT ${a.ts('k', '920')}, ${a.coordinatorId}, 'backup.created', NULL,
        json_object('file', 'sebaya-' || ${a.ts('k', '920')} || '.sebaya-backup', 'bytes', 1000000 + k * 90000, 'via', 'app')
      FROM ${daily('k')} AND k % 7 = 6;
    INSERT INTO temp.ba SELECT ${a.ts('k', '800')}, ${a.coordinatorId}, 'report.exported', NULL, json_object('format', 'pdf') FROM ${daily('k')} AND k % 182 = 181;
    INSERT INTO temp.ba SELECT ${a.ts('k', '820')}, ${a.coordinatorId}, 'vault.recovery-key-replaced', NULL, '{}' FROM ${daily('k')} AND k % 700 = 350;
    INSERT INTO temp.ba SELECT ${a.ts('k', '830')}, ${a.coordinatorId}, 'settings.changed', NULL, json_object('keys', json_array('terms'))
      FROM ${daily('k')} AND k % 365 = 20;
    CREATE TEMP TABLE bao AS SELECT ba.*, u.full_name AS actor_name FROM temp.ba LEFT JOIN users u ON u.id = ba.actor ORDER BY ba.at;
    DROP TABLE temp.ba;
  `);

  const last = await db.get<{ id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
  let id = last?.id ?? 0;
  let prevHash = last?.hash ?? genesisHash;
  const columns = 9;
  const batch = 400;
  let from = 0;
  for (;;) {
    const rows = await db.all<{ r: number; at: string; actor: number | null; actor_name: string | null; action: string; target: string | null; details: string }>(
      'SELECT rowid AS r, at, actor, actor_name, action, target, details FROM temp.bao WHERE rowid > ? ORDER BY rowid LIMIT 8000',
      [from],
    );
    if (rows.length === 0) break;
    for (let start = 0; start < rows.length; start += batch) {
      const params: Array<string | number | null> = [];
      const slice = rows.slice(start, start + batch);
      for (const row of slice) {
        id += 1;
        const entry = { id, at: row.at, actor_user_id: row.actor, actor_name: row.actor_name, action: row.action, target: row.target, details: row.details };
        const hash = entryHash(prevHash, entry);
        params.push(id, entry.at, entry.actor_user_id, entry.actor_name, entry.action, entry.target, entry.details, prevHash, hash);
        prevHash = hash;
      }
      await db.run(
        `INSERT INTO audit_log (id, at, actor_user_id, actor_name, action, target, details, prev_hash, hash) VALUES ${slice
          .map(() => `(${Array.from({ length: columns }, () => '?').join(', ')})`)
          .join(', ')}`,
        params,
      );
    }
    from = rows[rows.length - 1]!.r;
  }
  await db.exec('DROP TABLE temp.bao');
  return id - (last?.id ?? 0);
}
