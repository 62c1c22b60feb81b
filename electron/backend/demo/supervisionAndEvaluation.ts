import type { Backend } from '../backend';
import type { Clock } from '../clock';
import { insertFeedback } from '../repositories/evaluation';
import {
  addDays,
  competencies,
  localDate,
  who5,
  type ActionItemInput,
  type Competency,
  type MeetingKind,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  type RosterEntry,
  pageSizes,
} from '../../../src/contract';

async function must<M extends MethodName>(backend: Backend, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await backend.invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

function isSettable(clock: Clock): clock is Clock & { set(date: Date): void } {
  return typeof (clock as Partial<{ set: unknown }>).set === 'function';
}

const topicsPool = [
  'Batasan peran konselor sebaya',
  'Merawat diri setelah sesi berat',
  'Mendengarkan tanpa menghakimi',
  'Kapan harus merujuk ke guru BK',
  'Menjaga kerahasiaan di kelas',
  'Menulis catatan sesi yang jelas',
  'Perundungan di media sosial',
  'Teman yang menarik diri',
  'Tekanan menjelang ujian',
  'Bermain peran: sesi pertama',
];

const actionTexts = [
  'Menindaklanjuti siswa yang dibicarakan dan mencatat sesinya',
  'Membaca ulang modul batasan peran',
  'Berlatih pertanyaan terbuka dengan teman sekelompok',
  'Menghubungi wali kelas tentang jadwal sesi',
  'Menyiapkan poster sosialisasi untuk kelas 7',
  'Melengkapi catatan sesi yang dikembalikan',
  'Menanyakan kabar siswa setelah rujukan',
  'Mencatat tanda bahaya yang perlu segera dilaporkan',
];

const feedbackComments = [
  'Terima kasih sudah mau mendengarkan.',
  'Saya jadi lebih tenang.',
  'Kakaknya sabar dan tidak menghakimi.',
  'Awalnya malu, tapi ternyata nyaman.',
  'Semoga ada sesi lagi minggu depan.',
  '',
  '',
  '',
];

/**
 * A term of supervision and evaluation for the demo school (issue 5): groups
 * with a cadence, meetings held every group's interval with who came, the cases
 * and logs they discussed and action items (some open, some overdue, one group
 * behind), peer evaluations on the rubric, WHO-5 at first contact and later for
 * most help-seekers, and anonymous feedback spread over the weeks. Runs as the
 * coordinator, through the contract, after the session logs and cases exist.
 */
export async function seedSupervisionAndEvaluation(
  backend: Backend,
  options: { random: () => number; supervisorUserId: number; coordinatorUserId: number },
): Promise<void> {
  const { random } = options;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const clock = backend.session.config.clock;
  const startedAt = clock.now();
  const today = localDate(startedAt);
  const dayAgo = (days: number) => addDays(today, -days);
  const travel = (day: string, hour: number) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    if (isSettable(clock)) clock.set(new Date(y, m - 1, d, hour, between(0, 59)));
    backend.session.touch();
  };

  // The demo school's active peers fit in one page of the largest size.
  const { peers: active } = await must(backend, 'peers.list', { statuses: ['active'], limit: pageSizes.max });
  const bySupervisor = active.filter((p) => p.supervisorUserId === options.supervisorUserId);
  const others = active.filter((p) => p.supervisorUserId !== options.supervisorUserId);
  const half = Math.ceil(bySupervisor.length / 2);
  const plans: Array<{ name: string; supervisorUserId: number; frequencyDays: number; members: RosterEntry[]; behind: boolean }> = [
    { name: 'Kelompok Senin (Bu Dewi)', supervisorUserId: options.supervisorUserId, frequencyDays: 14, members: bySupervisor.slice(0, half), behind: false },
    { name: 'Kelompok Kamis (Bu Dewi)', supervisorUserId: options.supervisorUserId, frequencyDays: 14, members: bySupervisor.slice(half), behind: true },
    { name: 'Kelompok Jumat (Bu Sari)', supervisorUserId: options.coordinatorUserId, frequencyDays: 21, members: others, behind: false },
  ].filter((g) => g.members.length > 0);

  const { cases } = await must(backend, 'cases.list', { limit: pageSizes.max });
  const { logs } = await must(backend, 'sessionLogs.list', { limit: pageSizes.max });
  const submitted = logs.filter((l) => l.status !== 'draft' && l.heldOn !== null);

  for (const plan of plans) {
    const { group } = await must(backend, 'supervision.createGroup', {
      name: plan.name,
      supervisorUserId: plan.supervisorUserId,
      frequencyDays: plan.frequencyDays,
      peerIds: plan.members.map((p) => p.id),
    });
    const memberIds = new Set(plan.members.map((p) => p.id));
    const memberNames = new Set(plan.members.map((p) => p.fullName));
    const memberCases = cases.filter((c) => c.peerNames.some((name) => memberNames.has(name)));
    // One group missed its last meeting, so the dashboard and roster show who is overdue.
    const lastHeld = plan.behind ? plan.frequencyDays + between(4, 8) : between(1, plan.frequencyDays - 3);
    const heldDays: number[] = [];
    for (let ago = lastHeld; ago <= 72; ago += plan.frequencyDays) heldDays.push(ago);
    for (const ago of heldDays.reverse()) {
      const heldOn = dayAgo(ago);
      const kind: MeetingKind = random() < 0.15 ? 'case_conference' : 'group';
      const discussed = (memberCases.length > 0 ? memberCases : cases).filter((c) => c.openedAt.slice(0, 10) <= heldOn);
      const caseIds = [...new Set(Array.from({ length: discussed.length > 0 ? between(0, 2) : 0 }, () => pick(discussed).id))];
      const logPool = submitted.filter((l) => memberIds.has(l.peerId) && l.heldOn! <= heldOn && l.heldOn! >= addDays(heldOn, -plan.frequencyDays));
      const logIds = [...new Set(Array.from({ length: logPool.length > 0 ? between(0, 3) : 0 }, () => pick(logPool).id))];
      const items: ActionItemInput[] = Array.from({ length: between(1, 3) }, () => {
        const owner = random() < 0.75 ? pick(plan.members) : null;
        const dueOn = addDays(heldOn, between(5, 14));
        // Older items are mostly done; recent ones mostly open, and a few past their day stay open (overdue).
        const done = dueOn < today && random() < (ago > 30 ? 0.85 : 0.5);
        return { id: null, text: pick(actionTexts), ownerPeerId: owner?.id ?? null, ownerUserId: owner ? null : plan.supervisorUserId, dueOn, done };
      });
      await must(backend, 'supervision.createMeeting', {
        status: 'held',
        kind,
        heldOn,
        startTime: plan.name.includes('Senin') ? '13:30' : '14:00',
        durationMinutes: pick([45, 60, 60, 75, 90]),
        groupId: group.id,
        supervisorUserId: plan.supervisorUserId,
        attendees: [
          ...plan.members.map((p) => ({ peerId: p.id, userId: null, present: random() < 0.84 })),
          ...(plan.supervisorUserId === options.coordinatorUserId ? [] : [{ peerId: null, userId: options.coordinatorUserId, present: random() < 0.5 }]),
        ],
        topics: [...new Set([pick(topicsPool), pick(topicsPool)])],
        caseIds,
        logIds,
        notes: 'Kelompok berbagi pengalaman sesi dua minggu terakhir. Supervisor mengingatkan kapan sebuah cerita harus dibawa ke guru BK.',
        actionItems: items,
      });
    }
    // The next meeting is planned.
    await must(backend, 'supervision.createMeeting', {
      status: 'planned',
      kind: 'group',
      heldOn: addDays(dayAgo(lastHeld), plan.frequencyDays + (plan.behind ? 14 : 0)),
      startTime: '13:30',
      durationMinutes: null,
      groupId: group.id,
      supervisorUserId: plan.supervisorUserId,
      attendees: plan.members.map((p) => ({ peerId: p.id, userId: null, present: false })),
      topics: [pick(topicsPool)],
      caseIds: [],
      logIds: [],
      notes: '',
      actionItems: [],
    });
  }

  // A few individual meetings with peers who carried a heavy case.
  for (const peer of bySupervisor.slice(0, 3)) {
    const heldOn = dayAgo(between(5, 40));
    await must(backend, 'supervision.createMeeting', {
      status: 'held',
      kind: 'individual',
      heldOn,
      startTime: '15:00',
      durationMinutes: 30,
      groupId: null,
      supervisorUserId: options.supervisorUserId,
      attendees: [{ peerId: peer.id, userId: null, present: true }],
      topics: ['Merawat diri setelah sesi berat'],
      caseIds: [],
      logIds: [],
      notes: 'Percakapan pribadi tentang beban setelah mendampingi teman dalam kasus berat.',
      actionItems: [{ id: null, text: 'Menuliskan tiga hal yang membantu menenangkan diri', ownerPeerId: peer.id, ownerUserId: null, dueOn: addDays(heldOn, 7), done: heldOn < dayAgo(14) }],
    });
  }

  // Peer evaluations: most active peers this term, some also last term (a history to chart).
  const level = (base: number) => Math.max(1, Math.min(4, base + (random() < 0.3 ? -1 : random() < 0.3 ? 1 : 0)));
  for (const peer of active) {
    if (random() < 0.2) continue;
    const base = between(2, 3);
    const scores = (b: number) => Object.fromEntries(competencies.map((c) => [c, level(b)])) as Record<Competency, number>;
    if (random() < 0.5) {
      await must(backend, 'evaluations.create', {
        peerId: peer.id,
        evaluatedOn: dayAgo(between(150, 175)),
        scores: scores(base - 1 < 1 ? 1 : base - 1) as MethodInput<'evaluations.create'>['scores'],
        comments: 'Evaluasi awal setelah pelatihan dasar.',
      });
    }
    await must(backend, 'evaluations.create', {
      peerId: peer.id,
      evaluatedOn: dayAgo(between(3, 35)),
      scores: scores(base + (random() < 0.4 ? 1 : 0)) as MethodInput<'evaluations.create'>['scores'],
      comments: pick(['Mendengarkan dengan sabar; catatan sesi makin rapi.', 'Perlu lebih cepat melapor bila ada tanda bahaya.', 'Konsisten hadir dan dipercaya teman-temannya.', '']),
    });
  }

  // WHO-5 at first contact for most help-seekers, and a follow-up for most of those, mostly better.
  const { helpSeekers } = await must(backend, 'helpSeekers.list', { limit: pageSizes.max });
  const answers = (raw: number) => {
    const scores = who5.items.map(() => 0);
    for (let left = Math.max(0, Math.min(25, raw)), i = 0; left > 0; i = (i + 1) % scores.length) {
      if (scores[i]! < 5) {
        scores[i]! += 1;
        left -= 1;
      }
    }
    return who5.items.map((item, i) => ({ item: item.key, score: scores[(i + between(0, 4)) % scores.length]! }));
  };
  for (const seeker of helpSeekers) {
    if (random() < 0.25) continue;
    const first = seeker.createdAt.slice(0, 10) <= today ? localDate(new Date(seeker.createdAt)) : today;
    const baseline = between(6, 16);
    await must(backend, 'outcomes.record', { helpSeekerId: seeker.id, instrument: 'who5', occasion: 'first_contact', measuredOn: first, answers: answers(baseline) });
    const followOn = addDays(first, between(14, 35));
    if (followOn > today || random() < 0.2) continue;
    const change = random() < 0.7 ? between(3, 8) : random() < 0.7 ? between(-1, 2) : between(-4, -3);
    await must(backend, 'outcomes.record', { helpSeekerId: seeker.id, instrument: 'who5', occasion: 'follow_up', measuredOn: followOn, answers: answers(baseline + change) });
  }

  // The term's outreach after the welcome assembly (peerProgram.ts), so the report's outreach is more than one event.
  const outreach = [
    { ago: 62, kind: 'class_visit', title: 'Kunjungan kelas 7A–7D', audience: 'Kelas 7A, 7B, 7C, 7D', reached: 126 },
    { ago: 48, kind: 'poster_media', title: 'Poster “Cerita ke teman sebaya” di mading dan Instagram sekolah', audience: 'Semua siswa', reached: 300 },
    { ago: 33, kind: 'class_visit', title: 'Kunjungan kelas 8A–8D', audience: 'Kelas 8A, 8B, 8C, 8D', reached: 121 },
    { ago: 20, kind: 'staff_briefing', title: 'Pengingat di rapat wali kelas', audience: 'Wali kelas', reached: 24 },
    { ago: 9, kind: 'class_visit', title: 'Kunjungan kelas 9A–9D', audience: 'Kelas 9A, 9B, 9C, 9D', reached: 118 },
  ] as const;
  for (const event of outreach) {
    await must(backend, 'outreach.create', {
      heldOn: dayAgo(event.ago),
      kind: event.kind,
      title: event.title,
      audience: event.audience,
      reached: event.reached,
      notes: '',
      peerIds: event.kind === 'staff_briefing' ? [] : [pick(active).id, pick(active).id].filter((id, i, all) => all.indexOf(id) === i),
    });
  }

  // Anonymous feedback after sessions, on the days it was given. Written straight into the vault: through
  // the contract each form needs its own feedback hand-over and the counselor's password to come back.
  const feedbackDays = [...new Set(submitted.map((l) => l.heldOn!))].sort();
  for (const day of feedbackDays) {
    if (random() < 0.45) continue;
    travel(day, between(10, 15));
    const helpful = pick([3, 4, 4, 5, 5, 5]);
    await insertFeedback(backend.session.db, {
      givenOn: day,
      helpful,
      feltHeard: Math.min(5, helpful + (random() < 0.3 ? 1 : 0)),
      wouldRecommend: pick([3, 4, 5, 5]),
      comment: pick(feedbackComments),
    });
  }
  if (isSettable(clock)) clock.set(startedAt);
  backend.session.touch();
}
