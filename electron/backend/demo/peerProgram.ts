import type { Backend } from '../backend';
import {
  addDays,
  localDate,
  termOf,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  type OutreachKind,
  type Peer,
  type PeerStatus,
} from '../../../src/contract';
import { classNames, familyNames, givenNames } from './names';

async function must<M extends MethodName>(backend: Backend, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await backend.invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** How many peers of each status a school in its second year of the program might have. */
const statusMix: Array<[PeerStatus, number]> = [
  ['active', 14],
  ['in_training', 5],
  ['selected', 2],
  ['interviewing', 2],
  ['nominated', 3],
  ['paused', 1],
  ['alumni', 2],
  ['withdrawn', 1],
];

const staffNominators = ['Pak Joko (wali kelas)', 'Bu Ratna (wali kelas)', 'Bu Sari (guru BK)', 'Pak Hendra (pembina OSIS)'];
const nominationReasons = [
  'Sering jadi tempat curhat teman sekelas.',
  'Tenang, bisa dipercaya, dan tidak suka bergosip.',
  'Aktif di OSIS dan peduli pada teman yang menyendiri.',
  'Pernah menolong teman yang dirundung dan melaporkannya dengan bijak.',
];

const trainers = ['Sari Wulandari, S.Pd.', 'Dewi Anggraini, M.Psi., Psikolog'];

interface DemoPeer {
  peer: Peer;
  target: PeerStatus;
}

/**
 * The peer program of a school in its second year: about thirty peers in every
 * status, the first cohort trained about ten months ago (so some refreshers are
 * due or overdue), a second cohort in training now, and outreach events over the
 * last term and this one. Dates are relative to the backend's clock, so the demo
 * looks current whenever it is made.
 */
export async function seedPeerProgram(
  backend: Backend,
  options: { random: () => number; supervisorUserId: number; coordinatorUserId: number },
): Promise<void> {
  const { random } = options;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const today = localDate(backend.session.config.clock.now());
  const daysAgo = (n: number) => addDays(today, -n);
  // A parent shares the student's family name; the title goes with the relationship.
  const guardianOf = (fullName: string) => {
    const family = fullName.split(' ').slice(1).join(' ');
    const relationship = pick(['mother', 'father', 'mother', 'guardian'] as const);
    const title = relationship === 'father' ? 'Bapak' : relationship === 'mother' ? 'Ibu' : pick(['Bapak', 'Ibu']);
    return { guardianName: `${title} ${pick(givenNames)} ${family}`.trim(), relationship };
  };

  await must(backend, 'settings.update', { studentCount: 640, classNames: [...classNames] });

  const used = new Set<string>();
  const everyone: DemoPeer[] = [];
  for (const [target, count] of statusMix) {
    for (let i = 0; i < count; i += 1) {
      let fullName = '';
      do fullName = `${pick(givenNames)} ${pick(familyNames)}`;
      while (used.has(fullName));
      used.add(fullName);
      const byStaff = random() < 0.6;
      const { peer } = await must(backend, 'peers.create', {
        fullName,
        className: pick(classNames),
        nomination: {
          source: byStaff ? 'staff' : 'student',
          nominatedBy: byStaff ? pick(staffNominators) : `${pick(givenNames)} ${pick(familyNames)}`,
          nominatedOn: daysAgo(target === 'nominated' ? 5 + i : 330 + Math.floor(random() * 20)),
          reason: pick(nominationReasons),
        },
      });
      everyone.push({ peer, target });
    }
  }

  const step = async (p: DemoPeer, to: PeerStatus, reason?: string) => {
    ({ peer: p.peer } = await must(backend, 'peers.transition', { id: p.peer.id, version: p.peer.version, to, ...(reason ? { reason } : {}) }));
  };

  const cohortOne = everyone.filter((p) => ['active', 'paused', 'alumni'].includes(p.target));
  const cohortTwo = everyone.filter((p) => p.target === 'in_training' || p.target === 'withdrawn');

  // Selection: everyone past "nominated" is interviewed; those past "interviewing" were selected.
  for (const p of everyone) {
    if (p.target === 'nominated') continue;
    await step(p, 'interviewing');
    const decided = p.target !== 'interviewing' || p === everyone.find((q) => q.target === 'interviewing');
    if (!decided) continue;
    const undecided = p.target === 'interviewing';
    ({ peer: p.peer } = await must(backend, 'peers.recordInterview', {
      id: p.peer.id,
      version: p.peer.version,
      interviewedOn: daysAgo(cohortOne.includes(p) ? 320 : 40),
      interviewer: 'Sari Wulandari, S.Pd.',
      criteria: {
        trusted: true,
        listener: true,
        confidential: true,
        steady: undecided ? false : random() < 0.85,
        reliable: true,
        motivated: random() < 0.9,
      },
      notes: undecided ? 'Masih ragu apakah bisa membagi waktu dengan kegiatan lomba. Wawancara lanjutan minggu depan.' : 'Tenang, mendengarkan dengan baik, paham pentingnya menjaga rahasia.',
      decision: undecided ? 'undecided' : 'selected',
    }));
    if (p.target === 'interviewing') continue;
    await step(p, 'selected');
    const consentAt = cohortOne.includes(p) ? 310 : 30;
    const hasConsent = p.target !== 'selected' || p === everyone.find((q) => q.target === 'selected');
    if (hasConsent) {
      ({ peer: p.peer } = await must(backend, 'peers.recordConsent', {
        id: p.peer.id,
        version: p.peer.version,
        consentOn: daysAgo(consentAt),
        ...guardianOf(p.peer.fullName),
        formLocation: 'Map "Persetujuan Orang Tua" di lemari arsip BK, rak 2',
      }));
    }
    if (p.target !== 'selected') {
      // One peer in training has not signed the pledge yet, so the profile shows what is missing.
      const signs = p.target !== 'in_training' || p !== cohortTwo[0];
      if (signs) ({ peer: p.peer } = await must(backend, 'peers.recordPledge', { id: p.peer.id, version: p.peer.version, pledgeOn: daysAgo(consentAt - 2) }));
      await step(p, 'in_training');
    }
  }

  // Training: the first cohort did every required module ten months ago, some also the optional ones.
  const { modules } = await must(backend, 'training.modules', {});
  const required = modules.filter((m) => m.required && !m.retired);
  const optional = modules.filter((m) => !m.required && !m.retired);
  const session = async (moduleId: number, heldOn: string, hours: number, attendees: DemoPeer[], scored: boolean) => {
    if (attendees.length === 0) return;
    await must(backend, 'training.recordGroupSession', {
      moduleId,
      heldOn,
      hours,
      trainer: pick(trainers),
      notes: '',
      attendees: attendees.map((p) => ({
        peerId: p.peer.id,
        completed: true,
        score: scored ? 70 + Math.floor(random() * 30) : null,
      })),
    });
  };
  for (const [index, module] of required.entries()) {
    await session(module.id, daysAgo(300 - index * 7), module.hours, cohortOne, index % 2 === 1);
  }
  for (const [index, module] of optional.entries()) {
    await session(module.id, daysAgo(260 - index * 7), module.hours, cohortOne.filter(() => random() < 0.6), false);
  }
  // Half of the first cohort took the risk-and-referral refresher five and a half months ago: due soon.
  const withRefresher = required.find((m) => m.refresherMonths === 6);
  if (withRefresher) await session(withRefresher.id, daysAgo(170), withRefresher.hours, cohortOne.filter((_, i) => i % 2 === 0), true);
  // The second cohort is half-way: the first three required modules done this month.
  for (const [index, module] of required.slice(0, 3).entries()) {
    await session(module.id, daysAgo(21 - index * 7), module.hours, cohortTwo, index === 1);
  }

  for (const p of cohortOne) {
    const current = await must(backend, 'peers.get', { id: p.peer.id });
    p.peer = current.peer;
    await must(backend, 'training.setKnowledgeScores', {
      peerId: p.peer.id,
      version: p.peer.version,
      knowledgePre: 45 + Math.floor(random() * 25),
      knowledgePost: 75 + Math.floor(random() * 25),
    });
    ({ peer: p.peer } = await must(backend, 'peers.get', { id: p.peer.id }));
    await step(p, 'active');
    const supervisorUserId = random() < 0.7 ? options.supervisorUserId : options.coordinatorUserId;
    ({ peer: p.peer } = await must(backend, 'peers.update', {
      id: p.peer.id,
      version: p.peer.version,
      fullName: p.peer.fullName,
      className: p.peer.className,
      supervisorUserId,
    }));
    if (p.target === 'paused') await step(p, 'paused', 'Fokus persiapan ujian; kembali aktif setelah ujian selesai.');
    if (p.target === 'alumni') await step(p, 'alumni', 'Lulus.');
  }
  for (const p of everyone.filter((q) => q.target === 'withdrawn')) {
    ({ peer: p.peer } = await must(backend, 'peers.get', { id: p.peer.id }));
    await step(p, 'withdrawn', 'Pindah sekolah ke luar kota.');
  }

  await seedOutreach(backend, { today, everyone, random });
}

async function seedOutreach(backend: Backend, context: { today: string; everyone: DemoPeer[]; random: () => number }): Promise<void> {
  const { today, everyone, random } = context;
  const current = termOf(today);
  const previous = termOf(addDays(current.start, -1));
  const active = everyone.filter((p) => p.target === 'active' || p.target === 'paused' || p.target === 'alumni').map((p) => p.peer.id);
  const some = (n: number) => active.filter(() => random() < n / Math.max(active.length, 1)).slice(0, n);
  const at = (start: string, day: number) => addDays(start, day);
  const events: Array<{ day: number; start: string; kind: OutreachKind; title: string; audience: string; reached: number; notes: string }> = [
    { start: previous.start, day: 14, kind: 'assembly', title: 'Perkenalan konselor sebaya saat upacara bendera', audience: 'Seluruh siswa', reached: 610, notes: 'Koordinator memperkenalkan program; enam konselor sebaya maju ke depan.' },
    { start: previous.start, day: 21, kind: 'poster_media', title: 'Poster "Cerita ke teman, kami dengarkan"', audience: 'Papan pengumuman tiap lantai', reached: 0, notes: 'Dua belas poster dipasang; jumlah yang membaca tidak dihitung.' },
    { start: previous.start, day: 28, kind: 'class_visit', title: 'Kunjungan kelas 7A dan 7B', audience: 'Kelas 7A, 7B', reached: 64, notes: '' },
    { start: previous.start, day: 35, kind: 'class_visit', title: 'Kunjungan kelas 7C dan 7D', audience: 'Kelas 7C, 7D', reached: 62, notes: '' },
    { start: previous.start, day: 42, kind: 'staff_briefing', title: 'Penjelasan program di rapat dewan guru', audience: 'Guru dan wali kelas', reached: 38, notes: 'Wali kelas diminta mengarahkan siswa ke guru BK, bukan langsung ke konselor sebaya, bila ada tanda bahaya.' },
    { start: previous.start, day: 63, kind: 'parents_meeting', title: 'Sosialisasi di pertemuan orang tua kelas 8', audience: 'Orang tua kelas 8', reached: 120, notes: '' },
    { start: previous.start, day: 90, kind: 'class_visit', title: 'Kunjungan kelas 9A–9D', audience: 'Kelas 9A, 9B, 9C, 9D', reached: 126, notes: '' },
    { start: current.start, day: 10, kind: 'assembly', title: 'Pengingat program di MPLS siswa baru', audience: 'Siswa baru kelas 7', reached: 214, notes: '' },
  ];
  for (const event of events) {
    const heldOn = at(event.start, event.day);
    if (heldOn > today) continue;
    await must(backend, 'outreach.create', {
      heldOn,
      kind: event.kind,
      title: event.title,
      audience: event.audience,
      reached: event.reached,
      notes: event.notes,
      peerIds: event.kind === 'staff_briefing' ? [] : some(3),
    });
  }
}
