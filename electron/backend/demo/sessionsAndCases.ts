import type { Backend } from '../backend';
import type { Clock } from '../clock';
import {
  addDays,
  localDate,
  type CaseOutcome,
  type ConcernLevel,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  type ReferralServiceKind,
  type ReferralStatus,
  type RiskItem,
  type RosterEntry,
  type SessionMode,
  type SessionTopic,
  pageSizes,
} from '../../../src/contract';

async function must<M extends MethodName>(backend: Backend, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await backend.invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** A clock the demo can set back to when things happened (TestClock in tests, DemoClock in the CLI). */
interface SettableClock extends Clock {
  set(date: Date): void;
}

function isSettable(clock: Clock): clock is SettableClock {
  return typeof (clock as Partial<SettableClock>).set === 'function';
}

/**
 * The real time, unless the demo sets it back: then it runs on from there.
 * The CLI's demo uses it so that a term of logs and cases gets realistic
 * times (submitted, opened, due, overdue), not all "just now".
 */
export class DemoClock implements SettableClock {
  private offset = 0;
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
  set(date: Date): void {
    this.offset = date.getTime() - Date.now();
  }
}

export const escalationProtocolDemo = `1. Jika siswa dalam bahaya saat ini: jangan tinggalkan dia sendirian. Hubungi Bu Sari (guru BK) 0812-3456-7801 atau Wakil Kepala Sekolah bidang Kesiswaan 0812-3456-7802.
2. Darurat medis atau keselamatan: 112 (ambulans/polisi), IGD RSUD Kota (021) 555-0190.
3. Dugaan kekerasan terhadap anak: UPTD PPA Kota (021) 555-0177, atau SAPA 129 (WhatsApp 08111-129-129).
4. Dukungan kesehatan jiwa: layanan SEJIWA 119 ext 8.
5. Catat apa yang terjadi di Sebaya hari itu juga. Orang tua/wali diberi tahu setelah berkonsultasi dengan supervisor, kecuali orang tua diduga menjadi pelaku.`;

const services: Array<{ kind: ReferralServiceKind; name: string; organisation: string; phone: string; notes: string }> = [
  {
    kind: 'school_counselor',
    name: 'Sari Wulandari, S.Pd. (guru BK)',
    organisation: 'SMP Negeri 3 Contoh — ruang BK',
    phone: '0812-3456-7801',
    notes: 'Konseling individual di sekolah; Senin–Jumat 07.00–14.00.',
  },
  {
    kind: 'psychologist',
    name: 'Layanan Psikologi Puskesmas',
    organisation: 'Puskesmas Kecamatan Sukamaju',
    phone: '(021) 555-0132',
    notes: 'Psikolog praktik Selasa dan Kamis, 08.00–12.00. Bawa surat rujukan dari sekolah.',
  },
  {
    kind: 'health_centre',
    name: 'Poli Remaja (PKPR)',
    organisation: 'Puskesmas Kecamatan Sukamaju',
    phone: '(021) 555-0130',
    notes: 'Pelayanan Kesehatan Peduli Remaja, termasuk konseling napza. Gratis dengan kartu pelajar.',
  },
  {
    kind: 'hospital',
    name: 'Poli Jiwa Anak dan Remaja',
    organisation: 'RSUD Kota',
    phone: '(021) 555-0190',
    notes: 'Perlu rujukan dari Puskesmas, kecuali darurat (IGD 24 jam).',
  },
  {
    kind: 'child_protection',
    name: 'UPTD Perlindungan Perempuan dan Anak (PPA)',
    organisation: 'Dinas P3A Kota',
    phone: '(021) 555-0177',
    notes: 'Laporan dugaan kekerasan terhadap anak; pendampingan hukum dan psikologis.',
  },
  {
    kind: 'police',
    name: 'Unit PPA Polres Kota',
    organisation: 'Kepolisian Resor Kota',
    phone: '110',
    notes: 'Hanya bersama atau setelah konsultasi dengan UPTD PPA, kecuali darurat.',
  },
  {
    kind: 'hotline',
    name: 'SAPA 129',
    organisation: 'Kementerian PPPA',
    phone: '129',
    notes: 'Pengaduan kekerasan terhadap perempuan dan anak; WhatsApp 08111-129-129.',
  },
  {
    kind: 'hotline',
    name: 'SEJIWA 119 ext 8',
    organisation: 'Kementerian Kesehatan',
    phone: '119 ext 8',
    notes: 'Layanan konsultasi kesehatan jiwa.',
  },
];

/** What students bring to a peer supporter, in their own words as the peer wrote them down, per topic. */
const stories: Record<SessionTopic, string[]> = {
  school_work: [
    'Cemas menghadapi ujian tengah semester; merasa tertinggal di pelajaran matematika.',
    'Bingung membagi waktu antara tugas kelompok dan latihan ekstrakurikuler.',
    'Takut dimarahi guru karena belum mengumpulkan tugas dua minggu.',
  ],
  friendship: [
    'Merasa ditinggalkan teman dekat yang sekarang lebih sering bersama kelompok lain.',
    'Bertengkar dengan teman sebangku karena salah paham di grup WhatsApp kelas.',
    'Anak baru di kelas, belum punya teman untuk makan bersama saat istirahat.',
  ],
  family: [
    'Sering dimarahi di rumah karena nilainya turun; merasa tidak didengar.',
    'Orang tuanya sering bertengkar; sulit berkonsentrasi belajar di rumah.',
    'Harus menjaga adik setiap sore sehingga tidak bisa ikut kegiatan sekolah.',
  ],
  bullying: [
    'Diejek soal penampilannya oleh beberapa kakak kelas di kantin.',
    'Fotonya disebarkan di media sosial tanpa izin dan diberi komentar mengejek.',
  ],
  relationships: ['Baru putus dengan pacar dan merasa malu kalau bertemu di sekolah.', 'Bingung karena dilarang orang tua berpacaran tapi takut kehilangan pacarnya.'],
  grief: ['Kakek yang mengasuhnya sejak kecil meninggal bulan lalu; masih sering menangis di kelas.', 'Kucing kesayangannya mati; merasa sedih dan kesepian di rumah.'],
  self_esteem: ['Merasa tidak pandai apa-apa dibanding teman-teman sekelas.', 'Malu tampil di depan kelas karena pernah ditertawakan saat presentasi.'],
  health: ['Sering sakit kepala dan susah tidur menjelang ujian.', 'Ingin diet ketat supaya kurus seperti teman-temannya.'],
  other: ['Ingin pindah ekstrakurikuler tetapi takut mengecewakan pelatih.', 'Bingung memilih SMA atau SMK setelah lulus nanti.'],
};

const peerActions = [
  'Mendengarkan dan membantu dia menyebutkan apa yang paling membuatnya cemas.',
  'Mendengarkan, lalu bersama-sama memikirkan orang dewasa yang bisa diajak bicara.',
  'Mengajak membuat jadwal belajar sederhana untuk minggu ini.',
  'Mendengarkan tanpa menghakimi, lalu menyarankan bercerita ke wali kelas.',
  'Menemani ke ruang BK dan memperkenalkannya kepada Bu Sari.',
  'Mendengarkan dan mengajaknya bergabung makan siang dengan teman-teman saya.',
];

const returnComments = [
  'Tolong tuliskan apa yang kamu lakukan setelah dia bercerita. Hindari kata "depresi": kita tidak mendiagnosis.',
  'Durasi dan jam sesi belum sesuai dengan jadwal piket. Mohon diperiksa lagi.',
];

interface CaseStep {
  /** Hours after the case opened. */
  after: number;
  do: 'in_review' | 'monitoring' | 'referred' | 'closed' | 'note' | 'decision' | 'referral' | 'referral_status';
  text?: string;
  outcome?: CaseOutcome;
  referral?: { kind: ReferralServiceKind; reason: string; consentBy: string | null; override?: string; followUpDays: number };
  referralStatus?: ReferralStatus;
}

interface RiskyLog {
  daysAgo: number;
  hour: number;
  risks: RiskItem[];
  concern: ConcernLevel;
  topics: SessionTopic[];
  summary: string;
  actions: string;
  identity?: { fullName: string; className: string; contact: string; parentContact: string };
  steps: CaseStep[];
}

/**
 * Cases at every severity and status, each from a log a peer wrote, with what
 * the supervisor did. Kept apart from the random term so the demo shows each
 * kind of case whatever the seed.
 */
const riskyLogs: RiskyLog[] = [
  {
    daysAgo: 1,
    hour: 10,
    risks: ['self_harm_or_suicide'],
    concern: 'high',
    topics: ['self_esteem', 'family'],
    summary: 'Bercerita bahwa akhir-akhir ini merasa tidak berguna dan pernah berpikir untuk menyakiti diri sendiri. Ada bekas goresan di pergelangan tangan.',
    actions: 'Tetap menemaninya, tidak meninggalkannya sendirian, lalu langsung mengantarnya ke ruang BK.',
    identity: { fullName: 'Nadia Putri Lestari', className: '8B', contact: '0857-1111-2201', parentContact: 'Ibu Rina, 0857-1111-2202' },
    steps: [],
  },
  {
    daysAgo: 20,
    hour: 9,
    risks: ['violence_or_abuse_at_home'],
    concern: 'high',
    topics: ['family'],
    summary: 'Menunjukkan memar di lengan; bilang sering dipukul ayah tirinya kalau pulang terlambat.',
    actions: 'Mendengarkan dengan tenang, berterima kasih karena dia sudah bercerita, dan langsung memberi tahu guru BK.',
    identity: { fullName: 'Rafi Ananda', className: '7C', contact: '', parentContact: 'Ibu Wati (ibu kandung), 0813-2222-3301' },
    steps: [
      { after: 2, do: 'in_review', text: 'Saya bertemu siswa hari ini bersama guru BK.' },
      {
        after: 3,
        do: 'decision',
        text: 'Lapor ke UPTD PPA hari ini. Ibu kandung dihubungi lewat telepon, bukan lewat surat yang dibawa pulang.',
      },
      {
        after: 4,
        do: 'referral',
        referral: {
          kind: 'child_protection',
          reason: 'Dugaan kekerasan fisik oleh ayah tiri; perlu asesmen dan perlindungan.',
          consentBy: null,
          override: 'Dugaan kekerasan terhadap anak; sekolah wajib melapor. Persetujuan tidak diminta dari ayah tiri yang diduga pelaku.',
          followUpDays: 7,
        },
      },
      { after: 5, do: 'referred', text: 'Ditangani UPTD PPA; sekolah memantau kehadiran setiap hari.' },
      { after: 28, do: 'referral_status', referralStatus: 'accepted', text: 'Petugas PPA menerima laporan dan menjadwalkan kunjungan rumah.' },
      { after: 24 * 9, do: 'note', text: 'Petugas PPA sudah berkunjung. Siswa tinggal sementara di rumah neneknya.' },
    ],
  },
  {
    daysAgo: 30,
    hour: 11,
    risks: ['severe_distress'],
    concern: 'high',
    topics: ['family', 'grief'],
    summary: 'Menangis terus sejak orang tuanya bercerai; tidak mau makan di sekolah dan sering menyendiri.',
    actions: 'Menemaninya sampai tenang, lalu mengajaknya menemui guru BK bersama-sama.',
    identity: { fullName: 'Aulia Rahmawati', className: '9A', contact: '', parentContact: 'Bapak Hadi, 0812-5555-4401' },
    steps: [
      { after: 20, do: 'in_review' },
      { after: 22, do: 'note', text: 'Sesi pertama dengan siswa. Belum ada tanda bahaya; sedih berat karena perceraian orang tua.' },
      { after: 48, do: 'monitoring', text: 'Konseling individual tiap Senin dengan guru BK; wali kelas diminta memperhatikan.' },
      {
        after: 72,
        do: 'referral',
        referral: { kind: 'psychologist', reason: 'Kesedihan berat yang belum berkurang setelah dua minggu.', consentBy: 'Siswa dan ayahnya (Bapak Hadi)', followUpDays: 10 },
      },
      { after: 24 * 14, do: 'note', text: 'Sudah mulai makan siang bersama teman sebangku. Jadwal psikolog belum ada kabar.' },
    ],
  },
  {
    daysAgo: 55,
    hour: 13,
    risks: ['alcohol_or_drugs'],
    concern: 'medium',
    topics: ['friendship', 'health'],
    summary: 'Mengaku beberapa kali ikut minum minuman keras bersama anak-anak di luar sekolah pada akhir pekan.',
    actions: 'Mendengarkan tanpa menghakimi dan menyarankan bicara dengan guru BK; dia setuju.',
    steps: [
      { after: 24, do: 'in_review', text: 'Bertemu siswa; dia terbuka dan ingin berhenti.' },
      {
        after: 26,
        do: 'referral',
        referral: { kind: 'hospital', reason: 'Asesmen penggunaan alkohol oleh tenaga kesehatan.', consentBy: 'Siswa dan ibunya', followUpDays: 7 },
      },
      { after: 24 * 3, do: 'referral_status', referralStatus: 'declined', text: 'Keluarga menolak ke rumah sakit dan memilih Puskesmas yang dekat rumah.' },
      {
        after: 24 * 3 + 1,
        do: 'referral',
        referral: { kind: 'health_centre', reason: 'Konseling napza untuk remaja, dekat rumah.', consentBy: 'Siswa dan ibunya', followUpDays: 14 },
      },
      { after: 24 * 3 + 2, do: 'referred' },
      { after: 24 * 6, do: 'referral_status', referralStatus: 'accepted', text: 'Terjadwal konseling napza di PKPR setiap Rabu.' },
      { after: 24 * 25, do: 'referral_status', referralStatus: 'completed', text: 'Selesai empat sesi konseling.' },
      {
        after: 24 * 26,
        do: 'closed',
        outcome: 'support_continues_elsewhere',
        text: 'Siswa melanjutkan pendampingan di PKPR; di sekolah tidak ada masalah lagi.',
      },
    ],
  },
  {
    daysAgo: 2,
    hour: 12,
    risks: ['wanting_to_hurt_someone'],
    concern: 'high',
    topics: ['bullying'],
    summary: 'Sangat marah kepada kakak kelas yang terus mengejeknya; bilang ingin membalas dengan memukulnya sepulang sekolah.',
    actions: 'Membantunya menenangkan diri dan mengajaknya bicara dengan guru BK hari itu juga.',
    steps: [{ after: 3, do: 'in_review', text: 'Sudah bertemu siswa. Kakak kelas yang bersangkutan akan dipanggil terpisah oleh guru BK.' }],
  },
  {
    daysAgo: 40,
    hour: 10,
    risks: ['family_crisis'],
    concern: 'medium',
    topics: ['family', 'school_work'],
    summary: 'Rumahnya terkena banjir; keluarganya mengungsi ke rumah saudara dan seragam serta bukunya rusak.',
    actions: 'Mendengarkan dan memberi tahu guru BK supaya sekolah bisa membantu.',
    steps: [
      { after: 24, do: 'in_review' },
      { after: 48, do: 'monitoring', text: 'Sekolah memberi seragam dan buku pengganti dari dana sosial.' },
      { after: 24 * 21, do: 'closed', outcome: 'resolved', text: 'Keluarga sudah kembali ke rumah; siswa mengikuti pelajaran seperti biasa.' },
    ],
  },
  {
    daysAgo: 3,
    hour: 14,
    risks: ['beyond_peer_role'],
    concern: 'medium',
    topics: ['friendship', 'other'],
    summary: 'Merasa ditekan teman-teman untuk ikut balap motor liar pada malam minggu dan tidak tahu cara menolaknya.',
    actions: 'Mendengarkan dan menyarankan bicara dengan guru BK karena ini di luar kemampuan saya.',
    steps: [],
  },
];

const hour = (n: number) => n * 3_600_000;

/**
 * A term of peer support: about sixty sessions over the last ten weeks across
 * the active peers and every topic, most approved, some returned, the newest
 * waiting for review; cases at every severity and status with their timelines;
 * the referral directory and referrals in every status; the escalation
 * protocol. A coordinator must be signed in; they are again at the end.
 * Returns the demo peer account that writes its own logs.
 */
export async function seedSessionsAndCases(
  backend: Backend,
  options: {
    random: () => number;
    coordinator: { username: string; password: string };
    supervisor: { username: string; password: string };
    supervisorUserId: number;
  },
): Promise<{ username: string; pin: string }> {
  const { random } = options;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const clock = backend.session.config.clock;
  const startedAt = clock.now();
  const today = localDate(startedAt);
  /** Sets the clock to a moment of the term (where the clock can be set) and keeps the session from idling out. */
  const travel = (moment: Date) => {
    if (isSettable(clock)) clock.set(moment);
    backend.session.touch();
  };
  const momentOf = (daysAgo: number, atHour: number, minute = 0) => {
    const [y, m, d] = addDays(today, -daysAgo).split('-').map(Number) as [number, number, number];
    return new Date(y, m - 1, d, atHour, minute);
  };
  const signIn = async (who: { username: string; password: string }) => {
    await must(backend, 'session.lock', {});
    await must(backend, 'vault.unlock', who);
  };

  travel(momentOf(75, 8));
  await must(backend, 'settings.update', { escalationProtocol: escalationProtocolDemo });
  const serviceIds = new Map<ReferralServiceKind, number>();
  for (const service of services) {
    const { service: made } = await must(backend, 'referrals.createService', service);
    if (!serviceIds.has(service.kind)) serviceIds.set(service.kind, made.id);
  }

  // The demo school's active peers fit in one page of the largest size.
  const { peers: active } = await must(backend, 'peers.list', { statuses: ['active'], limit: pageSizes.max });
  const supervised = active.filter((p) => p.supervisorUserId === options.supervisorUserId);
  const risky = supervised.length > 0 ? supervised : active;
  const writer: RosterEntry = risky[0]!;
  const account = {
    username: `${writer.fullName.split(' ')[0]!.toLowerCase().replace(/[^a-z]/g, '')}.sebaya`,
    pin: String(100_000 + Math.floor(random() * 900_000)),
  };
  await must(backend, 'users.createPeerAccount', { peerId: writer.id, username: account.username, pin: account.pin });

  interface PlannedLog {
    daysAgo: number;
    hour: number;
    peer: RosterEntry;
    byPeer: boolean;
    input: Omit<MethodInput<'sessionLogs.create'>, 'peerId' | 'heldOn' | 'startTime' | 'submit'>;
    risky?: RiskyLog;
    draft?: boolean;
    /** Escalated by the coordinator on review, though nothing was ticked. */
    escalate?: boolean;
  }
  const planned: PlannedLog[] = [];
  const codesOf = new Map<number, number[]>();
  for (let day = 70; day >= 1; day -= 1) {
    const weekday = new Date(momentOf(day, 12)).getDay();
    if (weekday === 0 || weekday === 6) continue;
    if (random() < 0.2) continue;
    const peer = pick(active);
    const topic = pick(Object.keys(stories) as SessionTopic[]);
    const second = random() < 0.3 ? pick(['school_work', 'friendship', 'family', 'self_esteem'] as const) : null;
    const mode: SessionMode = pick(['in_person', 'in_person', 'in_person', 'chat', 'phone', 'group']);
    planned.push({
      daysAgo: day,
      hour: 9 + Math.floor(random() * 5),
      peer,
      byPeer: peer.id === writer.id,
      draft: peer.id === writer.id && day <= 1,
      input: {
        helpSeekerId: null,
        durationMinutes: pick([15, 20, 30, 30, 45]),
        mode,
        groupSize: mode === 'group' ? 3 + Math.floor(random() * 4) : null,
        topics: second && second !== topic ? [topic, second] : [topic],
        summary: pick(stories[topic]),
        actions: pick(peerActions),
        followUpOn: random() < 0.25 ? addDays(today, -day + 7) : null,
        risks: [],
        noRisks: true,
        concern: random() < 0.7 ? 'low' : 'medium',
      },
    });
  }
  riskyLogs.forEach((r, i) => {
    const peer = risky[i % risky.length]!;
    planned.push({
      daysAgo: r.daysAgo,
      hour: r.hour,
      peer,
      byPeer: peer.id === writer.id,
      risky: r,
      input: {
        helpSeekerId: null,
        durationMinutes: 30,
        mode: 'in_person',
        groupSize: null,
        topics: r.topics,
        summary: r.summary,
        actions: r.actions,
        followUpOn: null,
        risks: r.risks,
        noRisks: false,
        concern: r.concern,
      },
    });
  });
  // One a peer did not tick anything for, which the coordinator escalates on review.
  planned.push({
    daysAgo: 15,
    hour: 13,
    peer: risky[1 % risky.length]!,
    byPeer: false,
    escalate: true,
    input: {
      helpSeekerId: null,
      durationMinutes: 40,
      mode: 'in_person',
      groupSize: null,
      topics: ['school_work', 'self_esteem'],
      summary: 'Sudah seminggu tidak mau bicara dengan siapa pun dan nilainya turun drastis; bilang semuanya terasa berat.',
      actions: 'Mendengarkan dan menawarkan untuk menemaninya ke guru BK; dia belum mau.',
      followUpOn: null,
      risks: [],
      noRisks: true,
      concern: 'high',
    },
  });
  planned.sort((a, b) => b.daysAgo - a.daysAgo || a.hour - b.hour);

  interface Written {
    plan: PlannedLog;
    id: number;
    version: number;
    helpSeekerId: number;
    caseId: number | null;
  }
  const written: Written[] = [];
  const write = async (plan: PlannedLog) => {
    travel(momentOf(plan.daysAgo, plan.hour, 10 + Math.floor(random() * 40)));
    const own = codesOf.get(plan.peer.id) ?? [];
    // A peer often sees the same student again; the scripted cases are about students of their own.
    const again = !plan.risky && !plan.escalate && own.length > 0 && random() < 0.3 ? pick(own) : null;
    const saved = await must(backend, 'sessionLogs.create', {
      ...plan.input,
      peerId: plan.peer.id,
      helpSeekerId: again,
      ...(again === null ? { newHelpSeeker: { identity: plan.byPeer ? null : (plan.risky?.identity ?? null) } } : {}),
      heldOn: addDays(today, -plan.daysAgo),
      startTime: `${String(plan.hour).padStart(2, '0')}:00`,
      submit: !plan.draft,
    });
    codesOf.set(plan.peer.id, [...own, saved.log.helpSeekerId!]);
    written.push({ plan, id: saved.log.id, version: saved.log.version, helpSeekerId: saved.log.helpSeekerId!, caseId: saved.flagged?.caseId ?? null });
  };

  // The peer with an account writes their own logs at the office PC.
  await must(backend, 'session.handOverToPeer', {});
  await must(backend, 'session.peerSignIn', { username: account.username, pin: account.pin });
  for (const plan of planned.filter((p) => p.byPeer)) await write(plan);
  await signIn(options.coordinator);

  // Paper forms from everyone else, typed in by the coordinator on the day.
  for (const plan of planned.filter((p) => !p.byPeer)) await write(plan);

  // Identities the coordinator recorded for the serious cases the peer's account opened.
  for (const w of written.filter((w) => w.plan.byPeer && w.plan.risky?.identity)) {
    travel(momentOf(w.plan.daysAgo, w.plan.hour + 1));
    await must(backend, 'helpSeekers.setIdentity', { id: w.helpSeekerId, version: 0, identity: w.plan.risky!.identity! });
  }

  // Review, a day or two after each log; the last three days are still waiting.
  let returned = 0;
  // Whatever the dice say, one of the peer account's own logs goes back to them at least (only they can take one back).
  const firstOwn = written.find((w) => w.plan.byPeer && !w.plan.risky && !w.plan.escalate && !w.plan.draft && w.plan.daysAgo > 3);
  for (const w of written) {
    if (w.plan.draft || w.plan.daysAgo <= 3) continue;
    travel(momentOf(Math.max(w.plan.daysAgo - 1 - Math.floor(random() * 2), 1), 8, 30));
    const { log } = await must(backend, 'sessionLogs.get', { id: w.id });
    if (w.plan.escalate) {
      const escalated = await must(backend, 'sessionLogs.escalate', {
        id: log.id,
        version: log.version,
        severity: 'high',
        assignedUserId: options.supervisorUserId,
        note: 'Peer tidak mencentang butir risiko, tetapi ceritanya menunjukkan tekanan berat. Mohon dinilai minggu ini.',
      });
      w.caseId = escalated.caseId;
      continue;
    }
    const unclear = !w.plan.risky && returned < 3 && random() < 0.12;
    if ((unclear || (w === firstOwn && returned === 0)) && log.canReturn) {
      returned += 1;
      await must(backend, 'sessionLogs.return', { id: log.id, version: log.version, comment: pick(returnComments) });
      continue;
    }
    // A paper log cannot go back to a peer without an account (issue 14): the coordinator notes what she checked.
    const comment = unclear ? 'Catatan kertas kurang jelas; sudah dicek langsung dengan konselor sebaya, isinya sesuai.' : '';
    const { log: approved } = await must(backend, 'sessionLogs.approve', { id: log.id, version: log.version, ...(comment ? { comment } : {}) });
    if (random() < 0.05) await must(backend, 'sessionLogs.addAddendum', { id: approved.id, text: 'Koreksi: sesi berlangsung 45 menit, bukan 30 menit seperti tertulis.' });
  }

  // A case the coordinator opened by hand: the homeroom teacher's concern about a student no peer has met.
  travel(momentOf(8, 14));
  const { helpSeeker } = await must(backend, 'helpSeekers.create', { identity: null });
  const manual = await must(backend, 'cases.open', {
    helpSeekerId: helpSeeker.id,
    logId: null,
    severity: 'routine',
    assignedUserId: options.supervisorUserId,
    note: 'Wali kelas 7D melaporkan siswa sering tertidur di kelas dan terlihat lelah; belum pernah bercerita ke konselor sebaya.',
  });

  // What the supervisor (or, for cases assigned to them, the coordinator) did on each case.
  const scripted = written.filter((w) => w.plan.risky && w.caseId !== null);
  const escalatedCase = written.find((w) => w.plan.escalate && w.caseId !== null);
  const stepsFor = new Map<number, { opened: Date; steps: CaseStep[] }>();
  for (const w of scripted) stepsFor.set(w.caseId!, { opened: momentOf(w.plan.daysAgo, w.plan.hour, 30), steps: w.plan.risky!.steps });
  if (escalatedCase) {
    stepsFor.set(escalatedCase.caseId!, {
      opened: momentOf(escalatedCase.plan.daysAgo - 1, 9),
      steps: [
        { after: 24, do: 'in_review', text: 'Siswa mau bertemu setelah ditemani temannya.' },
        { after: 30, do: 'monitoring', text: 'Bertemu guru BK dua kali seminggu selama sebulan; orang tua sudah diajak bicara.' },
      ],
    });
  }
  stepsFor.set(manual.caseId, { opened: momentOf(8, 14), steps: [{ after: 20, do: 'in_review', text: 'Siswa bekerja membantu orang tua berjualan sampai larut malam.' }] });

  const runSteps = async (caseIds: number[]) => {
    for (const caseId of caseIds) {
      const { opened, steps } = stepsFor.get(caseId)!;
      for (const step of steps) {
        travel(new Date(opened.getTime() + hour(step.after)));
        const detail = await must(backend, 'cases.get', { id: caseId });
        const note = step.text ?? '';
        if (step.do === 'note' || step.do === 'decision') {
          await must(backend, 'cases.addNote', { id: caseId, kind: step.do, text: note });
        } else if (step.do === 'referral') {
          const r = step.referral!;
          const on = localDate(clock.now());
          await must(backend, 'referrals.create', {
            caseId,
            serviceId: serviceIds.get(r.kind)!,
            referredOn: on,
            reason: r.reason,
            consent: r.consentBy ? { by: r.consentBy, on } : null,
            overrideReason: r.override ?? null,
            followUpOn: addDays(on, r.followUpDays),
          });
        } else if (step.do === 'referral_status') {
          const open = detail.referrals.filter((r) => r.status === 'pending' || r.status === 'accepted').at(-1)!;
          await must(backend, 'referrals.setStatus', { id: open.id, version: open.version, to: step.referralStatus!, note });
        } else {
          await must(backend, 'cases.transition', {
            id: caseId,
            version: detail.case.version,
            to: step.do,
            note,
            ...(step.outcome ? { outcome: step.outcome } : {}),
          });
        }
      }
    }
  };

  const { cases: allCases } = await must(backend, 'cases.list', { limit: pageSizes.max });
  const byAssignee = (userId: number | null) => allCases.filter((c) => c.assignedUserId === userId && stepsFor.has(c.id)).map((c) => c.id);
  const coordinatorId = (await must(backend, 'app.status', {})).user!.userId;
  await runSteps(byAssignee(coordinatorId));
  await signIn(options.supervisor);
  await runSteps(byAssignee(options.supervisorUserId));
  await signIn(options.coordinator);

  travel(startedAt);
  return account;
}
