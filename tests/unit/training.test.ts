import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, type TrainingModule } from '../../src/contract';
import type { Backend } from '../../electron/backend/backend';
import { trainingProgress } from '../../electron/backend/training/progress';
import { activatePeer, call, createdVault, failure, newBackend, TestClock } from './support/backend';

/** Today, for every test here: the test clock's 2026-08-03. */
const today = '2026-08-03';

function module(id: number, fields: Partial<TrainingModule> = {}): TrainingModule {
  return {
    id,
    titleId: `Modul ${id}`,
    titleEn: `Module ${id}`,
    descriptionId: '',
    descriptionEn: '',
    hours: 2,
    required: true,
    refresherMonths: null,
    position: id,
    retired: false,
    retiredAt: null,
    version: 0,
    createdAt: '',
    updatedAt: '',
    ...fields,
  };
}

let nextRecord = 1;
const done = (moduleId: number, attendedOn: string, extra: { completed?: boolean; hours?: number; score?: number | null } = {}) => ({
  id: nextRecord++,
  moduleId,
  sessionId: null,
  attendedOn,
  hours: extra.hours ?? 2,
  trainer: 'Bu Sari',
  completed: extra.completed ?? true,
  score: extra.score ?? null,
});

describe('the trained rule', () => {
  const modules = [module(1), module(2), module(3, { required: false })];

  it('calls a peer trained when every required module is complete, on the day the last of them was first completed', () => {
    const progress = trainingProgress(modules, [done(1, '2026-02-10'), done(2, '2026-03-05'), done(2, '2026-04-01')], 'active', today);
    expect(progress).toMatchObject({ trained: true, trainedOn: '2026-03-05', requiredDone: 2, requiredTotal: 2, hours: 6 });
  });

  it('does not count attendance without completion, nor optional modules', () => {
    const progress = trainingProgress(modules, [done(1, '2026-02-10'), done(2, '2026-03-05', { completed: false }), done(3, '2026-03-06')], 'active', today);
    expect(progress).toMatchObject({ trained: false, trainedOn: null, requiredDone: 1, missingModuleIds: [2] });
    expect(progress.modules.find((m) => m.moduleId === 2)).toMatchObject({ attended: true, completed: false });
  });

  it('leaves a retired module out of the rule but keeps the peer’s records of it', () => {
    const withRetired = [module(1), module(2, { retired: true, retiredAt: '2026-05-01' }), module(4, { retired: true })];
    const progress = trainingProgress(withRetired, [done(1, '2026-02-10'), done(2, '2026-01-10')], 'active', today);
    expect(progress).toMatchObject({ trained: true, trainedOn: '2026-02-10', requiredTotal: 1 });
    expect(progress.modules.map((m) => m.moduleId)).toEqual([1, 2]);
  });

  it('keeps the best assessment score and adds up hours across attempts', () => {
    const progress = trainingProgress(
      [module(1)],
      [done(1, '2026-01-10', { completed: false, score: 55, hours: 1.5 }), done(1, '2026-01-17', { score: 80, hours: 2 })],
      'in_training',
      today,
    );
    expect(progress.modules[0]).toMatchObject({ bestScore: 80, hours: 3.5, firstCompletedOn: '2026-01-17' });
  });
});

