import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { seedDemo } from '../../electron/backend/demo/demo';
import { refresherDueSql } from '../../electron/backend/repositories/peers';
import { addMonths, trainingFilters, type RosterEntry, type TrainingFilter } from '../../src/contract';
import { call, createdVault, failure, newBackend, newBackendForFile, TestClock } from './support/backend';
import { aProgram, budi, citra, signInAsPeer, signInAsSupervisor } from './support/sessions';

/** Issue 12: the roster of a district, a page at a time, sorted, filtered and searched in SQL. */
async function aRosterOf(count: number) {
  const backend = newBackend({ clock: new TestClock() });
  await createdVault(backend);
  const classes = ['7A', '8B', '10A', '9C'];
  for (let n = 1; n <= count; n += 1) {
    await call(backend, 'peers.create', { fullName: `Siswa ${String(n).padStart(3, '0')}`, className: classes[n % classes.length]! });
  }
  return backend;
}

const names = (peers: readonly RosterEntry[]) => peers.map((p) => p.fullName);

describe('the paged roster', () => {
  it('answers 50 peers at a time by name with the total, and the next page after them', async () => {
    const backend = await aRosterOf(60);
    const first = await call(backend, 'peers.list', {});
    expect(first.total).toBe(60);
    expect(names(first.peers)).toEqual(Array.from({ length: 50 }, (_, i) => `Siswa ${String(i + 1).padStart(3, '0')}`));
    const second = await call(backend, 'peers.list', { offset: 50 });
    expect(names(second.peers)).toEqual(Array.from({ length: 10 }, (_, i) => `Siswa ${String(i + 51).padStart(3, '0')}`));
    expect(second.total).toBe(60);
  });

  it('sorts a class by its number first, so 10A comes after 9C, then by name from A to Z', async () => {
    const backend = await aRosterOf(8);
    const { peers } = await call(backend, 'peers.list', { sort: 'className', direction: 'asc' });
    expect(peers.map((p) => p.className)).toEqual(['7A', '7A', '8B', '8B', '9C', '9C', '10A', '10A']);
    expect(names(peers.slice(0, 2))).toEqual(['Siswa 004', 'Siswa 008']);
    // The other way round, the peers of one class still read A to Z.
    const highestClassFirst = await call(backend, 'peers.list', { sort: 'className', direction: 'desc', limit: 2 });
    expect(highestClassFirst.peers.map((p) => `${p.className} ${p.fullName}`)).toEqual(['10A Siswa 002', '10A Siswa 006']);
  });

  it('sorts by the program’s order of statuses, and by when the status began', async () => {
    const { backend, clock } = await aProgram();
    clock.advance(60_000);
    const { peer } = await call(backend, 'peers.create', { fullName: 'Zaki Baru', className: '7A' });
    const byStatus = await call(backend, 'peers.list', { sort: 'status', direction: 'asc' });
    expect(byStatus.peers.map((p) => p.status)).toEqual(['nominated', 'active', 'active']);
    const newest = await call(backend, 'peers.list', { sort: 'statusSince', direction: 'desc' });
    expect(newest.peers.map((p) => p.id)[0]).toBe(peer.id);
    expect(newest.peers[0]?.statusSince).toBe(peer.createdAt);
    const oldest = await call(backend, 'peers.list', { sort: 'statusSince', direction: 'asc' });
    expect(oldest.peers.map((p) => p.id).at(-1)).toBe(peer.id);
  });

  it('finds a peer by part of the name or the class in any case, and takes a typed % literally', async () => {
    const backend = await aRosterOf(12);
    expect(names((await call(backend, 'peers.list', { text: 'siswa 01' })).peers)).toEqual(['Siswa 010', 'Siswa 011', 'Siswa 012']);
    expect((await call(backend, 'peers.list', { text: '10a' })).peers.map((p) => p.className)).toEqual(['10A', '10A', '10A']);
    expect((await call(backend, 'peers.list', { text: '10%' })).total).toBe(0);
  });

  it('narrows to the statuses and the class asked for', async () => {
    const { backend } = await aProgram();
    await call(backend, 'peers.create', { fullName: 'Andi Baru', className: '9B' });
    expect(names((await call(backend, 'peers.list', { statuses: ['nominated'] })).peers)).toEqual(['Andi Baru']);
    expect(names((await call(backend, 'peers.list', { statuses: ['active', 'paused'] })).peers)).toEqual([budi.fullName, citra.fullName]);
    expect(names((await call(backend, 'peers.list', { className: '9b' })).peers)).toEqual(['Andi Baru', citra.fullName]);
  });

  it('names the peers a picker has chosen, by their ids', async () => {
    const backend = await aRosterOf(60);
    const { peers } = await call(backend, 'peers.list', { offset: 55 });
    const chosen = [peers[3]!.id, peers[0]!.id];
    expect(names((await call(backend, 'peers.list', { ids: chosen })).peers)).toEqual(['Siswa 056', 'Siswa 059']);
  });

  it('counts each status and names each class once for the roster’s filters', async () => {
    const backend = await aRosterOf(5);
    const overview = await call(backend, 'peers.overview', {});
    expect(overview.total).toBe(5);
    expect(overview.byStatus).toMatchObject({ nominated: 5, active: 0, withdrawn: 0 });
    expect([...overview.classNames].sort()).toEqual(['10A', '7A', '8B', '9C']);
  });

  it('exports every peer the filters find, not only the page on screen', async () => {
    const backend = await aRosterOf(60);
    const all = await call(backend, 'peers.exportCsv', { language: 'en' });
    expect(all.rows).toBe(60);
    const some = await call(backend, 'peers.exportCsv', { language: 'en', className: '7A' });
    expect(some.rows).toBe(15);
  });
});

