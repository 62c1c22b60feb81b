import { describe, expect, it } from 'vitest';
import { derivedTerm, peerStatuses, termOf, type OutreachKind } from '../../src/contract';
import type { Backend } from '../../electron/backend/backend';
import { seedDemo } from '../../electron/backend/demo/demo';
import { activatePeer, call, createdVault, failure, newBackend, TestClock } from './support/backend';

describe('terms', () => {
  it('puts July–December in the odd semester that opens the school year, January–June in the even one that closes it', () => {
    expect(derivedTerm('2026-08-03')).toEqual({ id: '2026/2027-1', academicYear: '2026/2027', semester: 1, start: '2026-07-01', end: '2026-12-31' });
    expect(derivedTerm('2026-07-01').id).toBe('2026/2027-1');
    expect(derivedTerm('2026-12-31').id).toBe('2026/2027-1');
    expect(derivedTerm('2027-01-01')).toEqual({ id: '2026/2027-2', academicYear: '2026/2027', semester: 2, start: '2027-01-01', end: '2027-06-30' });
    expect(derivedTerm('2026-06-30').id).toBe('2025/2026-2');
  });

  it('uses an explicit term when one is given for the date, and the derived one otherwise', () => {
    const explicit = [{ id: '2026/2027-1', academicYear: '2026/2027', semester: 1 as const, start: '2026-07-13', end: '2026-12-19' }];
    expect(termOf('2026-07-20', explicit)).toBe(explicit[0]);
    expect(termOf('2026-07-01', explicit)).toEqual(derivedTerm('2026-07-01'));
  });
});

async function vault() {
  const backend = newBackend({ clock: new TestClock() });
  await createdVault(backend);
  return backend;
}

async function log(backend: Backend, heldOn: string, kind: OutreachKind, reached: number, peerIds: number[] = []) {
  return (await call(backend, 'outreach.create', { heldOn, kind, title: `${kind} ${heldOn}`, audience: '', reached, notes: '', peerIds })).event;
}

describe('the outreach log', () => {
  it('records an event with the peers who took part, in its term', async () => {
    const backend = await vault();
    const { peer } = await call(backend, 'peers.create', { fullName: 'Ayu Lestari', className: '7A' });
    const event = await log(backend, '2026-08-01', 'class_visit', 32, [peer.id]);
    expect(event).toMatchObject({ kind: 'class_visit', reached: 32, peers: [{ id: peer.id, fullName: 'Ayu Lestari' }], termId: '2026/2027-1', version: 0 });
    expect((await call(backend, 'outreach.list', {})).events).toEqual([event]);
  });

  it('finds events by a word of their title, audience or notes, or by a peer who took part, with the total found', async () => {
    const backend = await vault();
    const { peer } = await call(backend, 'peers.create', { fullName: 'Ayu Lestari', className: '7A' });
    const withAyu = await log(backend, '2026-08-01', 'class_visit', 32, [peer.id]);
    const parents = (await call(backend, 'outreach.create', { heldOn: '2026-08-02', kind: 'parents_meeting', title: 'Rapat komite', audience: 'Orang tua kelas 7', reached: 40, notes: '', peerIds: [] })).event;
    await log(backend, '2026-08-03', 'assembly', 600);
    const found = async (text: string) => (await call(backend, 'outreach.list', { text })).events.map((e) => e.id);
    expect(await found('lestari')).toEqual([withAyu.id]);
    expect(await found('ORANG TUA')).toEqual([parents.id]);
    expect(await found('100%')).toEqual([]);
    const page = await call(backend, 'outreach.list', { sort: 'reached', direction: 'desc', limit: 1, offset: 1 });
    expect([page.events.map((e) => e.reached), page.total]).toEqual([[40], 3]);
  });

  it('edits an event with its version, refusing a stale edit', async () => {
    const backend = await vault();
    const event = await log(backend, '2026-08-01', 'assembly', 600);
    const fields = { heldOn: event.heldOn, kind: event.kind, title: 'Upacara bendera', audience: 'Semua siswa', reached: 612, notes: '', peerIds: [] };
    const edited = await call(backend, 'outreach.update', { id: event.id, version: 0, ...fields });
    expect(edited.event).toMatchObject({ title: 'Upacara bendera', reached: 612, version: 1 });
    expect((await failure(backend, 'outreach.update', { id: event.id, version: 0, ...fields })).reason).toBe('stale');
  });

  it('refuses an event naming a peer who does not exist, naming the field', async () => {
    const backend = await vault();
    const error = await failure(backend, 'outreach.create', { heldOn: '2026-08-01', kind: 'other', title: 'Pameran', audience: '', reached: 10, notes: '', peerIds: [42] });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'peerIds.0', reason: 'not_found' });
  });

  it('deletes an event and its list of peers', async () => {
    const backend = await vault();
    const { peer } = await call(backend, 'peers.create', { fullName: 'Ayu Lestari', className: '7A' });
    const event = await log(backend, '2026-08-01', 'class_visit', 32, [peer.id]);
    await call(backend, 'outreach.delete', { id: event.id });
    expect((await call(backend, 'outreach.list', {})).events).toEqual([]);
    expect((await failure(backend, 'outreach.delete', { id: event.id })).code).toBe('NOT_FOUND');
  });

  it('totals events and people reached per term (newest first) and per kind, listing the current term even before its first event', async () => {
    const backend = await vault();
    let summary = await call(backend, 'outreach.summary', {});
    expect(summary.currentTermId).toBe('2026/2027-1');
    expect(summary.terms.map((t) => [t.term.id, t.events, t.reached])).toEqual([['2026/2027-1', 0, 0]]);

    await log(backend, '2026-02-10', 'assembly', 600);
    await log(backend, '2026-03-05', 'class_visit', 30);
    await log(backend, '2026-03-12', 'class_visit', 28);
    await log(backend, '2026-08-01', 'parents_meeting', 120);
    summary = await call(backend, 'outreach.summary', {});
    expect(summary.terms.map((t) => [t.term.id, t.events, t.reached])).toEqual([
      ['2026/2027-1', 1, 120],
      ['2025/2026-2', 3, 658],
    ]);
    expect(summary.terms[1]!.byKind.class_visit).toEqual({ events: 2, reached: 58 });
    expect(summary.terms[1]!.byKind.poster_media).toEqual({ events: 0, reached: 0 });
    expect(summary.byKind).toMatchObject({ assembly: { events: 1, reached: 600 }, class_visit: { events: 2, reached: 58 }, parents_meeting: { events: 1, reached: 120 } });
  });
});

