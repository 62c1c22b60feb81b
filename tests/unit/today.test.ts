import { describe, expect, it } from 'vitest';
import type { TodayItem, TodayKind } from '../../src/contract';
import { arrangeToday, type Found } from '../../electron/backend/domain/today';
import { call, minutes } from './support/backend';
import { aLog, aProgram, citra, signInAsCoordinator, signInAsPeer, signInAsSupervisor, eko } from './support/sessions';

const log = (logId: number, severity: 'urgent' | 'high' | 'routine' | null, submittedAt: string): TodayItem => ({
  kind: 'logAwaitingReview',
  tone: 'routine',
  logId,
  peerName: 'Budi Santoso',
  helpSeekerCode: `HS-2026-00${logId}`,
  severity,
  submittedAt,
});
const backup: TodayItem = { kind: 'backup', tone: 'soon', lastBackupAt: null, reminderDays: 7 };
const urgentCase: TodayItem = { kind: 'urgentCase', tone: 'urgent', caseId: 3, helpSeekerCode: 'HS-2026-003', since: '2026-08-03T07:00:00.000Z' };
const refresher = (peerId: number, dueOn: string): TodayItem => ({
  kind: 'refresherOverdue',
  tone: 'soon',
  peerId,
  peerName: `Peer ${peerId}`,
  moduleTitleId: 'Mengenali risiko dan kapan merujuk',
  moduleTitleEn: 'Recognising risk and when to refer',
  dueOn,
});
const foundOf = (kind: TodayKind, items: TodayItem[], total = items.length): Found => ({ kind, total, items });
const kindsOf = (groups: ReturnType<typeof arrangeToday>) => groups.map((g) => g.kind);

describe('the order of Today', () => {
  it('puts an urgent log before a routine one that waited longer, and a log with nothing ticked last', () => {
    const [logs] = arrangeToday([
      foundOf('logAwaitingReview', [log(1, null, '2026-07-20T08:00:00Z'), log(2, 'routine', '2026-07-28T08:00:00Z'), log(3, 'urgent', '2026-08-03T07:30:00Z')]),
    ]);
    expect(logs!.items.map((i) => (i.kind === 'logAwaitingReview' ? i.logId : 0))).toEqual([3, 2, 1]);
  });

  it('orders logs of the same severity by how long they have waited', () => {
    const [logs] = arrangeToday([foundOf('logAwaitingReview', [log(5, 'high', '2026-08-02T08:00:00Z'), log(4, 'high', '2026-07-30T08:00:00Z')])]);
    expect(logs!.items.map((i) => (i.kind === 'logAwaitingReview' ? i.logId : 0))).toEqual([4, 5]);
  });

  it('puts an urgent case waiting first and the backup reminder below every case and log, whatever order they were found in', () => {
    const groups = arrangeToday([
      foundOf('backup', [backup]),
      foundOf('refresherOverdue', [refresher(7, '2026-05-04')]),
      foundOf('logAwaitingReview', [log(1, 'routine', '2026-07-20T08:00:00Z')]),
      foundOf('urgentCase', [urgentCase]),
    ]);
    expect(kindsOf(groups)).toEqual(['urgentCase', 'logAwaitingReview', 'refresherOverdue', 'backup']);
  });

  it('shows at most three lines of a kind about peers, the longest overdue first, and keeps how many there are in all for “and 9 more”', () => {
    const peers = Array.from({ length: 12 }, (_, i) => refresher(i + 1, `2026-0${(i % 7) + 1}-0${(i % 9) + 1}`));
    const [refreshers] = arrangeToday([foundOf('refresherOverdue', peers, 12)]);
    expect(refreshers!.items).toHaveLength(3);
    expect(refreshers!.total).toBe(12);
    const days = refreshers!.items.map((i) => (i.kind === 'refresherOverdue' ? i.dueOn : ''));
    expect(days).toEqual([...days].sort());
    expect(days[0]).toBe('2026-01-01');
  });

  it('shows at most five logs waiting for review, the most severe first', () => {
    const logs = Array.from({ length: 8 }, (_, i) => log(i + 1, i === 7 ? 'urgent' : 'routine', `2026-07-0${i + 1}T08:00:00Z`));
    const [group] = arrangeToday([foundOf('logAwaitingReview', logs)]);
    expect(group!.items.map((i) => (i.kind === 'logAwaitingReview' ? i.logId : 0))).toEqual([8, 1, 2, 3, 4]);
    expect(group!.total).toBe(8);
  });

  it('leaves out the kinds with nothing in them', () => {
    expect(kindsOf(arrangeToday([foundOf('overdueCase', []), foundOf('backup', [backup])]))).toEqual(['backup']);
  });
});

