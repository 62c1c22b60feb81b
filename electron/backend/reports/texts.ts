import type {
  CaseSeverity,
  Language,
  MeetingKind,
  OutreachKind,
  ReferralStatus,
  SessionTopic,
  Term,
} from '../../../src/contract';

/**
 * The words of the term report (PDF and CSV) in both languages. The backend
 * makes the report, so it has its own copy of the few labels it shares with
 * the screens (topics, severities…): the renderer's translation files are not
 * the backend's to import.
 */
export interface ReportTexts {
  language: Language;
  locale: string;
  title: string;
  programme: string;
  termName(term: Term): string;
  period(from: string, to: string): string;
  asOf(day: string): string;
  generated(day: string): string;
  privacy: string;
  unencrypted: string;
  page(current: number, total: number): string;
  keyFigures: string;
  figure: string;
  value: string;
  section: string;
  school: string;
  term: string;
  periodLabel: string;
  asOfLabel: string;
  notes: string;
  none: string;
  notSet: string;
  sections: Record<SectionKey, { title: string; explain: string }>;
  labels: Record<FigureKey, string>;
  weekOf(day: string): string;
  topics: Record<SessionTopic, string>;
  severities: Record<CaseSeverity, string>;
  referralStatuses: Record<ReferralStatus, string>;
  meetingKinds: Record<MeetingKind, string>;
  outreachKinds: Record<OutreachKind, string>;
}

export const sectionKeys = [
  'sessions',
  'topics',
  'reach',
  'escalation',
  'timeliness',
  'referrals',
  'supervision',
  'training',
  'outreach',
  'who5',
  'feedback',
] as const;
export type SectionKey = (typeof sectionKeys)[number];

export type FigureKey =
  | 'sessionsTotal'
  | 'groupSessions'
  | 'studentsInGroups'
  | 'helpSeekers'
  | 'newHelpSeekers'
  | 'studentCount'
  | 'reachShare'
  | 'submittedLogs'
  | 'escalatedLogs'
  | 'escalationRate'
  | 'casesOpened'
  | 'reviewed'
  | 'reviewWaiting'
  | 'reviewMedian'
  | 'reviewWorst'
  | 'urgentCases'
  | 'urgentWaiting'
  | 'urgentMedian'
  | 'urgentWorst'
  | 'referralsTotal'
  | 'meetings'
  | 'meetingHours'
  | 'invited'
  | 'present'
  | 'attendanceRate'
  | 'peersSupervised'
  | 'activePeers'
  | 'inProgram'
  | 'trained'
  | 'trainedRate'
  | 'completions'
  | 'trainingHours'
  | 'outreachEvents'
  | 'outreachReached'
  | 'firstContacts'
  | 'pairs'
  | 'baselineMean'
  | 'followUpMean'
  | 'meanChange'
  | 'improved'
  | 'noMeaningfulChange'
  | 'worsened'
  | 'poorAtBaseline'
  | 'poorAtFollowUp'
  | 'responses'
  | 'helpful'
  | 'feltHeard'
  | 'wouldRecommend';

function dayFormatter(locale: string) {
  const format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return (day: string) => format.format(new Date(`${day}T00:00:00Z`));
}

function shortDayFormatter(locale: string) {
  const format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return (day: string) => format.format(new Date(`${day}T00:00:00Z`));
}

