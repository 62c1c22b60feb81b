import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changeCategory,
  competencies,
  isPoorWellBeing,
  levelNames,
  percentScore,
  rawScore,
  rubric,
  rubricLevels,
  who5,
} from '../../src/contract';
import { call, failure } from './support/backend';
import { aLog, aProgram, budi, citra, signInAsCoordinator, signInAsPeer, signInAsSupervisor } from './support/sessions';
import { at, who5Answers } from './support/supervision';

const allScores = (score: number) => Object.fromEntries(competencies.map((c) => [c, score])) as Record<(typeof competencies)[number], number>;

describe('WHO-5 scoring', () => {
  const answers = (values: number[]) => Object.fromEntries(who5.items.map((item, i) => [item.key, values[i] ?? 0]));

  it('adds the five answers to a raw score of 0 to 25 and multiplies it by four for a percentage', () => {
    expect(rawScore(who5, answers([0, 0, 0, 0, 0]))).toBe(0);
    expect(rawScore(who5, answers([5, 5, 5, 5, 5]))).toBe(25);
    expect(rawScore(who5, answers([3, 2, 4, 1, 3]))).toBe(13);
    expect(percentScore(who5, 13)).toBe(52);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 5, maxLength: 5 }), (values) => {
        const raw = rawScore(who5, answers(values));
        expect(raw).toBe(values.reduce((a, b) => a + b, 0));
        expect(percentScore(who5, raw)).toBe(raw * 4);
        expect(percentScore(who5, raw)).toBeGreaterThanOrEqual(0);
        expect(percentScore(who5, raw)).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('calls a raw score below 13 poor well-being, and 13 not', () => {
    expect(isPoorWellBeing(who5, 12)).toBe(true);
    expect(isPoorWellBeing(who5, 13)).toBe(false);
    expect(isPoorWellBeing(who5, 0)).toBe(true);
  });

  it('counts a change of ten percentage points or more either way as meaningful, and less as no meaningful change', () => {
    expect(changeCategory(who5, 10)).toBe('improved');
    expect(changeCategory(who5, 9)).toBe('no_meaningful_change');
    expect(changeCategory(who5, 0)).toBe('no_meaningful_change');
    expect(changeCategory(who5, -9)).toBe('no_meaningful_change');
    expect(changeCategory(who5, -10)).toBe('worsened');
  });

  it('keeps the instrument as data: five items and six answers, each in both languages, with its attribution', () => {
    expect(who5.items).toHaveLength(5);
    expect(who5.responses.map((r) => r.value)).toEqual([5, 4, 3, 2, 1, 0]);
    for (const text of [...who5.items.map((i) => i.text), ...who5.responses.map((r) => r.label), who5.attribution, who5.prompt]) {
      expect(text.en.length).toBeGreaterThan(3);
      expect(text.id.length).toBeGreaterThan(3);
    }
    expect(who5.attribution.en).toContain('Psychiatric Research Unit');
  });
});

describe('help-seeker outcomes', () => {
  async function aHelpSeeker() {
    const program = await aProgram();
    const saved = await call(program.backend, 'sessionLogs.create', aLog(program.budi.peerId));
    return { ...program, helpSeekerId: saved.log.helpSeekerId! };
  }

  it('records WHO-5 at first contact and later per help-seeker code, and works out the change from the first to the latest', async () => {
    const { backend, clock, helpSeekerId } = await aHelpSeeker();
    const first = await call(backend, 'outcomes.record', { helpSeekerId, instrument: 'who5', occasion: 'first_contact', measuredOn: '2026-08-03', answers: who5Answers(10) });
    expect(first.outcome.measures[0]).toMatchObject({ raw: 10, percent: 40, poor: true });
    expect(first.outcome.change).toBeNull();
    at(backend, clock, '2026-09-01T09:00:00');
    await call(backend, 'outcomes.record', { helpSeekerId, instrument: 'who5', occasion: 'follow_up', measuredOn: '2026-08-17', answers: who5Answers(12) });
    const { outcome } = await call(backend, 'outcomes.record', { helpSeekerId, instrument: 'who5', occasion: 'follow_up', measuredOn: '2026-08-31', answers: who5Answers(16) });
    expect(outcome.measures.map((m) => [m.occasion, m.percent])).toEqual([
      ['first_contact', 40],
      ['follow_up', 48],
      ['follow_up', 64],
    ]);
    expect(outcome.change).toEqual({ points: 24, category: 'improved' });
    const listed = await call(backend, 'outcomes.list', { helpSeekerId });
    expect(listed.outcomes[0]!.helpSeekerCode).toMatch(/^HS-2026-\d{3}$/);
  });

  it('takes one first contact per help-seeker, no follow-up before it, and names an unanswered or unknown item', async () => {
    const { backend, helpSeekerId } = await aHelpSeeker();
    const input = { helpSeekerId, instrument: 'who5' as const, occasion: 'follow_up' as const, measuredOn: '2026-08-03', answers: who5Answers(12) };
    expect(await failure(backend, 'outcomes.record', input)).toMatchObject({ code: 'CONFLICT', reason: 'no-first-contact' });
    await call(backend, 'outcomes.record', { ...input, occasion: 'first_contact' });
    expect(await failure(backend, 'outcomes.record', { ...input, occasion: 'first_contact' })).toMatchObject({ code: 'CONFLICT', reason: 'first-contact-recorded' });
    expect(await failure(backend, 'outcomes.record', { ...input, measuredOn: '2026-08-02' })).toMatchObject({ field: 'measuredOn', reason: 'before_first_contact' });
    expect(await failure(backend, 'outcomes.record', { ...input, measuredOn: '2026-08-04' })).toMatchObject({ field: 'measuredOn', reason: 'in_future' });
    expect(await failure(backend, 'outcomes.record', { ...input, answers: who5Answers(12).slice(1) })).toMatchObject({ field: 'answers', reason: 'unanswered' });
    expect(await failure(backend, 'outcomes.record', { ...input, answers: [...who5Answers(12), { item: 'happy', score: 3 }] })).toMatchObject({
      field: 'answers.5.item',
      reason: 'unknown_item',
    });
    expect(await failure(backend, 'outcomes.record', { ...input, answers: [{ item: 'cheerful', score: 6 }, ...who5Answers(12).slice(1)] })).toMatchObject({
      field: 'answers.0.score',
      reason: 'invalid_choice',
    });
  });

  it('shows a supervisor only the outcomes of help-seekers on cases they see', async () => {
    const program = await aProgram();
    const { backend } = program;
    const flagged = await call(backend, 'sessionLogs.create', aLog(program.budi.peerId, { risks: ['family_crisis'], noRisks: false }));
    const plain = await call(backend, 'sessionLogs.create', aLog(program.budi.peerId));
    for (const log of [flagged.log, plain.log]) {
      await call(backend, 'outcomes.record', { helpSeekerId: log.helpSeekerId!, instrument: 'who5', occasion: 'first_contact', measuredOn: '2026-08-03', answers: who5Answers(14) });
    }
    await signInAsSupervisor(backend);
    expect((await call(backend, 'outcomes.list', {})).outcomes.map((o) => o.helpSeekerId)).toEqual([flagged.log.helpSeekerId]);
    expect((await failure(backend, 'outcomes.list', { helpSeekerId: plain.log.helpSeekerId! })).code).toBe('FORBIDDEN');
  });
});

describe('anonymous feedback', () => {
  async function handedOverForFeedback() {
    const program = await aProgram();
    await call(program.backend, 'session.handOverForFeedback', {});
    expect((await call(program.backend, 'app.status', {})).state).toBe('feedback-handover');
    return program;
  }
  const answers = { helpful: 4, feltHeard: 5, wouldRecommend: 5, comment: 'Saya merasa didengar.' };

  it('keeps only the day and the answers: no help-seeker code, no account, no time, and nothing in the audit log', async () => {
    const { backend } = await handedOverForFeedback();
    const auditBefore = (await backend.session.db.all<{ n: number }>('SELECT count(*) AS n FROM audit_log'))[0]!.n;
    await call(backend, 'feedback.submit', { helpful: 5, feltHeard: 4, wouldRecommend: 5, comment: 'Terima kasih sudah mendengarkan.' });
    const rows = await backend.session.db.all('SELECT * FROM session_feedback');
    expect(rows).toEqual([{ id: 1, given_on: '2026-08-03', helpful: 5, felt_heard: 4, would_recommend: 5, comment: 'Terima kasih sudah mendengarkan.' }]);
    expect((await backend.session.db.all<{ n: number }>('SELECT count(*) AS n FROM audit_log'))[0]!.n).toBe(auditBefore);
    await signInAsCoordinator(backend);
    const listed = await call(backend, 'feedback.list', { termId: '2026/2027-1' });
    expect(listed.entries).toHaveLength(1);
    expect(listed.averages).toEqual({ helpful: 5, feltHeard: 4, wouldRecommend: 5 });
  });

  it('takes a student’s feedback on the feedback hand-over with no one signed in, and nothing else is readable then', async () => {
    const { backend } = await handedOverForFeedback();
    await call(backend, 'feedback.submit', answers);
    expect(await backend.session.db.all('SELECT helpful, felt_heard, would_recommend FROM session_feedback')).toEqual([
      { helpful: 4, felt_heard: 5, would_recommend: 5 },
    ]);
    expect((await failure(backend, 'feedback.list', { termId: '2026/2027-1' })).code).toBe('LOCKED');
    expect((await failure(backend, 'evaluations.list', {})).code).toBe('LOCKED');
    expect((await call(backend, 'app.status', {})).state).toBe('feedback-handover');
  });

  it('takes one form per hand-over: a second is refused and not kept', async () => {
    const { backend } = await handedOverForFeedback();
    await call(backend, 'feedback.submit', answers);
    expect(await failure(backend, 'feedback.submit', { ...answers, helpful: 1 })).toMatchObject({ code: 'CONFLICT', reason: 'feedback-given' });
    expect(await backend.session.db.all('SELECT helpful FROM session_feedback')).toEqual([{ helpful: 4 }]);
  });

  it('takes another form after the counselor unlocks and hands over again', async () => {
    const { backend } = await handedOverForFeedback();
    await call(backend, 'feedback.submit', answers);
    await signInAsCoordinator(backend);
    await call(backend, 'session.handOverForFeedback', {});
    await call(backend, 'feedback.submit', { ...answers, helpful: 2 });
    expect(await backend.session.db.all('SELECT helpful FROM session_feedback ORDER BY id')).toEqual([{ helpful: 4 }, { helpful: 2 }]);
  });

  it('refuses feedback from a signed-in peer or coordinator, on a peer’s hand-over and while locked, keeping nothing', async () => {
    const { backend } = await aProgram();
    const refusedCode = async () => (await failure(backend, 'feedback.submit', answers)).code;
    expect(await refusedCode()).toBe('LOCKED'); // the coordinator is signed in
    await call(backend, 'session.handOverToPeer', {});
    expect(await refusedCode()).toBe('LOCKED');
    await signInAsPeer(backend, budi);
    expect(await refusedCode()).toBe('LOCKED');
    await call(backend, 'session.lock', {});
    expect(await refusedCode()).toBe('LOCKED');
    await signInAsCoordinator(backend);
    expect((await call(backend, 'feedback.list', { termId: '2026/2027-1' })).entries).toEqual([]);
  });

  it('refuses a score outside 1 to 5, naming the question', async () => {
    const { backend } = await handedOverForFeedback();
    expect(await failure(backend, 'feedback.submit', { helpful: 6, feltHeard: 4, wouldRecommend: 5, comment: '' })).toMatchObject({
      code: 'VALIDATION',
      field: 'helpful',
      reason: 'too_big',
    });
  });
});

describe('peer competency evaluations', () => {
  it('has a descriptor for every level of every competency, in both languages', () => {
    expect(competencies).toHaveLength(6);
    for (const competency of competencies) {
      expect(rubric[competency].name.en && rubric[competency].name.id).toBeTruthy();
      for (const level of rubricLevels) {
        expect(rubric[competency].levels[level].en.length).toBeGreaterThan(10);
        expect(rubric[competency].levels[level].id.length).toBeGreaterThan(10);
      }
    }
    expect(Object.keys(levelNames)).toEqual(['1', '2', '3', '4']);
  });

  it('records six scores and comments, averages them, and keeps the history newest first', async () => {
    const program = await aProgram();
    const { backend, clock } = program;
    await call(backend, 'evaluations.create', { peerId: program.budi.peerId, evaluatedOn: '2026-08-03', scores: allScores(2), comments: 'Masih sering menasihati.' });
    at(backend, clock, '2026-11-20T09:00:00');
    const { evaluation } = await call(backend, 'evaluations.create', {
      peerId: program.budi.peerId,
      evaluatedOn: '2026-11-20',
      scores: { ...allScores(3), empathy: 4, record_keeping: 2 },
      comments: 'Jauh lebih sabar mendengarkan.',
    });
    expect(evaluation).toMatchObject({ average: 3, evaluatorName: 'Sari Wulandari', termId: '2026/2027-1' });
    const { evaluations } = await call(backend, 'evaluations.list', { peerId: program.budi.peerId });
    expect(evaluations.map((e) => [e.evaluatedOn, e.average])).toEqual([
      ['2026-11-20', 3],
      ['2026-08-03', 2],
    ]);
    const standing = await call(backend, 'evaluations.standing', {});
    expect(standing.peers.map((p) => [p.fullName, p.evaluatedThisTerm, p.lastAverage])).toEqual([
      [budi.fullName, true, 3],
      [citra.fullName, false, null],
    ]);
  });

  it('lets a supervisor evaluate the peers they supervise and change their own evaluation, but not another’s peers', async () => {
    const program = await aProgram();
    const { backend } = program;
    await signInAsSupervisor(backend);
    const { evaluation } = await call(backend, 'evaluations.create', { peerId: program.budi.peerId, evaluatedOn: '2026-08-03', scores: allScores(3), comments: '' });
    expect(evaluation.canEdit).toBe(true);
    await call(backend, 'evaluations.update', { id: evaluation.id, version: evaluation.version, evaluatedOn: '2026-08-03', scores: allScores(4), comments: 'Diperbaiki.' });
    expect((await failure(backend, 'evaluations.create', { peerId: program.citra.peerId, evaluatedOn: '2026-08-03', scores: allScores(3), comments: '' })).code).toBe('FORBIDDEN');
    expect((await failure(backend, 'evaluations.list', { peerId: program.citra.peerId })).code).toBe('FORBIDDEN');
  });

  it('shows a peer their own evaluations to read, and nobody else’s', async () => {
    const program = await aProgram();
    const { backend } = program;
    await call(backend, 'evaluations.create', { peerId: program.budi.peerId, evaluatedOn: '2026-08-03', scores: allScores(3), comments: 'Bagus.' });
    await call(backend, 'evaluations.create', { peerId: program.citra.peerId, evaluatedOn: '2026-08-03', scores: allScores(2), comments: 'Rahasia Citra.' });
    await signInAsPeer(backend, budi);
    const own = await call(backend, 'evaluations.list', {});
    expect(own.evaluations.map((e) => [e.peerName, e.comments, e.canEdit])).toEqual([[budi.fullName, 'Bagus.', false]]);
    expect((await failure(backend, 'evaluations.list', { peerId: program.citra.peerId })).code).toBe('FORBIDDEN');
    expect((await failure(backend, 'evaluations.update', { id: own.evaluations[0]!.id, version: 0, evaluatedOn: '2026-08-03', scores: allScores(4), comments: '' })).code).toBe('FORBIDDEN');
  });
});
