import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import type { MethodInput, MethodName } from '../../src/contract';
import { call, coordinator } from './support/backend';
import { aLog, aProgram } from './support/sessions';

/**
 * Issue 12: a call runs one query, or a fixed few, whatever the number of rows it returns
 * (a case with 11 logs took 63 queries). Counted on the open connection.
 */
async function queriesOf<M extends MethodName>(backend: Backend, method: M, input: MethodInput<M>): Promise<number> {
  const db = backend.session.db as unknown as Record<'all' | 'get' | 'run' | 'exec', (...args: unknown[]) => Promise<unknown>>;
  const originals = { all: db.all, get: db.get, run: db.run, exec: db.exec };
  let count = 0;
  for (const name of ['all', 'get', 'run', 'exec'] as const) {
    db[name] = (...args: unknown[]) => {
      count += 1;
      return originals[name].apply(db, args);
    };
  }
  try {
    await call(backend, method, input);
  } finally {
    Object.assign(db, originals);
  }
  return count;
}

/** A case about one help-seeker with `logs` risky logs on it, the coordinator signed in. */
async function aCaseWith(logs: number) {
  const { backend, budi } = await aProgram();
  const first = await call(backend, 'sessionLogs.create', aLog(budi.peerId, { risks: ['severe_distress'], noRisks: false, concern: 'high' }));
  for (let n = 1; n < logs; n += 1) {
    await call(backend, 'sessionLogs.create', aLog(budi.peerId, { helpSeekerId: first.log.helpSeekerId, newHelpSeeker: undefined, risks: ['severe_distress'], noRisks: false, concern: 'high' }));
  }
  const [theCase] = (await call(backend, 'cases.list', {})).cases;
  return { backend, caseId: theCase!.id, helpSeekerId: first.log.helpSeekerId! };
}

describe('the queries of a call', () => {
  it('do not grow with the logs on a case: the case page is a fixed few queries', async () => {
    const small = await aCaseWith(2);
    const large = await aCaseWith(12);
    expect((await call(large.backend, 'cases.get', { id: large.caseId })).logCount).toBe(12);
    expect(await queriesOf(large.backend, 'cases.get', { id: large.caseId })).toBe(await queriesOf(small.backend, 'cases.get', { id: small.caseId }));
    expect((await call(large.backend, 'cases.logs', { id: large.caseId })).logs).toHaveLength(12);
    expect(await queriesOf(large.backend, 'cases.logs', { id: large.caseId })).toBe(await queriesOf(small.backend, 'cases.logs', { id: small.caseId }));
  });

  it('do not grow with the rows of a page of logs, cases or help-seekers', async () => {
    const small = await aCaseWith(2);
    const large = await aCaseWith(12);
    for (const [method, input] of [
      ['sessionLogs.list', {}],
      ['cases.list', {}],
      ['helpSeekers.list', {}],
    ] as const) {
      expect([method, await queriesOf(large.backend, method, input)]).toEqual([method, await queriesOf(small.backend, method, input)]);
    }
  });
});

describe('the query planner', () => {
  it('has its statistics after an unlock, so the term figures are planned on them', async () => {
    const { backend } = await aCaseWith(2);
    await call(backend, 'session.lock', {});
    await call(backend, 'vault.unlock', { username: coordinator.username, password: coordinator.password });
    const stats = await backend.session.db.all<{ tbl: string }>('SELECT DISTINCT tbl FROM sqlite_stat1');
    expect(stats.map((s) => s.tbl)).toEqual(expect.arrayContaining(['session_logs', 'cases']));
  });
});