const en = (): ReportTexts => {
  const day = dayFormatter('en-GB');
  const short = shortDayFormatter('en-GB');
  return {
    language: 'en',
    locale: 'en-GB',
    title: 'Term report',
    programme: 'Peer-support program (konselor sebaya)',
    termName: (t) => `${t.semester === 1 ? 'Odd' : 'Even'} semester ${t.academicYear}`,
    period: (from, to) => `${day(from)} – ${day(to)}`,
    asOf: (d) => `The term is still running: figures up to ${day(d)}.`,
    generated: (d) => `Made with Sebaya on ${day(d)}.`,
    privacy: 'Aggregate figures only. This report contains no student names and no help-seeker codes.',
    unencrypted: 'This file is not encrypted. Keep it where only staff can read it.',
    page: (current, total) => `Page ${current} of ${total}`,
    keyFigures: 'The term at a glance',
    figure: 'Figure',
    value: 'Value',
    section: 'Section',
    school: 'School',
    term: 'Term',
    periodLabel: 'Dates',
    asOfLabel: 'Figures up to',
    notes: 'How the figures are counted',
    none: 'none',
    notSet: 'not set',
    sections: {
      sessions: { title: 'Sessions', explain: 'Session logs submitted by peer supporters (drafts not counted), by the week they were held.' },
      topics: { title: 'Topics', explain: 'What sessions were about. A session can have more than one topic.' },
      reach: {
        title: 'Reach',
        explain: 'Distinct students helped (each counted once, by their help-seeker code), and as a share of the student body set in Settings.',
      },
      escalation: {
        title: 'Escalation',
        explain: 'Logs that became or joined a case for a supervisor: through the risk screen, or escalated by the coordinator on review.',
      },
      timeliness: {
        title: 'Timeliness',
        explain:
          'Hours from a log’s first submission to its first review, and from an urgent case opening to the first note, decision, status change, reassignment or referral on it.',
      },
      referrals: { title: 'Referrals', explain: 'Referrals to professionals made this term, by where they stand today.' },
      supervision: {
        title: 'Supervision',
        explain: 'Supervision meetings held this term. Attendance is the peers present out of the peers invited.',
      },
      training: {
        title: 'Training',
        explain: 'Peers in training, active or paused today, and how many have completed every required module; modules completed this term.',
      },
      outreach: { title: 'Outreach', explain: 'Class visits, assemblies, posters and meetings that told the school about the program.' },
      who5: {
        title: 'Well-being (WHO-5)',
        explain:
          'WHO-5 Well-Being Index, 0–100 (raw score × 4). Students whose latest follow-up this term is compared with their first contact; a change of 10 points or more is meaningful, and a raw score below 13 indicates poor well-being.',
      },
      feedback: { title: 'Feedback', explain: 'Anonymous forms filled in by students after a session, scored from 1 (not at all) to 5 (very much).' },
    },
    labels: {
      sessionsTotal: 'Sessions',
      groupSessions: 'Group sessions',
      studentsInGroups: 'Students present at group sessions',
      helpSeekers: 'Students helped',
      newHelpSeekers: 'Of them, new this term',
      studentCount: 'Students at the school',
      reachShare: 'Share of the student body',
      submittedLogs: 'Logs submitted',
      escalatedLogs: 'Logs escalated to a case',
      escalationRate: 'Escalation rate',
      casesOpened: 'Cases opened',
      reviewed: 'Logs reviewed',
      reviewWaiting: 'Logs still waiting for review',
      reviewMedian: 'Median time to review',
      reviewWorst: 'Longest time to review',
      urgentCases: 'Urgent cases acted on',
      urgentWaiting: 'Urgent cases with no action yet',
      urgentMedian: 'Median time to first action on an urgent case',
      urgentWorst: 'Longest time to first action on an urgent case',
      referralsTotal: 'Referrals made',
      meetings: 'Meetings held',
      meetingHours: 'Hours of supervision',
      invited: 'Peer places at meetings',
      present: 'Peers present',
      attendanceRate: 'Attendance',
      peersSupervised: 'Peers present at least once',
      activePeers: 'Active peers today',
      inProgram: 'Peers in the program today',
      trained: 'Of them, fully trained',
      trainedRate: 'Training completion',
      completions: 'Modules completed this term',
      trainingHours: 'Training hours this term',
      outreachEvents: 'Outreach activities',
      outreachReached: 'People reached',
      firstContacts: 'First measurements this term',
      pairs: 'Students with a first and a follow-up measurement',
      baselineMean: 'Average at first contact',
      followUpMean: 'Average at follow-up',
      meanChange: 'Average change (points)',
      improved: 'Meaningfully better (10 points or more)',
      noMeaningfulChange: 'No meaningful change',
      worsened: 'Meaningfully worse',
      poorAtBaseline: 'Poor well-being at first contact',
      poorAtFollowUp: 'Poor well-being at follow-up',
      responses: 'Forms filled in',
      helpful: 'Was it helpful?',
      feltHeard: 'Did you feel heard?',
      wouldRecommend: 'Would you recommend it to a friend?',
    },
    weekOf: (d) => short(d),
    topics: {
      school_work: 'School work',
      friendship: 'Friendship',
      family: 'Family',
      bullying: 'Bullying',
      relationships: 'Relationships',
      grief: 'Grief and loss',
      self_esteem: 'Self-esteem',
      health: 'Health',
      other: 'Something else',
    },
    severities: { urgent: 'Urgent', high: 'High', routine: 'Routine' },
    referralStatuses: { pending: 'Pending', accepted: 'Accepted', declined: 'Declined', completed: 'Completed' },
    meetingKinds: { individual: 'Individual', group: 'Group', case_conference: 'Case conference' },
    outreachKinds: {
      class_visit: 'Class visit',
      assembly: 'Assembly',
      poster_media: 'Poster or media',
      parents_meeting: 'Parents’ meeting',
      staff_briefing: 'Staff briefing',
      other: 'Other',
    },
  };
};

