import { describe, expect, it } from 'vitest';
import { caseSeverities, caseStatuses, pageSizes, referralStatuses, sessionTopics } from '../../src/contract';
import { seedDemo } from '../../electron/backend/demo/demo';
import { call, newBackend, TestClock } from './support/backend';

describe('the demo school’s term of sessions and cases', () => {
  // The default seed (what `npm run cli -- demo` makes) and another one.
  it.each([2026, 11])('has, with seed %i, a term of logs across peers and topics, returned, approved and waiting ones, cases at every severity and status, and referrals in every status', async (seed) => {
    const clock = new TestClock();
    const backend = newBackend({ clock });
    const startedAt = clock.now().toISOString();
    const accounts = await seedDemo(backend, { seed });
    expect(clock.now().toISOString()).toBe(startedAt);
    await call(backend, 'vault.unlock', accounts.coordinator);

    const { logs } = await call(backend, 'sessionLogs.list', { limit: pageSizes.max });
    expect(logs.length).toBeGreaterThanOrEqual(40);
    expect(new Set(logs.map((l) => l.peerId)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(logs.flatMap((l) => l.topics))).toEqual(new Set(sessionTopics));
    const statuses = new Set(logs.map((l) => l.status));
    for (const status of ['submitted', 'returned', 'approved'] as const) expect(statuses).toContain(status);
    const days = logs.map((l) => l.heldOn!).sort();
    expect(days[0]! < '2026-06-01' && days.at(-1)! >= '2026-07-30').toBe(true);
    expect((await call(backend, 'sessionLogs.reviewQueue', {})).logs.length).toBeGreaterThan(0);

    const { cases } = await call(backend, 'cases.list', { limit: pageSizes.max });
    expect(new Set(cases.map((c) => c.severity))).toEqual(new Set(caseSeverities));
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(caseStatuses));
    expect(new Set(cases.map((c) => c.origin))).toEqual(new Set(['risk_screen', 'review', 'manual']));
    expect(cases.some((c) => c.overdue)).toBe(true);
    const { referrals } = await call(backend, 'referrals.list', {});
    expect(new Set(referrals.map((r) => r.status))).toEqual(new Set(referralStatuses));
    expect(referrals.some((r) => r.followUpOverdue)).toBe(true);
    expect(referrals.some((r) => r.overrideReason)).toBe(true);
    expect((await call(backend, 'referrals.services', {})).services.length).toBeGreaterThanOrEqual(7);
    const board = await call(backend, 'cases.dashboard', {});
    expect(board.oldestUnreviewedUrgent).not.toBeNull();
    expect((await call(backend, 'settings.get', {})).escalationProtocol).toContain('112');
    expect(await call(backend, 'audit.verify', {})).toMatchObject({ ok: true });

    // The peer account writes its own logs and sees only those.
    await call(backend, 'session.handOverToPeer', {});
    await call(backend, 'session.peerSignIn', accounts.peer);
    const own = await call(backend, 'sessionLogs.list', { limit: pageSizes.max });
    expect(own.logs.length).toBeGreaterThan(0);
    expect(new Set(own.logs.map((l) => l.peerId)).size).toBe(1);
  });
});