describe('the roster as each caller may see it', () => {
  it('gives a peer only their own entry, whatever they ask for', async () => {
    const { backend, budi: b } = await aProgram();
    await signInAsPeer(backend);
    expect((await call(backend, 'peers.list', {})).peers.map((p) => p.id)).toEqual([b.peerId]);
    expect((await call(backend, 'peers.list', { text: citra.fullName })).total).toBe(0);
    expect((await call(backend, 'peers.overview', {})).total).toBe(1);
  });

  it('narrows a supervisor’s picker to the peers she supervises, from the whole roster she reads', async () => {
    const { backend } = await aProgram();
    await signInAsSupervisor(backend);
    expect(names((await call(backend, 'peers.list', {})).peers)).toEqual([budi.fullName, citra.fullName]);
    expect(names((await call(backend, 'peers.list', { supervised: true })).peers)).toEqual([budi.fullName]);
  });

  it('finds the peers without an account for the coordinator, and tells a supervisor none', async () => {
    const { backend } = await aProgram();
    const { peer } = await call(backend, 'peers.create', { fullName: 'Andi Baru', className: '7A' });
    expect((await call(backend, 'peers.list', { withoutAccount: true })).peers.map((p) => p.id)).toEqual([peer.id]);
    await signInAsSupervisor(backend);
    expect((await call(backend, 'peers.list', { withoutAccount: true })).total).toBe(0);
  });

  it('refuses a page larger than 200 rows', async () => {
    const backend = await aRosterOf(1);
    expect(await failure(backend, 'peers.list', { limit: 201 })).toMatchObject({ code: 'VALIDATION', field: 'limit' });
  });
});

describe('the roster’s training filter', () => {
  // The filter is SQL, the figures are worked out in TypeScript (training/progress.ts): the demo
  // school has trained, untrained, overdue and due peers in every status, and both must agree.
  let demo: Backend;
  beforeAll(async () => {
    demo = newBackendForFile({ clock: new TestClock() });
    const accounts = await seedDemo(demo, { seed: 7 });
    await call(demo, 'vault.unlock', accounts.coordinator);
  });

  it.each(trainingFilters)('finds with “%s” exactly the peers whose figures say so', async (filter: TrainingFilter) => {
    const { peers } = await call(demo, 'peers.list', { limit: 200 });
    const holds: Record<TrainingFilter, (p: RosterEntry) => boolean> = {
      trained: (p) => p.trained,
      not_trained: (p) => !p.trained,
      refresher: (p) => p.refreshers.length > 0,
    };
    const expected = peers.filter(holds[filter]).map((p) => p.id);
    expect(expected.length).toBeGreaterThan(0);
    expect((await call(demo, 'peers.list', { training: filter, limit: 200 })).peers.map((p) => p.id)).toEqual(expected);
  });

  it('lists the peers with a refresher due soonest first, as the refreshers tab shows them', async () => {
    const { peers } = await call(demo, 'peers.list', { training: 'refresher', sort: 'refresherDueOn', direction: 'asc', limit: 200 });
    const firstDue = peers.map((p) => p.refreshers[0]!.dueOn);
    expect(peers.length).toBeGreaterThan(1);
    expect(firstDue).toEqual([...firstDue].sort());
  });

  it('dates a refresher in SQL on the day addMonths gives, the month’s last day included', async () => {
    const backend = await aRosterOf(0);
    const db = backend.session.db;
    await fc.assert(
      fc.asyncProperty(
        fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 60 }),
        async (moment, months) => {
          const day = moment.toISOString().slice(0, 10);
          const row = await db.get<{ due: string }>(`SELECT ${refresherDueSql('d', 'n')} AS due FROM (SELECT ? AS d, ? AS n)`, [day, months]);
          expect(row?.due).toBe(addMonths(day, months));
        },
      ),
      { numRuns: 300 },
    );
  });
});