describe('refreshers', () => {
  const refresh6 = [module(1, { refresherMonths: 6 })];

  it('falls due the interval after the latest completion', () => {
    const progress = trainingProgress(refresh6, [done(1, '2025-09-01'), done(1, '2026-03-10')], 'active', today);
    expect(progress.modules[0]?.refresherDueOn).toBe('2026-09-10');
  });

  it('shows as due within 30 days of the date, and overdue after it', () => {
    const state = (completedOn: string) => trainingProgress(refresh6, [done(1, completedOn)], 'active', today).modules[0]?.refresherState;
    expect(state('2026-02-03')).toBe('due'); // due today
    expect(state('2026-03-02')).toBe('due'); // due 2026-09-02, 30 days ahead
    expect(state('2026-03-03')).toBeNull(); // due in 31 days
    expect(state('2026-02-02')).toBe('overdue'); // due yesterday
  });

  it('lists the due and overdue ones for the roster, soonest first', () => {
    const modules = [module(1, { refresherMonths: 6 }), module(2, { refresherMonths: 12 }), module(3, { refresherMonths: 12 })];
    const progress = trainingProgress(modules, [done(1, '2026-01-01'), done(2, '2025-08-20'), done(3, '2026-01-01')], 'paused', today);
    expect(progress.refreshers).toEqual([
      { moduleId: 1, dueOn: '2026-07-01', state: 'overdue' },
      { moduleId: 2, dueOn: '2026-08-20', state: 'due' },
    ]);
  });

  it('does not remind alumni or withdrawn peers, nor about a retired module', () => {
    for (const status of ['alumni', 'withdrawn'] as const) {
      expect(trainingProgress(refresh6, [done(1, '2025-01-01')], status, today).refreshers).toEqual([]);
    }
    expect(trainingProgress([module(1, { refresherMonths: 6, retired: true })], [done(1, '2025-01-01')], 'active', today).refreshers).toEqual([]);
  });

  it('clamps to the end of a shorter month (31 August + 6 months is 28 February)', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', 12)).toBe('2027-01-15');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('never moves a date backwards and lands in the right month, for any date and interval', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }), fc.integer({ min: 1, max: 60 }), (date, months) => {
        const start = date.toISOString().slice(0, 10);
        const due = addMonths(start, months);
        expect(due > start).toBe(true);
        const monthsBetween = (Number(due.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(due.slice(5, 7)) - Number(start.slice(5, 7));
        expect(monthsBetween).toBe(months);
        expect(addDays(due, 0)).toBe(due);
      }),
    );
  });
});

async function vaultWithPeers(names: string[]) {
  const backend = newBackend({ clock: new TestClock() });
  await createdVault(backend);
  const ids: number[] = [];
  for (const fullName of names) ids.push((await call(backend, 'peers.create', { fullName, className: '8A' })).peer.id);
  return { backend, ids };
}

async function requiredModules(backend: Backend) {
  return (await call(backend, 'training.modules', {})).modules.filter((m) => m.required && !m.retired);
}

