import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, failure, giveFeedback, tempDir, type TestClock } from './support/backend';
import { aLog, aProgram, budi, citra, eko, signInAsCoordinator, signInAsSupervisor, type Program } from './support/sessions';
import { aMeeting, at, who5Answers } from './support/supervision';
import type { Backend } from '../../electron/backend/backend';

const term = { academicYear: '2026/2027', semester: 1 as const, start: '2026-07-13', end: '2026-12-18' };
const identityName = 'Nadia Rahasia Putri';

/**
 * A small school's first weeks of a term, with something just before the term
 * (1 July, in the holiday between two terms) that no figure may count. Every
 * expectation in the test below is worked out by hand from this list.
 */
async function aTermOfWork(): Promise<Program & { codes: string[] }> {
  const program = await aProgram();
  const { backend, clock } = program;
  const move = (moment: string) => at(backend, clock, moment);
  const { budi: b, citra: c } = program;
  await call(backend, 'settings.update', {
    studentCount: 200,
    terms: [term, { academicYear: '2025/2026', semester: 2, start: '2026-01-05', end: '2026-06-19' }],
  });

  // 1 July, before the term: a log about help-seeker A, a meeting, an assembly, feedback, training, A's first WHO-5.
  move('2026-07-01T10:00:00');
  const l6 = await call(backend, 'sessionLogs.create', aLog(b.peerId, { heldOn: '2026-07-01' }));
  const hsA = l6.log.helpSeekerId!;
  await call(backend, 'supervision.createMeeting', aMeeting(program.supervisorId, [b.peerId], { heldOn: '2026-07-01', durationMinutes: 45 }));
  await call(backend, 'outreach.create', { heldOn: '2026-07-01', kind: 'assembly', title: 'MPLS', audience: '', reached: 500, notes: '', peerIds: [] });
  await giveFeedback(backend, { helpful: 1, feltHeard: 1, wouldRecommend: 1, comment: '' });
  const { modules } = await call(backend, 'training.modules', {});
  const required = modules.filter((m) => m.required);
  await call(backend, 'training.addRecord', { peerId: c.peerId, moduleId: required[0]!.id, attendedOn: '2026-07-01', hours: 2, trainer: 'Bu Sari', completed: true, score: null });
  await call(backend, 'outcomes.record', { helpSeekerId: hsA, instrument: 'who5', occasion: 'first_contact', measuredOn: '2026-07-01', answers: who5Answers(10) });

  // Week of 3 August.
  move('2026-08-03T08:00:00');
  const l1 = await call(backend, 'sessionLogs.create', aLog(b.peerId, { heldOn: '2026-08-03', helpSeekerId: hsA, newHelpSeeker: undefined, topics: ['friendship'] }));
  await giveFeedback(backend, { helpful: 5, feltHeard: 5, wouldRecommend: 4, comment: '' });
  move('2026-08-03T12:00:00');
  await call(backend, 'sessionLogs.approve', { id: l1.log.id, version: l1.log.version });
  move('2026-08-04T09:00:00');
  const l2 = await call(
    backend,
    'sessionLogs.create',
    aLog(b.peerId, {
      heldOn: '2026-08-04',
      topics: ['family', 'school_work'],
      risks: ['self_harm_or_suicide'],
      noRisks: false,
      concern: 'high',
      newHelpSeeker: { identity: { fullName: identityName, className: '8B', contact: '', parentContact: '' } },
    }),
  );
  const hsB = l2.log.helpSeekerId!;
  const c1 = l2.flagged!.caseId!;
  await call(backend, 'outcomes.record', { helpSeekerId: hsB, instrument: 'who5', occasion: 'first_contact', measuredOn: '2026-08-04', answers: who5Answers(12) });
  move('2026-08-04T11:30:00');
  await signInAsSupervisor(backend);
  await call(backend, 'cases.addNote', { id: c1, kind: 'note', text: 'Sudah bertemu siswa bersama guru BK.' });
  await signInAsCoordinator(backend);
  move('2026-08-05T09:00:00');
  await call(backend, 'sessionLogs.approve', { id: l2.log.id, version: (await call(backend, 'sessionLogs.get', { id: l2.log.id })).log.version });
  for (const module of required) {
    await call(backend, 'training.addRecord', { peerId: b.peerId, moduleId: module.id, attendedOn: '2026-08-05', hours: 1, trainer: 'Bu Sari', completed: true, score: null });
  }
  await call(backend, 'outreach.create', { heldOn: '2026-08-05', kind: 'class_visit', title: 'Kelas 7A', audience: '7A', reached: 60, notes: '', peerIds: [b.peerId] });
  move('2026-08-06T10:00:00');
  const { service } = await call(backend, 'referrals.createService', { kind: 'psychologist', name: 'Puskesmas', organisation: '', phone: '', notes: '' });
  const referred = await call(backend, 'referrals.create', {
    caseId: c1,
    serviceId: service.id,
    referredOn: '2026-08-06',
    reason: 'Asesmen psikolog.',
    consent: { by: 'Siswa dan ibunya', on: '2026-08-06' },
    overrideReason: null,
    followUpOn: null,
  });
  await call(backend, 'referrals.setStatus', { id: referred.referrals[0]!.id, version: referred.referrals[0]!.version, to: 'accepted', note: '' });
  await call(backend, 'outreach.create', { heldOn: '2026-08-06', kind: 'poster_media', title: 'Poster', audience: '', reached: 0, notes: '', peerIds: [] });
  move('2026-08-07T14:00:00');
  await call(backend, 'supervision.createMeeting', {
    ...aMeeting(program.supervisorId, [b.peerId, c.peerId], { heldOn: '2026-08-07', durationMinutes: 60 }),
    attendees: [
      { peerId: b.peerId, userId: null, present: true },
      { peerId: c.peerId, userId: null, present: false },
    ],
  });

  // Week of 10 August.
  move('2026-08-10T10:00:00');
  const l3 = await call(
    backend,
    'sessionLogs.create',
    aLog(c.peerId, { heldOn: '2026-08-10', helpSeekerId: hsA, newHelpSeeker: undefined, mode: 'group', groupSize: 4, topics: ['friendship'] }),
  );
  await giveFeedback(backend, { helpful: 4, feltHeard: 3, wouldRecommend: 5, comment: '' });
  await call(backend, 'outcomes.record', { helpSeekerId: hsA, instrument: 'who5', occasion: 'follow_up', measuredOn: '2026-08-10', answers: who5Answers(15) });
  move('2026-08-11T08:00:00');
  const l4 = await call(backend, 'sessionLogs.create', aLog(c.peerId, { heldOn: '2026-08-11', topics: ['bullying'] }));
  const hsC = l4.log.helpSeekerId!;
  await call(backend, 'outcomes.record', { helpSeekerId: hsC, instrument: 'who5', occasion: 'first_contact', measuredOn: '2026-08-11', answers: who5Answers(20) });
  await call(backend, 'outcomes.record', { helpSeekerId: hsB, instrument: 'who5', occasion: 'follow_up', measuredOn: '2026-08-11', answers: who5Answers(14) });
  move('2026-08-11T16:00:00');
  await call(backend, 'sessionLogs.return', { id: l3.log.id, version: l3.log.version, comment: 'Tolong lengkapi.' });
  move('2026-08-12T09:00:00');
  await call(backend, 'sessionLogs.create', aLog(b.peerId, { heldOn: '2026-08-12', submit: false }));
  const c2 = await call(backend, 'cases.open', { helpSeekerId: hsC, logId: null, severity: 'high', assignedUserId: program.otherSupervisorId, note: 'Wali kelas khawatir.' });
  await call(backend, 'referrals.create', {
    caseId: c2.caseId,
    serviceId: service.id,
    referredOn: '2026-08-12',
    reason: 'Perundungan berat.',
    consent: { by: 'Siswa', on: '2026-08-12' },
    overrideReason: null,
    followUpOn: null,
  });
  const { helpSeeker: hsE } = await call(backend, 'helpSeekers.create', { identity: null });
  await call(backend, 'cases.open', { helpSeekerId: hsE.id, logId: null, severity: 'urgent', assignedUserId: program.supervisorId, note: 'Laporan guru piket.' });
  move('2026-08-14T15:00:00');
  await call(backend, 'supervision.createMeeting', aMeeting(program.supervisorId, [b.peerId], { kind: 'individual', heldOn: '2026-08-14', durationMinutes: 30 }));

  // Week of 17 August.
  move('2026-08-18T09:00:00');
  await call(backend, 'outcomes.record', { helpSeekerId: hsB, instrument: 'who5', occasion: 'follow_up', measuredOn: '2026-08-18', answers: who5Answers(13) });
  move('2026-08-19T09:00:00');
  await call(backend, 'outcomes.record', { helpSeekerId: hsC, instrument: 'who5', occasion: 'follow_up', measuredOn: '2026-08-19', answers: who5Answers(17) });
  await call(backend, 'supervision.createMeeting', aMeeting(program.supervisorId, [b.peerId], { status: 'planned', heldOn: '2026-08-28', durationMinutes: null }));
  move('2026-08-20T09:00:00');
  const codes = (await call(backend, 'helpSeekers.list', {})).helpSeekers.map((h) => h.code);
  return { ...program, codes };
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

async function savedPdf(backend: Backend, language: 'id' | 'en', termId = '2026/2027-1') {
  const result = await call(backend, 'reports.exportPdf', { termId, language });
  const file = path.join(tempDir(), result.fileName);
  const bytes = Buffer.from(result.base64, 'base64');
  writeFileSync(file, bytes);
  return { ...result, file, bytes };
}

describe('the term report’s figures', () => {
  it('counts each figure of the term by hand-checked rules, and nothing from before the term', async () => {
    const { backend } = await aTermOfWork();
    const report = await call(backend, 'reports.term', { termId: '2026/2027-1' });
    expect(report.term).toEqual({ id: '2026/2027-1', ...term });
    expect(report.asOf).toBe('2026-08-20');
    expect(report.schoolName).toBe('SMP Negeri 3 Contoh');
    expect(report.sessions).toEqual({
      total: 4,
      groupSessions: 1,
      studentsInGroups: 4,
      perWeek: [
        { weekStart: '2026-07-13', sessions: 0 },
        { weekStart: '2026-07-20', sessions: 0 },
        { weekStart: '2026-07-27', sessions: 0 },
        { weekStart: '2026-08-03', sessions: 2 },
        { weekStart: '2026-08-10', sessions: 2 },
        { weekStart: '2026-08-17', sessions: 0 },
      ],
    });
    expect(report.topics).toEqual([
      { topic: 'friendship', sessions: 2 },
      { topic: 'bullying', sessions: 1 },
      { topic: 'family', sessions: 1 },
      { topic: 'school_work', sessions: 1 },
    ]);
    // A, B and C; A was first seen on 1 July, so only B and C are new.
    expect(report.reach).toEqual({ helpSeekers: 3, newHelpSeekers: 2, share: 0.015 });
    expect(report.escalation).toEqual({ submittedLogs: 4, escalatedLogs: 1, rate: 0.25, casesOpened: { urgent: 2, high: 1, routine: 0 } });
    // 4 h (L1), 24 h (L2), 30 h (L3, returned); L4 still waits.
    expect(report.reviewTime).toEqual({ reviewed: 3, waiting: 1, medianHours: 24, worstHours: 30 });
    // C1: opened 09:00, Dewi's note 11:30; the coordinator's urgent case has no action yet.
    expect(report.urgentResponse).toEqual({ cases: 2, answered: 1, waiting: 1, medianHours: 2.5, worstHours: 2.5 });
    expect(report.referrals).toEqual({ total: 2, byStatus: { pending: 1, accepted: 1, declined: 0, completed: 0 } });
    expect(report.supervision).toEqual({
      meetings: 2,
      byKind: { individual: 1, group: 1, case_conference: 0 },
      hours: 1.5,
      invited: 3,
      present: 2,
      attendanceRate: 0.6667,
      activePeers: 2,
      peersSupervised: 1,
    });
    expect(report.training).toEqual({ inProgram: 2, trained: 1, rate: 0.5, completions: 5, hours: 5 });
    expect(report.outreach.events).toBe(2);
    expect(report.outreach.reached).toBe(60);
    expect(report.outreach.byKind.class_visit).toEqual({ events: 1, reached: 60 });
    expect(report.outreach.byKind.poster_media).toEqual({ events: 1, reached: 0 });
    expect(report.outreach.byKind.assembly).toEqual({ events: 0, reached: 0 });
    // A 40 → 60 (+20), B 48 → 52 (+4, the latest of two follow-ups), C 80 → 68 (−12).
    expect(report.who5).toEqual({
      firstContacts: 2,
      pairs: 3,
      baselineMean: 56,
      followUpMean: 60,
      meanChange: 4,
      improved: 1,
      noMeaningfulChange: 1,
      worsened: 1,
      poorAtBaseline: 2,
      poorAtFollowUp: 0,
    });
    expect(report.feedback).toEqual({ responses: 2, helpful: 4.5, feltHeard: 4, wouldRecommend: 4.5 });
  });

  it('counts from the records every time: a change shows in the next report at once', async () => {
    const { backend, budi: b } = await aTermOfWork();
    const before = await call(backend, 'reports.term', { termId: '2026/2027-1' });
    await call(backend, 'sessionLogs.create', aLog(b.peerId, { heldOn: '2026-08-20', topics: ['grief'] }));
    const after = await call(backend, 'reports.term', { termId: '2026/2027-1' });
    expect(after.sessions.total).toBe(before.sessions.total + 1);
    expect(after.topics.find((t) => t.topic === 'grief')).toEqual({ topic: 'grief', sessions: 1 });
    expect(after.reach.helpSeekers).toBe(before.reach.helpSeekers + 1);
  });

  it('gives an empty term zeros and blanks, not errors', async () => {
    const { backend } = await aTermOfWork();
    const report = await call(backend, 'reports.term', { termId: '2025/2026-2' });
    expect(report.sessions.total).toBe(0);
    expect(report.reach).toEqual({ helpSeekers: 0, newHelpSeekers: 0, share: 0 });
    expect(report.escalation.rate).toBeNull();
    expect(report.reviewTime).toEqual({ reviewed: 0, waiting: 0, medianHours: null, worstHours: null });
    expect(report.who5.meanChange).toBeNull();
    expect(report.feedback).toEqual({ responses: 0, helpful: null, feltHeard: null, wouldRecommend: null });
  });

  it('lists the terms set in Settings and the derived ones with activity, and opens on the current one', async () => {
    const { backend } = await aTermOfWork();
    const { terms, currentTermId } = await call(backend, 'reports.terms', {});
    expect(currentTermId).toBe('2026/2027-1');
    expect(terms.map((t) => [t.id, t.set, t.start])).toEqual([
      ['2026/2027-1', true, '2026-07-13'],
      ['2025/2026-2', true, '2026-01-05'],
    ]);
    expect((await failure(backend, 'reports.term', { termId: '2026-1' })).field).toBe('termId');
  });
});

describe('the term report as a file', () => {
  it('holds the school’s name, the term and the figures, and no student name or help-seeker code anywhere', async () => {
    const program = await aTermOfWork();
    expect(program.codes.length).toBeGreaterThanOrEqual(4);
    for (const language of ['id', 'en'] as const) {
      const { file, bytes, fileName } = await savedPdf(program.backend, language);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(fileName).toBe(language === 'id' ? 'laporan-semester-2026-2027-1.pdf' : 'term-report-2026-2027-1.pdf');
      const text = pdfText(file);
      expect(text).toContain('SMP Negeri 3 Contoh');
      expect(text).toContain(language === 'id' ? 'Semester ganjil 2026/2027' : 'Odd semester 2026/2027');
      expect(text).toContain(language === 'id' ? 'Laporan semester' : 'Term report');
      expect(text).toContain('WHO-5');
      // Names of students (peers and help-seekers) and codes, in the text and in the file's own bytes (its title, author…).
      const raw = bytes.toString('latin1');
      for (const secret of [budi.fullName, citra.fullName, identityName, ...program.codes]) {
        expect([secret, text.includes(secret), raw.includes(secret)]).toEqual([secret, false, false]);
      }
      expect(text).not.toMatch(/HS-\d{4}-\d+/);
      // Staff are not named either: the report is about the program, not about people.
      expect(text).not.toContain(eko.fullName);
    }
  });

  it('writes the figures in the chosen language, the English one in English', async () => {
    const { backend } = await aTermOfWork();
    const english = pdfText((await savedPdf(backend, 'en')).file);
    expect(english).toContain('Students helped');
    expect(english).toContain('Median time to review');
    expect(english).not.toContain('Siswa yang dibantu');
    const indonesian = pdfText((await savedPdf(backend, 'id')).file);
    expect(indonesian).toContain('Siswa yang dibantu');
    expect(indonesian).toContain('Pertemanan');
  });

  it('exports the same figures as CSV rows, with no name or code, and records the export in the audit log', async () => {
    const program = await aTermOfWork();
    const { csv, fileName, rows } = await call(program.backend, 'reports.exportCsv', { termId: '2026/2027-1', language: 'en' });
    expect(fileName).toBe('term-report-2026-2027-1.csv');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Section,Figure,Value');
    expect(lines.length).toBe(rows + 5);
    expect(lines).toContain('Sessions,Sessions,4');
    expect(lines).toContain('Reach,Share of the student body,1.5%');
    expect(lines).toContain('Timeliness,Median time to review,24 h');
    expect(lines).toContain('Well-being (WHO-5),Average change (points),4');
    for (const secret of [budi.fullName, citra.fullName, identityName, ...program.codes]) expect(csv).not.toContain(secret);
    const { entries } = await call(program.backend, 'audit.list', { action: 'report.exported' });
    expect(entries[0]?.details).toEqual({ termId: '2026/2027-1', format: 'csv' });
  });

  it('lets a supervisor read and export the report, and a peer neither', async () => {
    const program = await aTermOfWork();
    await signInAsSupervisor(program.backend);
    expect((await call(program.backend, 'reports.term', { termId: '2026/2027-1' })).sessions.total).toBe(4);
    expect((await savedPdf(program.backend, 'id')).bytes.length).toBeGreaterThan(10_000);
  });
});

describe('terms in Settings', () => {
  async function settingTerms(program: Program, terms: unknown) {
    return program.backend.call('settings.update', { terms });
  }

  it('refuses overlapping terms, a term that ends before it starts and one outside its year, naming the row and field', async () => {
    const program = await aProgram();
    const second = { academicYear: '2026/2027', semester: 2 as const, start: '2027-01-04', end: '2027-06-18' };
    const refused = async (terms: unknown) => {
      const result = await settingTerms(program, terms);
      expect(result.ok).toBe(false);
      return result.ok ? null : result.error;
    };
    expect(await refused([term, { ...second, start: '2026-12-01' }])).toMatchObject({ field: 'terms.1.start', reason: 'overlaps' });
    expect(await refused([{ ...term, end: '2026-07-01' }])).toMatchObject({ field: 'terms.0.end', reason: 'before_start' });
    expect(await refused([{ ...term, academicYear: '2026/2028' }])).toMatchObject({ field: 'terms.0.academicYear', reason: 'academic_year' });
    expect(await refused([{ ...second, end: '2028-01-10' }])).toMatchObject({ field: 'terms.0.start', reason: 'outside_year' });
    expect(await refused([term, { ...second, semester: 1 }])).toMatchObject({ field: 'terms.1.semester', reason: 'duplicate_term' });
    const saved = await call(program.backend, 'settings.update', { terms: [second, term] });
    expect(saved.terms.map((t) => t.id)).toEqual(['2026/2027-1', '2026/2027-2']);
  });

  it('puts outreach into the terms as set, and opens outreach totals on the current one', async () => {
    const program = await aProgram();
    const { backend, clock } = program;
    await call(backend, 'settings.update', { terms: [term] });
    at(backend, clock as TestClock, '2026-08-03T09:00:00');
    const { event } = await call(backend, 'outreach.create', { heldOn: '2026-07-20', kind: 'class_visit', title: 'Kelas 7B', audience: '', reached: 30, notes: '', peerIds: [] });
    expect(event.termId).toBe('2026/2027-1');
    const summary = await call(backend, 'outreach.summary', {});
    expect(summary.currentTermId).toBe('2026/2027-1');
    expect(summary.terms[0]).toMatchObject({ term: { start: '2026-07-13', end: '2026-12-18' }, events: 1, reached: 30 });
  });
});
