import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseStatuses, caseTransitions, type CaseStatus } from '../../src/contract';
import type { Backend } from '../../electron/backend/backend';
import { call, failure, minutes } from './support/backend';
import { aLog, aProgram, asUpdate, eko, signInAsCoordinator, signInAsPeer, signInAsSupervisor, type Program } from './support/sessions';
import { fileNames, filesContaining, folderBytes } from './support/files';
import { rankedMatches } from '../../electron/backend/repositories/search';

/** A program with one urgent case from Budi's log (assigned to Dewi) and one routine case from Citra's (assigned to Eko). */
async function withCases() {
  const program = await aProgram();
  const { backend } = program;
  await call(backend, 'settings.update', { escalationProtocol: 'Telepon Bu Dewi 0812-000. Darurat 112.' });
  const urgent = await call(backend, 'sessionLogs.create', aLog(program.budi.peerId, {
    risks: ['self_harm_or_suicide'],
    noRisks: false,
    newHelpSeeker: { identity: { fullName: 'Rahasia Siswi', className: '8B', contact: '', parentContact: '' } },
  }));
  const routine = await call(backend, 'sessionLogs.create', aLog(program.citra.peerId, { risks: ['family_crisis'], noRisks: false }));
  return { ...program, urgentCase: urgent.flagged!.caseId!, routineCase: routine.flagged!.caseId!, urgentLog: urgent.log, routineLog: routine.log };
}

async function addService(backend: Backend) {
  return (
    await call(backend, 'referrals.createService', {
      kind: 'psychologist',
      name: 'Puskesmas Kecamatan — layanan psikolog',
      organisation: 'Puskesmas Sukamaju',
      phone: '021-555-0101',
      notes: 'Selasa dan Kamis pagi',
    })
  ).service;
}

async function version(backend: Backend, id: number) {
  return (await call(backend, 'cases.get', { id })).case.version;
}

/** Moves a case along a path of statuses as the coordinator, with a referral when the path needs one. */
async function walk(program: Program, id: number, path: CaseStatus[]) {
  const { backend } = program;
  for (const to of path) {
    if (to === 'referred') {
      const service = (await call(backend, 'referrals.services', {})).services[0] ?? (await addService(backend));
      await call(backend, 'referrals.create', {
        caseId: id,
        serviceId: service.id,
        referredOn: '2026-08-03',
        reason: 'Perlu asesmen psikolog.',
        consent: { by: 'Siswa dan ibunya', on: '2026-08-03' },
        overrideReason: null,
        followUpOn: '2026-08-10',
      });
    }
    await call(backend, 'cases.transition', { id, version: await version(backend, id), to, note: '', ...(to === 'closed' ? { outcome: 'resolved' as const } : {}) });
  }
}

/** The shortest way from open to each status. */
const pathTo: Record<CaseStatus, CaseStatus[]> = {
  open: [],
  in_review: ['in_review'],
  monitoring: ['in_review', 'monitoring'],
  referred: ['in_review', 'referred'],
  closed: ['in_review', 'monitoring', 'closed'],
};

