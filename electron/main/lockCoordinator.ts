import type { BackendEvent } from '../../src/contract/bridge';
import type { BackendHost } from './backendHost';

/** How long the renderer gets to save drafts and lock by itself before the shell closes the vault anyway. */
export const osLockGraceMs = 1500;
/** How often the shell asks the backend whether the vault has been idle too long. */
export const idleCheckIntervalMs = 30_000;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface LockCoordinatorOptions {
  backend: Pick<BackendHost, 'lockNow'>;
  /** Sends an event to the renderer; may throw if the window is gone. */
  notify(event: BackendEvent): void;
  /** Fixed messages and codes only. */
  logError(message: string, fields?: Record<string, string>): void;
  graceMs?: number;
  timers?: Timers;
}

/**
 * OS screen lock and suspend (issue 2, "Lock"): first ask the renderer to
 * save its drafts and lock, then after a short grace close the vault from
 * the main process, so the vault is closed even when the renderer hangs or
 * has crashed. Repeated signals during the grace (lock-screen then suspend)
 * share one forced lock.
 *
 * No 'electron' import: the powerMonitor wiring lives in index.ts, and this
 * is unit tested with fake timers.
 */
export function createLockCoordinator(options: LockCoordinatorOptions) {
  const timers: Timers = options.timers ?? {
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  const graceMs = options.graceMs ?? osLockGraceMs;
  let pending: unknown = null;

  async function forceLock(): Promise<void> {
    try {
      await options.backend.lockNow('os');
    } catch {
      options.logError('forced lock failed');
    }
  }

  return {
    /** The OS locked the screen or is about to suspend. */
    osLockRequested(reason: BackendEvent['reason']): void {
      try {
        options.notify({ type: 'lock-requested', reason });
      } catch {
        options.logError('lock request not delivered');
      }
      if (pending !== null) return;
      pending = timers.setTimeout(() => {
        pending = null;
        void forceLock();
      }, graceMs);
    },
    /** Closes the vault at once, cancelling a pending grace (quitting, renderer gone). */
    async lockImmediately(reason: 'os' | 'manual'): Promise<void> {
      if (pending !== null) {
        timers.clearTimeout(pending);
        pending = null;
      }
      try {
        await options.backend.lockNow(reason);
      } catch {
        options.logError('lock failed');
      }
    },
    dispose(): void {
      if (pending !== null) timers.clearTimeout(pending);
      pending = null;
    },
  };
}

export type LockCoordinator = ReturnType<typeof createLockCoordinator>;