/** Budi (Dewi's) writes an urgent log; Citra (Eko's) a routine one: each opens a case for their own supervisor. */
async function aProgramWithCases() {
  const program = await aProgram();
  const { backend } = program;
  const urgent = await call(backend, 'sessionLogs.create', aLog(program.budi.peerId, { risks: ['self_harm_or_suicide'], noRisks: false }));
  const routine = await call(backend, 'sessionLogs.create', aLog(program.citra.peerId, { risks: ['family_crisis'], noRisks: false }));
  return { ...program, urgentCase: urgent.flagged!.caseId!, routineCase: routine.flagged!.caseId! };
}

async function todayOf(backend: Parameters<typeof call>[0]) {
  return (await call(backend, 'today.list', {})).groups;
}
const itemsOf = <K extends TodayKind>(groups: Awaited<ReturnType<typeof todayOf>>, kind: K) =>
  (groups.find((g) => g.kind === kind)?.items ?? []) as Array<Extract<TodayItem, { kind: K }>>;

describe('Today for each role', () => {
  it('shows the coordinator an urgent log waiting for review before a routine one sent earlier, and the urgent case first of all', async () => {
    const program = await aProgram();
    const { backend, clock } = program;
    const routine = await call(backend, 'sessionLogs.create', aLog(program.citra.peerId));
    clock.advance(minutes(5));
    const urgent = await call(backend, 'sessionLogs.create', aLog(program.budi.peerId, { risks: ['self_harm_or_suicide'], noRisks: false, startTime: '07:30' }));
    const groups = await todayOf(backend);
    expect(groups[0]).toMatchObject({ kind: 'urgentCase', items: [{ caseId: urgent.flagged!.caseId }] });
    expect(itemsOf(groups, 'logAwaitingReview').map((i) => i.logId)).toEqual([urgent.log.id, routine.log.id]);
    expect(itemsOf(groups, 'logAwaitingReview')[0]).toMatchObject({ severity: 'urgent', tone: 'urgent', peerName: 'Budi Santoso' });
    // No backup was ever made: the reminder is the last line.
    expect(groups.at(-1)).toMatchObject({ kind: 'backup', items: [{ lastBackupAt: null }] });
  });

  it('names an active peer whose refresher of a required module is overdue, with the module', async () => {
    const program = await aProgram();
    const { backend } = program;
    const { modules } = await call(backend, 'training.modules', {});
    const risk = modules.find((m) => m.titleEn === 'Recognising risk and when to refer')!;
    expect(risk).toMatchObject({ required: true, refresherMonths: 6 });
    await call(backend, 'training.addRecord', { peerId: program.budi.peerId, moduleId: risk.id, attendedOn: '2025-09-15', hours: 3, trainer: 'Bu Sari', completed: true, score: null });
    // Citra's is recent: not due.
    await call(backend, 'training.addRecord', { peerId: program.citra.peerId, moduleId: risk.id, attendedOn: '2026-07-01', hours: 3, trainer: 'Bu Sari', completed: true, score: null });
    const refreshers = itemsOf(await todayOf(backend), 'refresherOverdue');
    expect(refreshers).toEqual([
      expect.objectContaining({ peerId: program.budi.peerId, peerName: 'Budi Santoso', moduleTitleEn: 'Recognising risk and when to refer', dueOn: '2026-03-15' }),
    ]);
  });

  it('shows a supervisor her own cases and peers, never another supervisor’s, and no review queue or backup', async () => {
    const program = await aProgramWithCases();
    const { backend, clock } = program;
    const { modules } = await call(backend, 'training.modules', {});
    const risk = modules.find((m) => m.titleEn === 'Recognising risk and when to refer')!;
    for (const peerId of [program.budi.peerId, program.citra.peerId]) {
      await call(backend, 'training.addRecord', { peerId, moduleId: risk.id, attendedOn: '2025-09-15', hours: 3, trainer: 'Bu Sari', completed: true, score: null });
    }
    // A month on, Citra's routine case (Eko's) is overdue too.
    clock.advance(30 * 24 * 60 * minutes(1));

    await signInAsSupervisor(backend);
    const dewi = await todayOf(backend);
    expect(itemsOf(dewi, 'urgentCase').map((i) => i.caseId)).toEqual([program.urgentCase]);
    expect(itemsOf(dewi, 'overdueCase')).toEqual([]);
    expect(itemsOf(dewi, 'refresherOverdue').map((i) => i.peerName)).toEqual(['Budi Santoso']);
    expect(dewi.map((g) => g.kind)).not.toContain('logAwaitingReview');
    expect(dewi.map((g) => g.kind)).not.toContain('backup');
    expect(JSON.stringify(dewi)).not.toContain(citra.fullName);

    await signInAsSupervisor(backend, eko);
    const ekos = await todayOf(backend);
    expect(itemsOf(ekos, 'overdueCase').map((i) => i.caseId)).toEqual([program.routineCase]);
    expect(itemsOf(ekos, 'urgentCase')).toEqual([]);
    expect(JSON.stringify(ekos)).not.toContain('Budi Santoso');
  });

  it('shows a peer only his own returned logs, with the coordinator’s comment', async () => {
    const program = await aProgram();
    const { backend } = program;
    const mine = await call(backend, 'sessionLogs.create', aLog(program.budi.peerId));
    const theirs = await call(backend, 'sessionLogs.create', aLog(program.citra.peerId));
    await call(backend, 'sessionLogs.return', { id: mine.log.id, version: mine.log.version, comment: 'Jam sesi belum sesuai jadwal piket.' });
    await call(backend, 'sessionLogs.return', { id: theirs.log.id, version: theirs.log.version, comment: 'Ringkasannya terlalu singkat.' });

    await signInAsCoordinator(backend);
    expect(itemsOf(await todayOf(backend), 'returnedLog').map((i) => i.logId)).toEqual([mine.log.id, theirs.log.id]);

    await signInAsPeer(backend);
    const budi = await todayOf(backend);
    expect(itemsOf(budi, 'returnedLog')).toEqual([
      expect.objectContaining({ logId: mine.log.id, comment: 'Jam sesi belum sesuai jadwal piket.', byName: expect.any(String), tone: 'soon' }),
    ]);
    expect(budi.map((g) => g.kind)).toEqual(['returnedLog']);
    expect(JSON.stringify(budi)).not.toContain('Ringkasannya terlalu singkat.');
  });

  it('drops a returned log from the peer’s Today once it is sent again', async () => {
    const program = await aProgram();
    const { backend } = program;
    const saved = await call(backend, 'sessionLogs.create', aLog(program.budi.peerId));
    const { log: returned } = await call(backend, 'sessionLogs.return', { id: saved.log.id, version: saved.log.version, comment: 'Tambahkan apa yang kamu lakukan.' });
    await signInAsPeer(backend);
    expect(itemsOf(await todayOf(backend), 'returnedLog')).toHaveLength(1);
    const { log: current } = await call(backend, 'sessionLogs.get', { id: returned.id });
    await call(backend, 'sessionLogs.update', {
      id: current.id,
      version: current.version,
      peerId: current.peerId,
      helpSeekerId: current.helpSeekerId,
      heldOn: current.heldOn,
      startTime: current.startTime,
      durationMinutes: current.durationMinutes,
      mode: current.mode,
      groupSize: current.groupSize,
      topics: current.topics,
      summary: current.summary,
      actions: `${current.actions} Lalu mengajaknya ke ruang BK.`,
      followUpOn: current.followUpOn,
      risks: current.risks,
      noRisks: current.noRisks,
      concern: current.concern,
      submit: true,
    });
    expect(await todayOf(backend)).toEqual([]);
  });
});