describe('the case status machine', () => {
  const pairs = caseStatuses.flatMap((from) => caseStatuses.filter((to) => to !== from).map((to) => [from, to] as const));
  const allowed = pairs.filter(([from, to]) => caseTransitions[from].includes(to));
  const refused = pairs.filter(([from, to]) => !caseTransitions[from].includes(to));

  it('allows exactly open → in review → monitoring or referred (either way) → closed', () => {
    expect(allowed).toEqual([
      ['open', 'in_review'],
      ['in_review', 'monitoring'],
      ['in_review', 'referred'],
      ['monitoring', 'referred'],
      ['monitoring', 'closed'],
      ['referred', 'monitoring'],
      ['referred', 'closed'],
    ]);
  });

  it.each(refused)('refuses %s → %s with CONFLICT and changes nothing', async (from, to) => {
    const program = await withCases();
    const { backend, urgentCase } = program;
    await walk(program, urgentCase, pathTo[from]);
    const before = await call(backend, 'cases.get', { id: urgentCase });
    const error = await failure(backend, 'cases.transition', { id: urgentCase, version: before.case.version, to, note: '', outcome: 'resolved' });
    expect(error).toMatchObject({ code: 'CONFLICT', reason: 'transition-not-allowed', params: { from, to } });
    const after = await call(backend, 'cases.get', { id: urgentCase });
    expect(after.case).toEqual(before.case);
    expect(after.timeline).toEqual(before.timeline);
  });

  it('records every status change on the timeline with author, time and note', async () => {
    const program = await withCases();
    const { backend, clock, urgentCase } = program;
    clock.advance(minutes(3));
    const detail = await call(backend, 'cases.transition', { id: urgentCase, version: await version(backend, urgentCase), to: 'in_review', note: 'Saya tangani hari ini.' });
    expect(detail.timeline.at(-1)).toMatchObject({
      kind: 'status',
      fromStatus: 'open',
      toStatus: 'in_review',
      body: 'Saya tangani hari ini.',
      authorName: 'Sari Wulandari',
      at: clock.now().toISOString(),
    });
  });

  it('moves to referred only with a referral on the case, and closes only with an outcome', async () => {
    const program = await withCases();
    const { backend, urgentCase } = program;
    await walk(program, urgentCase, ['in_review']);
    expect(await failure(backend, 'cases.transition', { id: urgentCase, version: await version(backend, urgentCase), to: 'referred', note: '' })).toMatchObject({
      code: 'CONFLICT',
      reason: 'no-referral',
    });
    await walk(program, urgentCase, ['monitoring']);
    expect(await failure(backend, 'cases.transition', { id: urgentCase, version: await version(backend, urgentCase), to: 'closed', note: '' })).toMatchObject({
      code: 'VALIDATION',
      field: 'outcome',
    });
    const closed = await call(backend, 'cases.transition', {
      id: urgentCase,
      version: await version(backend, urgentCase),
      to: 'closed',
      note: 'Sudah membaik, didampingi orang tua.',
      outcome: 'resolved',
    });
    expect(closed.case).toMatchObject({ status: 'closed', outcome: 'resolved', closedAt: expect.any(String) });
    expect(closed.allowedTransitions).toEqual([]);
  });

  it('refuses a status change made on a version of the case its author did not see', async () => {
    const { backend, urgentCase } = await withCases();
    const seen = await version(backend, urgentCase);
    await call(backend, 'cases.transition', { id: urgentCase, version: seen, to: 'in_review', note: '' });
    expect(await failure(backend, 'cases.transition', { id: urgentCase, version: seen, to: 'in_review', note: '' })).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('the case timeline', () => {
  it('adds notes and decisions with author and time, and never edits or deletes anything', async () => {
    const { backend, urgentCase } = await withCases();
    await call(backend, 'cases.addNote', { id: urgentCase, kind: 'note', text: 'Sudah bicara dengan wali kelas.' });
    const detail = await call(backend, 'cases.addNote', { id: urgentCase, kind: 'decision', text: 'Orang tua dihubungi hari ini.' });
    expect(detail.timeline.map((e) => [e.kind, e.body, e.authorName])).toEqual([
      ['opened', '', 'Sari Wulandari'],
      ['note', 'Sudah bicara dengan wali kelas.', 'Sari Wulandari'],
      ['decision', 'Orang tua dihubungi hari ini.', 'Sari Wulandari'],
    ]);
    const db = backend.session.db;
    await expect(db.run("UPDATE case_events SET body = 'x'")).rejects.toThrow(/append-only/);
    await expect(db.run('DELETE FROM case_events')).rejects.toThrow(/append-only/);
    await expect(db.run('DELETE FROM cases')).rejects.toThrow(/never deleted/);
    await expect(db.run('DELETE FROM case_logs')).rejects.toThrow(/append-only/);
  });

  it('keeps a closed case as it was closed, while its timeline still takes notes', async () => {
    const program = await withCases();
    const { backend, urgentCase } = program;
    await walk(program, urgentCase, pathTo.closed);
    await expect(backend.session.db.run("UPDATE cases SET status = 'open' WHERE id = ?", [urgentCase])).rejects.toThrow(/final/);
    const detail = await call(backend, 'cases.addNote', { id: urgentCase, kind: 'note', text: 'Ibu menelepon: anaknya baik-baik saja.' });
    expect(detail.case.status).toBe('closed');
    expect(detail.timeline.at(-1)?.body).toBe('Ibu menelepon: anaknya baik-baik saja.');
  });
});

describe('who sees which case', () => {
  it('shows a supervisor only the cases assigned to them, refusing others as it refuses unknown ids', async () => {
    const { backend, urgentCase, routineCase } = await withCases();
    await signInAsSupervisor(backend);
    expect((await call(backend, 'cases.list', {})).cases.map((c) => c.id)).toEqual([urgentCase]);
    expect(await failure(backend, 'cases.get', { id: routineCase })).toEqual({ code: 'FORBIDDEN', message: expect.any(String) });
    expect(await failure(backend, 'cases.get', { id: 999 })).toEqual({ code: 'FORBIDDEN', message: expect.any(String) });
    expect((await failure(backend, 'cases.addNote', { id: routineCase, kind: 'note', text: 'x' })).code).toBe('FORBIDDEN');
  });

  it('shows a supervisor the identity only for their own cases', async () => {
    const { backend, urgentLog, routineLog } = await withCases();
    await signInAsSupervisor(backend);
    expect((await call(backend, 'helpSeekers.revealIdentity', { id: urgentLog.helpSeekerId! })).identity?.fullName).toBe('Rahasia Siswi');
    expect((await failure(backend, 'helpSeekers.revealIdentity', { id: routineLog.helpSeekerId! })).code).toBe('FORBIDDEN');
    expect((await call(backend, 'helpSeekers.list', {})).helpSeekers.map((h) => h.id)).toEqual([urgentLog.helpSeekerId]);
  });

  it('shows supervisors every case, and those identities, when the coordinator allows it; acting stays with the assignee', async () => {
    const { backend, routineCase, routineLog } = await withCases();
    await call(backend, 'settings.update', { supervisorsSeeAllCases: true });
    await signInAsSupervisor(backend);
    expect((await call(backend, 'cases.list', {})).cases).toHaveLength(2);
    const other = await call(backend, 'cases.get', { id: routineCase });
    expect(other).toMatchObject({ canAct: false, allowedTransitions: [], helpSeeker: { identityAllowed: true } });
    expect((await call(backend, 'helpSeekers.revealIdentity', { id: routineLog.helpSeekerId! })).identity).toBeNull();
    expect((await failure(backend, 'cases.addNote', { id: routineCase, kind: 'note', text: 'x' })).code).toBe('FORBIDDEN');
  });

  it('shows the coordinator every case', async () => {
    const { backend } = await withCases();
    const { cases } = await call(backend, 'cases.list', { open: true });
    expect(cases.map((c) => c.severity)).toEqual(['urgent', 'routine']);
  });

  it('refuses a peer every case method by role, even about their own log', async () => {
    const { backend, urgentCase } = await withCases();
    await signInAsPeer(backend);
    expect((await failure(backend, 'cases.get', { id: urgentCase })).code).toBe('FORBIDDEN');
    expect((await failure(backend, 'cases.list', {})).code).toBe('FORBIDDEN');
  });

  it('audits every view of a case, naming who and which case', async () => {
    const { backend, urgentCase } = await withCases();
    await call(backend, 'cases.get', { id: urgentCase });
    await signInAsSupervisor(backend);
    await call(backend, 'cases.get', { id: urgentCase });
    await signInAsCoordinator(backend);
    const { entries } = await call(backend, 'audit.list', { action: 'case.viewed' });
    expect(entries.map((e) => [e.actorName, e.target])).toEqual([
      ['dewi', `case:${urgentCase}`],
      ['sari', `case:${urgentCase}`],
    ]);
  });
});

describe('assignment', () => {
  it('lets the assigned supervisor hand a case to a colleague, after which it leaves their queue', async () => {
    const { backend, urgentCase, otherSupervisorId } = await withCases();
    await signInAsSupervisor(backend);
    const handed = await call(backend, 'cases.reassign', {
      id: urgentCase,
      version: await version(backend, urgentCase),
      assignedUserId: otherSupervisorId,
      note: 'Pak Eko lebih dekat dengan keluarganya.',
    });
    expect(handed).toEqual({ visible: false });
    expect((await call(backend, 'cases.list', {})).cases).toEqual([]);
    await signInAsSupervisor(backend, eko);
    const detail = await call(backend, 'cases.get', { id: urgentCase });
    expect(detail.case.assignedName).toBe(eko.fullName);
    expect(detail.timeline.at(-1)).toMatchObject({ kind: 'assigned', assignedToName: eko.fullName, authorName: 'Dewi Lestari' });
  });

  it('refuses to assign a case to a peer account or to nobody’s account', async () => {
    const { backend, urgentCase, budi } = await withCases();
    const error = await failure(backend, 'cases.reassign', { id: urgentCase, version: await version(backend, urgentCase), assignedUserId: budi.userId, note: '' });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'assignedUserId', reason: 'not_staff' });
    expect((await call(backend, 'cases.assignees', {})).assignees.map((a) => a.role)).toEqual(['supervisor', 'supervisor', 'coordinator']);
  });

  it('leaves a case unassigned, for the coordinator to hand out, when the peer has no supervisor', async () => {
    const program = await aProgram();
    const { backend } = program;
    const { peer } = await call(backend, 'peers.get', { id: program.budi.peerId });
    await call(backend, 'peers.update', { id: peer.id, version: peer.version, fullName: peer.fullName, className: peer.className, supervisorUserId: null });
    const { flagged } = await call(backend, 'sessionLogs.create', aLog(peer.id, { risks: ['alcohol_or_drugs'], noRisks: false }));
    expect((await call(backend, 'cases.get', { id: flagged!.caseId! })).case.assignedUserId).toBeNull();
    expect((await call(backend, 'cases.dashboard', {})).unassignedCases).toBe(1);
  });
});

describe('opening a case by hand', () => {
  it('opens a case from a help-seeker with the coordinator’s note, and returns the escalation protocol', async () => {
    const { backend, supervisorId } = await withCases();
    const { helpSeeker } = await call(backend, 'helpSeekers.create', { identity: null });
    const opened = await call(backend, 'cases.open', {
      helpSeekerId: helpSeeker.id,
      logId: null,
      severity: 'high',
      assignedUserId: supervisorId,
      note: 'Wali kelas melaporkan siswa sering menangis di kelas.',
    });
    expect(opened.escalationProtocol).toBe('Telepon Bu Dewi 0812-000. Darurat 112.');
    const detail = await call(backend, 'cases.get', { id: opened.caseId });
    expect(detail.case).toMatchObject({ origin: 'manual', severity: 'high', helpSeekerCode: helpSeeker.code });
    expect(detail.logCount).toBe(0);
    expect(await call(backend, 'cases.logs', { id: opened.caseId })).toEqual({ logs: [], total: 0 });
  });

  it('refuses a log that is not about that help-seeker', async () => {
    const { backend, urgentLog } = await withCases();
    const { helpSeeker } = await call(backend, 'helpSeekers.create', { identity: null });
    const error = await failure(backend, 'cases.open', { helpSeekerId: helpSeeker.id, logId: urgentLog.id, severity: 'high', assignedUserId: null, note: 'x' });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'logId' });
  });
});