const id = (): ReportTexts => {
  const day = dayFormatter('id-ID');
  const short = shortDayFormatter('id-ID');
  return {
    language: 'id',
    locale: 'id-ID',
    title: 'Laporan semester',
    programme: 'Program konselor sebaya',
    termName: (t) => `Semester ${t.semester === 1 ? 'ganjil' : 'genap'} ${t.academicYear}`,
    period: (from, to) => `${day(from)} – ${day(to)}`,
    asOf: (d) => `Semester masih berjalan: angka sampai ${day(d)}.`,
    generated: (d) => `Dibuat dengan Sebaya pada ${day(d)}.`,
    privacy: 'Hanya angka gabungan. Laporan ini tidak memuat nama siswa maupun kode pencari bantuan.',
    unencrypted: 'Berkas ini tidak dienkripsi. Simpan di tempat yang hanya dapat dibaca oleh guru dan staf.',
    page: (current, total) => `Halaman ${current} dari ${total}`,
    keyFigures: 'Ringkasan semester',
    figure: 'Angka',
    value: 'Nilai',
    section: 'Bagian',
    school: 'Sekolah',
    term: 'Semester',
    periodLabel: 'Tanggal',
    asOfLabel: 'Angka sampai',
    notes: 'Cara menghitung',
    none: 'tidak ada',
    notSet: 'belum diisi',
    sections: {
      sessions: {
        title: 'Sesi',
        explain: 'Catatan sesi yang sudah diserahkan konselor sebaya (draf tidak dihitung), menurut minggu sesi itu berlangsung.',
      },
      topics: { title: 'Topik', explain: 'Hal yang dibicarakan dalam sesi. Satu sesi bisa memiliki lebih dari satu topik.' },
      reach: {
        title: 'Jangkauan',
        explain: 'Jumlah siswa berbeda yang dibantu (masing-masing dihitung sekali menurut kode pencari bantuan), dan persentasenya dari jumlah siswa di Pengaturan.',
      },
      escalation: {
        title: 'Eskalasi',
        explain: 'Catatan sesi yang menjadi atau masuk ke kasus untuk supervisor: lewat penapisan risiko, atau diteruskan koordinator saat pemeriksaan.',
      },
      timeliness: {
        title: 'Ketepatan waktu',
        explain:
          'Jam sejak catatan sesi pertama kali diserahkan sampai pemeriksaan pertama, dan sejak kasus mendesak dibuka sampai catatan, keputusan, perubahan status, pengalihan, atau rujukan pertama.',
      },
      referrals: { title: 'Rujukan', explain: 'Rujukan ke tenaga profesional yang dibuat semester ini, menurut keadaannya sekarang.' },
      supervision: {
        title: 'Supervisi',
        explain: 'Pertemuan supervisi yang berlangsung semester ini. Kehadiran adalah konselor sebaya yang hadir dari yang diundang.',
      },
      training: {
        title: 'Pelatihan',
        explain: 'Konselor sebaya yang sedang pelatihan, aktif, atau cuti hari ini, dan berapa yang sudah menyelesaikan semua modul wajib; modul yang diselesaikan semester ini.',
      },
      outreach: { title: 'Sosialisasi', explain: 'Kunjungan kelas, upacara, poster, dan pertemuan yang memperkenalkan program kepada warga sekolah.' },
      who5: {
        title: 'Kesejahteraan (WHO-5)',
        explain:
          'Indeks Kesejahteraan WHO-5, 0–100 (skor mentah × 4). Siswa yang pengukuran lanjutan terakhirnya jatuh pada semester ini dibandingkan dengan pengukuran pertamanya; perubahan 10 poin atau lebih berarti, dan skor mentah di bawah 13 menandakan kesejahteraan rendah.',
      },
      feedback: {
        title: 'Umpan balik',
        explain: 'Formulir tanpa nama yang diisi siswa setelah sesi, dengan skor 1 (sama sekali tidak) sampai 5 (sangat).',
      },
    },
    labels: {
      sessionsTotal: 'Sesi',
      groupSessions: 'Sesi kelompok',
      studentsInGroups: 'Siswa yang hadir di sesi kelompok',
      helpSeekers: 'Siswa yang dibantu',
      newHelpSeekers: 'Di antaranya, baru semester ini',
      studentCount: 'Jumlah siswa di sekolah',
      reachShare: 'Persentase dari seluruh siswa',
      submittedLogs: 'Catatan sesi diserahkan',
      escalatedLogs: 'Catatan yang menjadi kasus',
      escalationRate: 'Tingkat eskalasi',
      casesOpened: 'Kasus dibuka',
      reviewed: 'Catatan sudah diperiksa',
      reviewWaiting: 'Catatan masih menunggu pemeriksaan',
      reviewMedian: 'Median waktu sampai diperiksa',
      reviewWorst: 'Waktu terlama sampai diperiksa',
      urgentCases: 'Kasus mendesak yang sudah ditangani',
      urgentWaiting: 'Kasus mendesak yang belum ditangani',
      urgentMedian: 'Median waktu sampai tindakan pertama pada kasus mendesak',
      urgentWorst: 'Waktu terlama sampai tindakan pertama pada kasus mendesak',
      referralsTotal: 'Rujukan dibuat',
      meetings: 'Pertemuan berlangsung',
      meetingHours: 'Jam supervisi',
      invited: 'Undangan konselor sebaya',
      present: 'Konselor sebaya yang hadir',
      attendanceRate: 'Kehadiran',
      peersSupervised: 'Konselor sebaya yang hadir minimal sekali',
      activePeers: 'Konselor sebaya aktif hari ini',
      inProgram: 'Konselor sebaya dalam program hari ini',
      trained: 'Di antaranya, sudah tuntas pelatihan',
      trainedRate: 'Ketuntasan pelatihan',
      completions: 'Modul diselesaikan semester ini',
      trainingHours: 'Jam pelatihan semester ini',
      outreachEvents: 'Kegiatan sosialisasi',
      outreachReached: 'Orang yang dijangkau',
      firstContacts: 'Pengukuran pertama semester ini',
      pairs: 'Siswa dengan pengukuran pertama dan lanjutan',
      baselineMean: 'Rata-rata saat pertama',
      followUpMean: 'Rata-rata saat lanjutan',
      meanChange: 'Rata-rata perubahan (poin)',
      improved: 'Membaik secara berarti (10 poin atau lebih)',
      noMeaningfulChange: 'Tidak ada perubahan berarti',
      worsened: 'Memburuk secara berarti',
      poorAtBaseline: 'Kesejahteraan rendah saat pertama',
      poorAtFollowUp: 'Kesejahteraan rendah saat lanjutan',
      responses: 'Formulir diisi',
      helpful: 'Apakah sesi ini membantu?',
      feltHeard: 'Apakah kamu merasa didengarkan?',
      wouldRecommend: 'Apakah kamu akan menyarankannya kepada teman?',
    },
    weekOf: (d) => short(d),
    topics: {
      school_work: 'Pelajaran dan tugas',
      friendship: 'Pertemanan',
      family: 'Keluarga',
      bullying: 'Perundungan',
      relationships: 'Pacaran',
      grief: 'Duka dan kehilangan',
      self_esteem: 'Kepercayaan diri',
      health: 'Kesehatan',
      other: 'Hal lain',
    },
    severities: { urgent: 'Mendesak', high: 'Tinggi', routine: 'Biasa' },
    referralStatuses: { pending: 'Menunggu', accepted: 'Diterima', declined: 'Ditolak', completed: 'Selesai' },
    meetingKinds: { individual: 'Individual', group: 'Kelompok', case_conference: 'Konferensi kasus' },
    outreachKinds: {
      class_visit: 'Kunjungan kelas',
      assembly: 'Upacara atau apel',
      poster_media: 'Poster atau media',
      parents_meeting: 'Pertemuan orang tua',
      staff_briefing: 'Rapat guru dan staf',
      other: 'Lainnya',
    },
  };
};

export function reportTexts(language: Language): ReportTexts {
  return language === 'en' ? en() : id();
}
