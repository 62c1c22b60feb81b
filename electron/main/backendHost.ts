import type { Result } from '../../src/contract';

/**
 * What the shell needs from the backend, and nothing more. The backend runs
 * in a worker thread (workerBackendHost.ts), so database work, including the
 * Windows driver's synchronous calls, never runs on the main thread's event
 * loop (issue 7).
 */
export interface BackendHost {
  /** One contract call with an untrusted method name and input; always resolves to a result. */
  call(method: unknown, input: unknown): Promise<Result<unknown>>;
  /** Closes the vault now, whatever the renderer is doing (OS lock, suspend, quit). */
  lockNow(reason: 'os' | 'idle' | 'manual'): Promise<void>;
  /** Closes the vault if it has been idle longer than its setting allows; true when it did. */
  lockIfIdle(): Promise<boolean>;
}