describe('referrals', () => {
  it('cannot be saved without consent unless an override reason is recorded', async () => {
    const { backend, urgentCase } = await withCases();
    const service = await addService(backend);
    const base = { caseId: urgentCase, serviceId: service.id, referredOn: '2026-08-03', reason: 'Butuh psikolog.', followUpOn: '2026-08-10' };
    const refused = await failure(backend, 'referrals.create', { ...base, consent: null, overrideReason: '  ' });
    expect(refused).toMatchObject({ code: 'VALIDATION', field: 'consent', reason: 'consent_required' });
    expect((await call(backend, 'cases.get', { id: urgentCase })).referrals).toEqual([]);

    const overridden = await call(backend, 'referrals.create', { ...base, consent: null, overrideReason: 'Siswa dalam bahaya; wajib lapor.' });
    expect(overridden.referrals[0]).toMatchObject({ consentBy: null, overrideReason: 'Siswa dalam bahaya; wajib lapor.', status: 'pending' });
    const withConsent = await call(backend, 'referrals.create', { ...base, consent: { by: 'Ibu kandung', on: '2026-08-03' }, overrideReason: null });
    expect(withConsent.referrals[1]).toMatchObject({ consentBy: 'Ibu kandung', consentOn: '2026-08-03', overrideReason: null });
    expect(withConsent.timeline.filter((e) => e.kind === 'referral_made')).toHaveLength(2);
    await expect(
      backend.session.db.run(
        "INSERT INTO referrals (case_id, service_id, referred_on, reason, status, created_at, updated_at) VALUES (?, ?, '2026-08-03', 'x', 'pending', 'now', 'now')",
        [urgentCase, service.id],
      ),
    ).rejects.toThrow(/CHECK/);
    const { entries } = await call(backend, 'audit.list', { action: 'referral.created' });
    expect(entries.map((e) => e.details.consentOverridden)).toEqual([false, true]);
  });

  it('moves pending → accepted → completed with the follow-up date, and refuses what does not follow', async () => {
    const { backend, urgentCase } = await withCases();
    const service = await addService(backend);
    let detail = await call(backend, 'referrals.create', {
      caseId: urgentCase,
      serviceId: service.id,
      referredOn: '2026-08-03',
      reason: 'Asesmen.',
      consent: { by: 'Siswa', on: '2026-08-03' },
      overrideReason: null,
      followUpOn: '2026-08-07',
    });
    let referral = detail.referrals[0]!;
    expect((await failure(backend, 'referrals.setStatus', { id: referral.id, version: referral.version, to: 'completed', note: '' })).reason).toBe(
      'transition-not-allowed',
    );
    detail = await call(backend, 'referrals.setStatus', { id: referral.id, version: referral.version, to: 'accepted', note: 'Jadwal Kamis.', followUpOn: '2026-08-14' });
    referral = detail.referrals[0]!;
    expect(referral).toMatchObject({ status: 'accepted', followUpOn: '2026-08-14' });
    detail = await call(backend, 'referrals.setStatus', { id: referral.id, version: referral.version, to: 'completed', note: 'Selesai 3 sesi.' });
    expect(detail.referrals[0]!.status).toBe('completed');
    expect(detail.timeline.filter((e) => e.kind === 'referral_status').map((e) => [e.referralStatus, e.body])).toEqual([
      ['accepted', 'Jadwal Kamis.'],
      ['completed', 'Selesai 3 sesi.'],
    ]);
    expect((await failure(backend, 'referrals.setStatus', { id: referral.id, version: detail.referrals[0]!.version, to: 'declined', note: '' })).code).toBe('CONFLICT');
  });

  it('lists follow-ups still open by date, marking the overdue ones, and counts those due on the dashboard', async () => {
    const { backend, clock, urgentCase, routineCase } = await withCases();
    const service = await addService(backend);
    const make = (caseId: number, followUpOn: string) =>
      call(backend, 'referrals.create', {
        caseId,
        serviceId: service.id,
        referredOn: '2026-08-03',
        reason: 'Rujukan.',
        consent: { by: 'Siswa', on: '2026-08-03' },
        overrideReason: null,
        followUpOn,
      });
    await make(routineCase, '2026-08-20');
    await make(urgentCase, '2026-08-05');
    clock.set(new Date(2026, 7, 6, 8, 0));
    await signInAsCoordinator(backend);
    const { referrals } = await call(backend, 'referrals.list', { followUp: true });
    expect(referrals.map((r) => [r.followUpOn, r.followUpOverdue])).toEqual([
      ['2026-08-05', true],
      ['2026-08-20', false],
    ]);
    expect((await call(backend, 'cases.dashboard', {})).referralFollowUpsDue).toBe(1);
    await signInAsSupervisor(backend);
    expect((await call(backend, 'referrals.list', { followUp: true })).referrals.map((r) => r.caseId)).toEqual([urgentCase]);
  });

  it('keeps the directory’s archived entries on the referrals that name them, but offers them no more', async () => {
    const { backend, urgentCase } = await withCases();
    const service = await addService(backend);
    await call(backend, 'referrals.updateService', { id: service.id, version: service.version, kind: service.kind, name: service.name, organisation: service.organisation, phone: service.phone, notes: service.notes, archived: true });
    const error = await failure(backend, 'referrals.create', {
      caseId: urgentCase,
      serviceId: service.id,
      referredOn: '2026-08-03',
      reason: 'x',
      consent: { by: 'Siswa', on: '2026-08-03' },
      overrideReason: null,
      followUpOn: null,
    });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'serviceId', reason: 'archived' });
  });
});

