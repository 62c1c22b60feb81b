import { describe, expect, it } from 'vitest';
import { concernLevels, riskItems, severityOf, type ConcernLevel, type RiskItem } from '../../src/contract';
import { call, minutes } from './support/backend';
import { severityRank } from '../../electron/backend/repositories/sessionLogs';
import { aLog, aProgram } from './support/sessions';

/** A submitted log with this risk screen (nothing ticked: "none of these" confirmed). */
function flaggedLog(peerId: number, risks: RiskItem[], concern: ConcernLevel = 'low') {
  return aLog(peerId, { risks, noRisks: risks.length === 0, concern });
}

describe('the review queue', () => {
  it('puts an urgent log first even when a routine one has waited longer', async () => {
    const { backend, clock, budi: b } = await aProgram();
    const routine = await call(backend, 'sessionLogs.create', flaggedLog(b.peerId, ['family_crisis']));
    clock.advance(minutes(4));
    const nothingTicked = await call(backend, 'sessionLogs.create', flaggedLog(b.peerId, []));
    clock.advance(minutes(4));
    const urgent = await call(backend, 'sessionLogs.create', flaggedLog(b.peerId, ['self_harm_or_suicide']));
    clock.advance(minutes(4));
    const high = await call(backend, 'sessionLogs.create', flaggedLog(b.peerId, ['alcohol_or_drugs']));

    const queue = await call(backend, 'sessionLogs.reviewQueue', {});
    expect(queue.logs.map((l) => [l.id, l.severity])).toEqual([
      [urgent.log.id, 'urgent'],
      [high.log.id, 'high'],
      [routine.log.id, 'routine'],
      [nothingTicked.log.id, null],
    ]);
  });

  it('within one severity, shows the log that has waited longest first', async () => {
    const { backend, clock, budi: b, citra: c } = await aProgram();
    const first = await call(backend, 'sessionLogs.create', flaggedLog(c.peerId, ['sexual_abuse']));
    clock.advance(minutes(10));
    const routine = await call(backend, 'sessionLogs.create', flaggedLog(b.peerId, ['beyond_peer_role']));
    clock.advance(minutes(10));
    const second = await call(backend, 'sessionLogs.create', flaggedLog(b.peerId, ['violence_or_abuse_at_home', 'family_crisis']));
    clock.advance(minutes(10));
    const third = await call(backend, 'sessionLogs.create', flaggedLog(c.peerId, ['self_harm_or_suicide']));

    expect((await call(backend, 'sessionLogs.reviewQueue', {})).logs.map((l) => l.id)).toEqual([first.log.id, second.log.id, third.log.id, routine.log.id]);
  });

  it('keeps the order across pages: the second page goes on where the first stopped', async () => {
    const { backend, clock, budi: b } = await aProgram();
    const routine = await call(backend, 'sessionLogs.create', flaggedLog(b.peerId, ['family_crisis']));
    clock.advance(minutes(5));
    const urgent = await call(backend, 'sessionLogs.create', flaggedLog(b.peerId, ['sexual_abuse']));
    const firstPage = await call(backend, 'sessionLogs.reviewQueue', { limit: 1 });
    const secondPage = await call(backend, 'sessionLogs.reviewQueue', { limit: 1, offset: 1 });
    expect([firstPage.total, firstPage.logs[0]?.id, secondPage.logs[0]?.id]).toEqual([2, urgent.log.id, routine.log.id]);
  });

  it('ranks every risk item and worry the way the risk screen grades them, a peer very worried making any ticked item high', async () => {
    const { backend, clock, budi: b } = await aProgram();
    const screens: Array<{ risks: RiskItem[]; concern: ConcernLevel }> = [
      { risks: [], concern: 'high' },
      ...riskItems.flatMap((item) => concernLevels.map((concern) => ({ risks: [item], concern }))),
    ];
    const sent: Array<{ id: number; rank: number }> = [];
    const rankOf = (s: ReturnType<typeof severityOf>) => (s === null ? 3 : ['urgent', 'high', 'routine'].indexOf(s));
    for (const screen of screens) {
      const { log } = await call(backend, 'sessionLogs.create', flaggedLog(b.peerId, screen.risks, screen.concern));
      sent.push({ id: log.id, rank: rankOf(severityOf(screen.risks, screen.concern)) });
      clock.advance(minutes(1));
    }
    // Sorted by severity, then by when it was sent (the order of `sent`): what the queue must say.
    const expected = [...sent].sort((x, y) => x.rank - y.rank || x.id - y.id).map((s) => s.id);
    const queue = await call(backend, 'sessionLogs.reviewQueue', { limit: 100 });
    expect(queue.logs.map((l) => l.id)).toEqual(expected);
    expect(queue.logs.map((l) => rankOf(l.severity))).toEqual([...queue.logs.map((l) => rankOf(l.severity))].sort());
  });
});

describe('the review queue at ten years of logs', () => {
  it('reads only the submitted logs, off the status index, to sort them by severity: never every log', async () => {
    const { backend } = await aProgram();
    const plan = await backend.session.db.all<{ detail: string }>(
      `EXPLAIN QUERY PLAN SELECT l.id FROM session_logs l WHERE l.status = 'submitted' ORDER BY ${severityRank}, l.submitted_at ASC, l.id ASC LIMIT 50`,
    );
    const steps = plan.map((p) => p.detail);
    expect(steps.find((s) => /\bl\b/.test(s) && !s.startsWith('CORRELATED'))).toMatch(/^SEARCH l USING (COVERING )?INDEX session_logs_status(_by_day)? \(status=\?/);
    expect(steps.some((s) => s.startsWith('SCAN l'))).toBe(false);
  });
});