describe('training records through the backend', () => {
  it('ships the default curriculum in both languages, with hours, required flags and refresher intervals', async () => {
    const { backend } = await vaultWithPeers([]);
    const { modules } = await call(backend, 'training.modules', {});
    expect(modules.map((m) => [m.titleEn, m.hours, m.required, m.refresherMonths])).toEqual([
      ['The role and limits of a peer supporter', 2, true, null],
      ['Active listening', 3, true, null],
      ['Empathy', 2, true, null],
      ['Confidentiality and its limits', 2, true, 12],
      ['Recognising risk and when to refer', 3, true, 6],
      ['Bullying', 2, false, null],
      ['Self-care', 1.5, false, null],
    ]);
    expect(modules.map((m) => m.titleId)).toContain('Mendengarkan aktif');
  });

  it('records one group session for many peers at once, each with their own completion and score', async () => {
    const { backend, ids } = await vaultWithPeers(['Ayu', 'Bagas', 'Citra']);
    const [first] = await requiredModules(backend);
    const result = await call(backend, 'training.recordGroupSession', {
      moduleId: first!.id,
      heldOn: '2026-07-27',
      hours: 2,
      trainer: 'Bu Sari',
      notes: 'Di ruang BK',
      attendees: [
        { peerId: ids[0]!, completed: true, score: 90 },
        { peerId: ids[1]!, completed: true, score: null },
        { peerId: ids[2]!, completed: false, score: null },
      ],
    });
    expect(result.records).toBe(3);
    const { sessions } = await call(backend, 'training.sessions', {});
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ moduleId: first!.id, heldOn: '2026-07-27', trainer: 'Bu Sari', notes: 'Di ruang BK' });
    expect(sessions[0]!.attendees.map((a) => [a.fullName, a.completed, a.score])).toEqual([
      ['Ayu', true, 90],
      ['Bagas', true, null],
      ['Citra', false, null],
    ]);
    const ayu = await call(backend, 'peers.profile', { id: ids[0]! });
    expect(ayu.training.records).toEqual([expect.objectContaining({ moduleId: first!.id, sessionId: result.sessionId, hours: 2, score: 90, completed: true })]);
    expect(ayu.training).toMatchObject({ requiredDone: 1, hours: 2 });
  });

  it('refuses a group session listing a peer twice or a peer who does not exist, writing nothing', async () => {
    const { backend, ids } = await vaultWithPeers(['Ayu']);
    const base = { moduleId: 1, heldOn: '2026-07-27', hours: 2, trainer: 'Bu Sari', notes: '' };
    const twice = { peerId: ids[0]!, completed: true, score: null };
    expect(await failure(backend, 'training.recordGroupSession', { ...base, attendees: [twice, twice] })).toMatchObject({ field: 'attendees', reason: 'duplicate' });
    expect(
      await failure(backend, 'training.recordGroupSession', { ...base, attendees: [twice, { peerId: 99, completed: true, score: null }] }),
    ).toMatchObject({ code: 'VALIDATION', field: 'attendees.1.peerId', reason: 'not_found' });
    expect((await call(backend, 'training.sessions', {})).sessions).toEqual([]);
  });

  it('marks a peer trained with the date once all required modules are recorded, and a certificate can name it', async () => {
    const { backend, ids } = await vaultWithPeers(['Ayu']);
    const required = await requiredModules(backend);
    for (const [index, m] of required.entries()) {
      await call(backend, 'training.addRecord', {
        peerId: ids[0]!,
        moduleId: m.id,
        attendedOn: `2026-07-${String(10 + index).padStart(2, '0')}`,
        hours: m.hours,
        trainer: 'Bu Sari',
        completed: true,
        score: null,
      });
    }
    const [entry] = (await call(backend, 'peers.list', {})).peers;
    expect(entry).toMatchObject({ trained: true, trainedOn: '2026-07-14', requiredDone: 5, requiredTotal: 5, trainingHours: 12 });
  });

  it('deletes a mistaken record and forgets it in the figures', async () => {
    const { backend, ids } = await vaultWithPeers(['Ayu']);
    const { recordId } = await call(backend, 'training.addRecord', {
      peerId: ids[0]!,
      moduleId: 1,
      attendedOn: '2026-07-10',
      hours: 2,
      trainer: 'Bu Sari',
      completed: true,
      score: 75,
    });
    await call(backend, 'training.deleteRecord', { id: recordId });
    expect((await call(backend, 'peers.profile', { id: ids[0]! })).training).toMatchObject({ records: [], hours: 0, requiredDone: 0 });
    expect((await failure(backend, 'training.deleteRecord', { id: recordId })).code).toBe('NOT_FOUND');
  });

  it('shows refreshers due and overdue on the roster of active peers', async () => {
    const { backend, ids } = await vaultWithPeers(['Ayu', 'Bagas']);
    for (const id of ids) await activatePeer(backend, id);
    // Risk and referral has a six-month refresher: completed in January, it was due in July.
    await call(backend, 'training.addRecord', { peerId: ids[0]!, moduleId: 5, attendedOn: '2026-01-20', hours: 3, trainer: 'Bu Sari', completed: true, score: null });
    await call(backend, 'training.addRecord', { peerId: ids[1]!, moduleId: 5, attendedOn: '2026-02-20', hours: 3, trainer: 'Bu Sari', completed: true, score: null });
    const { peers } = await call(backend, 'peers.list', {});
    expect(peers.map((p) => [p.fullName, p.refreshers])).toEqual([
      ['Ayu', [{ moduleId: 5, dueOn: '2026-07-20', state: 'overdue' }]],
      ['Bagas', [{ moduleId: 5, dueOn: '2026-08-20', state: 'due' }]],
    ]);
    const profile = await call(backend, 'peers.profile', { id: ids[1]! });
    expect(profile.training.modules.find((m) => m.moduleId === 5)).toMatchObject({ refresherDueOn: '2026-08-20', refresherState: 'due' });
  });

  it('records pre- and post-training knowledge scores with the peer’s version', async () => {
    const { backend, ids } = await vaultWithPeers(['Ayu']);
    await call(backend, 'training.setKnowledgeScores', { peerId: ids[0]!, version: 0, knowledgePre: 48, knowledgePost: 86 });
    expect((await call(backend, 'peers.profile', { id: ids[0]! })).training).toMatchObject({ knowledgePre: 48, knowledgePost: 86 });
    expect((await failure(backend, 'training.setKnowledgeScores', { peerId: ids[0]!, version: 0, knowledgePre: 1, knowledgePost: 2 })).reason).toBe('stale');
  });
});

