import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackendEvent } from '../../../src/contract/bridge';
import { createLockCoordinator, osLockGraceMs } from '../../../electron/main/lockCoordinator';

function setup(options: { notifyThrows?: boolean; lockRejects?: boolean } = {}) {
  const events: BackendEvent[] = [];
  const locks: string[] = [];
  const errors: string[] = [];
  const coordinator = createLockCoordinator({
    backend: {
      lockNow: async (reason) => {
        locks.push(reason);
        if (options.lockRejects) throw new Error('driver gone');
      },
    },
    notify: (event) => {
      if (options.notifyThrows) throw new Error('window destroyed');
      events.push(event);
    },
    logError: (message) => errors.push(message),
  });
  return { coordinator, events, locks, errors };
}

describe('the OS lock coordinator', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks the renderer to lock first and closes the vault itself after the grace period', async () => {
    const { coordinator, events, locks } = setup();
    coordinator.osLockRequested('os');
    expect(events).toEqual([{ type: 'lock-requested', reason: 'os' }]);
    expect(locks).toEqual([]);
    await vi.advanceTimersByTimeAsync(osLockGraceMs - 1);
    expect(locks).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(locks).toEqual(['os']);
  });

  it('forces one lock when the screen locks and the PC suspends within the grace period', async () => {
    const { coordinator, events, locks } = setup();
    coordinator.osLockRequested('os');
    coordinator.osLockRequested('suspend');
    expect(events.map((e) => e.reason)).toEqual(['os', 'suspend']);
    await vi.advanceTimersByTimeAsync(osLockGraceMs * 2);
    expect(locks).toEqual(['os']);
  });

  it('still closes the vault when the renderer cannot be told', async () => {
    const { coordinator, locks, errors } = setup({ notifyThrows: true });
    coordinator.osLockRequested('suspend');
    await vi.advanceTimersByTimeAsync(osLockGraceMs);
    expect(locks).toEqual(['os']);
    expect(errors).toEqual(['lock request not delivered']);
  });

  it('locks at once on request and cancels a pending forced lock', async () => {
    const { coordinator, locks } = setup();
    coordinator.osLockRequested('os');
    await coordinator.lockImmediately('manual');
    await vi.advanceTimersByTimeAsync(osLockGraceMs * 2);
    expect(locks).toEqual(['manual']);
  });

  it('logs a failed lock without throwing', async () => {
    const { coordinator, errors } = setup({ lockRejects: true });
    await expect(coordinator.lockImmediately('os')).resolves.toBeUndefined();
    coordinator.osLockRequested('os');
    await vi.advanceTimersByTimeAsync(osLockGraceMs);
    expect(errors).toEqual(['lock failed', 'forced lock failed']);
  });
});