describe('the dashboard', () => {
  it('counts logs awaiting review, open cases by severity, overdue and unassigned cases, and names the oldest unreviewed urgent case with its age', async () => {
    const { backend, clock, urgentCase, budi } = await withCases();
    await call(backend, 'sessionLogs.create', aLog(budi.peerId));
    clock.advance(minutes(9));
    const board = await call(backend, 'cases.dashboard', {});
    expect(board).toMatchObject({
      logsAwaitingReview: 3,
      openBySeverity: { urgent: 1, high: 0, routine: 1 },
      overdueCases: 0,
      unassignedCases: 0,
      referralFollowUpsDue: 0,
      oldestUnreviewedUrgent: { id: urgentCase, helpSeekerCode: 'HS-2026-001', ageMinutes: 9 },
    });
    await signInAsSupervisor(backend);
    expect(await call(backend, 'cases.dashboard', {})).toMatchObject({ logsAwaitingReview: 2, openBySeverity: { urgent: 1, high: 0, routine: 0 } });
  });
});

describe('full-text search', () => {
  it('finds words in log text, addenda and case notes, by the start of a word and without regard to accents', async () => {
    const { backend, urgentCase, budi } = await withCases();
    const { log } = await call(backend, 'sessionLogs.create', aLog(budi.peerId, { summary: 'Dia merasa sedih karena kucingnya hilang.' }));
    await call(backend, 'sessionLogs.approve', { id: log.id, version: log.version });
    await call(backend, 'sessionLogs.addAddendum', { id: log.id, text: 'Kucingnya sudah pulang.' });
    await call(backend, 'cases.addNote', { id: urgentCase, kind: 'note', text: 'Kucing tetangga juga disebut; café dekat sekolah.' });
    const { hits } = await call(backend, 'search.text', { query: 'kucing' });
    expect(hits.map((h) => h.kind).sort()).toEqual(['addendum', 'case_note', 'log']);
    expect(hits.find((h) => h.kind === 'case_note')).toMatchObject({ caseId: urgentCase, helpSeekerCode: 'HS-2026-001' });
    expect(hits.find((h) => h.kind === 'log')?.snippet).toContain('\uE000kucingnya\uE001');
    expect((await call(backend, 'search.text', { query: 'cafe' })).hits).toHaveLength(1);
    expect((await call(backend, 'search.text', { query: 'sedih kucing' })).hits.map((h) => h.logId)).toEqual([log.id]);
    expect((await call(backend, 'search.text', { query: '"OR" NEAR(' })).hits).toEqual([]);
  });

  it('ranks the newest few thousand matches of a word as common as "teman", and finds a rare word in the oldest log', async () => {
    const { backend, budi } = await aProgram();
    const { log: oldest } = await call(backend, 'sessionLogs.create', aLog(budi.peerId, { summary: 'Teman teman teman; tentang layangan.' }));
    const { log: model } = await call(backend, 'sessionLogs.create', aLog(budi.peerId, { summary: 'Cerita biasa tentang teman sekelas dan pelajaran.' }));
    // Years of logs at once: copies of a log, written by SQL (the search index follows its triggers).
    const columns = (await backend.session.db.all<{ name: string }>('PRAGMA table_info(session_logs)')).map((c) => c.name).filter((c) => c !== 'id');
    await backend.session.db.transaction(() =>
      backend.session.db.run(
        `WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < ${rankedMatches})
         INSERT INTO session_logs (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM session_logs, n WHERE id = ?`,
        [model.id],
      ),
    );
    const { hits } = await call(backend, 'search.text', { query: 'teman' });
    expect(hits).toHaveLength(100);
    // The oldest log says "teman" most often, but thousands of newer logs say it too.
    expect(hits.map((h) => h.logId)).not.toContain(oldest.id);
    expect((await call(backend, 'search.text', { query: 'layangan' })).hits.map((h) => h.logId)).toEqual([oldest.id]);
  });

  it('follows a returned log’s edits, so the old wording is no longer found', async () => {
    const { backend, budi } = await aProgram();
    const { log } = await call(backend, 'sessionLogs.create', aLog(budi.peerId, { summary: 'Cerita tentang layang-layang.', submit: false }));
    await call(backend, 'sessionLogs.update', asUpdate(log, { summary: 'Cerita tentang sepeda.' }));
    expect((await call(backend, 'search.text', { query: 'layang' })).hits).toEqual([]);
    expect((await call(backend, 'search.text', { query: 'sepeda' })).hits).toHaveLength(1);
  });

  it('keeps the search index inside the encrypted vault: no word of a log appears in any file on disk', async () => {
    const { backend, budi } = await aProgram();
    const marker = 'Zanzibarkata';
    await call(backend, 'sessionLogs.create', aLog(budi.peerId, { summary: `${marker} dalam cerita.` }));
    await call(backend, 'search.text', { query: marker.slice(0, 5) });
    await call(backend, 'session.lock', {});
    const dir = backend.session.config.dataDir;
    expect(fileNames(dir).length).toBeGreaterThan(0);
    const files = [...folderBytes(dir).keys()].map((name) => path.join(dir, name));
    expect(filesContaining(files, marker)).toEqual([]);
    expect(filesContaining(files, marker.toLowerCase())).toEqual([]);
  });

  it('audits a search without what was searched for', async () => {
    const { backend } = await aProgram();
    await call(backend, 'search.text', { query: 'rahasiakata' });
    const { entries } = await call(backend, 'audit.list', { action: 'search.performed' });
    expect(entries).toEqual([expect.objectContaining({ actorName: 'sari', details: { hits: 0 } })]);
    expect(JSON.stringify(entries)).not.toContain('rahasiakata');
  });
});