describe('the curriculum', () => {
  const fields = { titleId: 'Pertolongan pertama psikologis', titleEn: '', descriptionId: '', descriptionEn: '', hours: 2, required: false, refresherMonths: null };

  it('adds a module at the end, in one language if need be', async () => {
    const { backend } = await vaultWithPeers([]);
    const { module } = await call(backend, 'training.createModule', fields);
    expect(module).toMatchObject({ titleId: fields.titleId, titleEn: '', position: 8, retired: false, version: 0 });
  });

  it('refuses a module without a title in either language, naming the field', async () => {
    const { backend } = await vaultWithPeers([]);
    expect(await failure(backend, 'training.createModule', { ...fields, titleId: ' ' })).toMatchObject({ code: 'VALIDATION', field: 'titleId', reason: 'required' });
  });

  it('keeps every version of a module: created, edited, retired, restored, newest first, with who did it', async () => {
    const { backend } = await vaultWithPeers([]);
    const { module } = await call(backend, 'training.createModule', fields);
    const edited = await call(backend, 'training.updateModule', { id: module.id, version: 0, ...fields, hours: 3, refresherMonths: 12 });
    const retired = await call(backend, 'training.setModuleRetired', { id: module.id, version: edited.module.version, retired: true });
    expect(retired.module).toMatchObject({ retired: true, retiredAt: expect.any(String) });
    await call(backend, 'training.setModuleRetired', { id: module.id, version: retired.module.version, retired: false });
    const { revisions } = await call(backend, 'training.moduleHistory', { id: module.id });
    expect(revisions.map((r) => [r.change, r.hours, r.refresherMonths, r.changedByName])).toEqual([
      ['restored', 3, 12, 'Sari Wulandari'],
      ['retired', 3, 12, 'Sari Wulandari'],
      ['edited', 3, 12, 'Sari Wulandari'],
      ['created', 2, null, 'Sari Wulandari'],
    ]);
  });

  it('keeps a retired module and its records, but takes no new records for it until restored', async () => {
    const { backend, ids } = await vaultWithPeers(['Ayu']);
    const record = { peerId: ids[0]!, moduleId: 6, attendedOn: '2026-07-10', hours: 2, trainer: 'Bu Sari', completed: true, score: null };
    await call(backend, 'training.addRecord', record);
    const bullying = (await call(backend, 'training.modules', {})).modules.find((m) => m.id === 6)!;
    await call(backend, 'training.setModuleRetired', { id: 6, version: bullying.version, retired: true });
    expect((await call(backend, 'training.modules', {})).modules.find((m) => m.id === 6)?.retired).toBe(true);
    expect((await call(backend, 'peers.profile', { id: ids[0]! })).training.records).toHaveLength(1);
    expect((await failure(backend, 'training.addRecord', record)).reason).toBe('module-retired');
  });

  it('refuses a stale edit of a module', async () => {
    const { backend } = await vaultWithPeers([]);
    await call(backend, 'training.updateModule', { id: 1, version: 0, ...fields });
    expect((await failure(backend, 'training.updateModule', { id: 1, version: 0, ...fields, hours: 4 })).reason).toBe('stale');
  });
});
