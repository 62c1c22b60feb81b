import { pageSizes } from '../../src/contract';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/backend/demo/demo';
import { call, newBackend, TestClock } from './support/backend';

describe('the demo school’s term of supervision and evaluation', () => {
  // The default seed (what `npm run cli -- demo` makes) and another one.
  it.each([2026, 11])('has, with seed %i, groups meeting on a cadence with one behind, action items open, done and overdue, evaluations, WHO-5 pairs and feedback, so every figure of the term report has numbers', async (seed) => {
    const clock = new TestClock();
    const backend = newBackend({ clock });
    const startedAt = clock.now().toISOString();
    const accounts = await seedDemo(backend, { seed });
    expect(clock.now().toISOString()).toBe(startedAt);
    await call(backend, 'vault.unlock', accounts.coordinator);

    const { groups } = await call(backend, 'supervision.groups', {});
    expect(groups.length).toBe(3);
    const { meetings } = await call(backend, 'supervision.meetings', { limit: pageSizes.max });
    expect(meetings.filter((m) => m.status === 'held').length).toBeGreaterThanOrEqual(10);
    expect(meetings.some((m) => m.status === 'planned')).toBe(true);
    expect(new Set(meetings.map((m) => m.kind))).toEqual(new Set(['individual', 'group', 'case_conference']));
    const { peers: cadence } = await call(backend, 'supervision.cadence', {});
    expect(cadence.some((p) => p.state === 'overdue')).toBe(true);
    expect(cadence.some((p) => p.state === 'ok')).toBe(true);
    expect(groups.some((g) => g.overdue)).toBe(true);

    const held = await Promise.all(meetings.filter((m) => m.status === 'held').map((m) => call(backend, 'supervision.meeting', { id: m.id })));
    const items = held.flatMap((m) => m.meeting.actionItems);
    expect(items.some((i) => i.done)).toBe(true);
    expect(items.some((i) => !i.done && i.overdue)).toBe(true);
    expect(items.some((i) => !i.done && !i.overdue)).toBe(true);
    expect(held.some((m) => m.meeting.discussedCases.length > 0)).toBe(true);
    expect(held.some((m) => m.meeting.discussedLogs.length > 0)).toBe(true);
    expect(held.some((m) => m.meeting.attendees.some((a) => !a.present))).toBe(true);

    const { evaluations } = await call(backend, 'evaluations.list', {});
    expect(new Set(evaluations.map((e) => e.peerId)).size).toBeGreaterThanOrEqual(10);

    const { currentTermId } = await call(backend, 'reports.terms', {});
    const report = await call(backend, 'reports.term', { termId: currentTermId });
    expect(report.sessions.total).toBeGreaterThan(15);
    expect(report.supervision.meetings).toBeGreaterThanOrEqual(5);
    expect(report.supervision.attendanceRate).toBeGreaterThan(0.6);
    expect(report.supervision.attendanceRate).toBeLessThan(1);
    expect(report.who5.pairs).toBeGreaterThanOrEqual(5);
    expect(report.who5.improved).toBeGreaterThan(0);
    expect(report.who5.meanChange).toBeGreaterThan(0);
    expect(report.feedback.responses).toBeGreaterThanOrEqual(10);
    expect(report.feedback.helpful).toBeGreaterThan(3);
    expect(report.reviewTime.medianHours).not.toBeNull();
    expect(report.referrals.total).toBeGreaterThan(0);
    expect(report.outreach.events).toBeGreaterThanOrEqual(3);
    expect(await call(backend, 'audit.verify', {})).toMatchObject({ ok: true });
  });
});