describe('coverage', () => {
  it('needs the school size and classes from Settings before it can say anything', async () => {
    const backend = await vault();
    expect((await call(backend, 'outreach.summary', {})).coverage).toEqual({
      studentCount: null,
      activePeers: 0,
      share: null,
      classes: [],
      classesWithoutActivePeer: [],
    });
  });

  it('shows active peers as a share of the students, and the classes with no active peer', async () => {
    const backend = await vault();
    const settings = await call(backend, 'settings.update', { studentCount: 400, classNames: ['7A', '7B', '8A', '8 B', '7a'] });
    expect(settings).toMatchObject({ studentCount: 400, classNames: ['7A', '7B', '8A', '8 B'] });
    for (const [fullName, className] of [
      ['Ayu', '7A'],
      ['Bagas', '8b'],
      ['Citra', '8A'],
    ] as const) {
      const { peer } = await call(backend, 'peers.create', { fullName, className });
      if (fullName !== 'Citra') await activatePeer(backend, peer.id);
    }
    const { coverage } = await call(backend, 'outreach.summary', {});
    expect(coverage).toEqual({ studentCount: 400, activePeers: 2, share: 0.005, classes: ['7A', '7B', '8A', '8 B'], classesWithoutActivePeer: ['7B', '8A'] });
  });
});

describe('the demo school', () => {
  it('has peers in every status, a trained first cohort with refreshers due, group sessions, a term of outreach and coverage', async () => {
    const backend = newBackend({ clock: new TestClock() });
    const accounts = await seedDemo(backend, { seed: 7 });
    await call(backend, 'vault.unlock', { username: accounts.coordinator.username, password: accounts.coordinator.password });
    const { peers } = await call(backend, 'peers.list', {});
    expect(new Set(peers.map((p) => p.status))).toEqual(new Set(peerStatuses));
    const active = peers.filter((p) => p.status === 'active');
    expect(active.length).toBeGreaterThanOrEqual(10);
    expect(active.every((p) => p.trained && p.consent && p.pledge && p.supervisorName)).toBe(true);
    expect(active.some((p) => p.refreshers.some((r) => r.state === 'overdue'))).toBe(true);
    expect(active.some((p) => p.refreshers.some((r) => r.state === 'due'))).toBe(true);
    expect(peers.filter((p) => p.status === 'in_training').every((p) => !p.trained && p.requiredDone === 3)).toBe(true);
    expect((await call(backend, 'training.sessions', {})).sessions.length).toBeGreaterThan(5);
    const summary = await call(backend, 'outreach.summary', {});
    expect(summary.terms[1]?.events).toBeGreaterThanOrEqual(5);
    expect(summary.coverage.studentCount).toBe(640);
    expect(summary.coverage.classes).toHaveLength(12);
    expect(await call(backend, 'audit.verify', {})).toMatchObject({ ok: true });
  });
});
