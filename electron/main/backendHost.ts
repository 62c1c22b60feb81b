import type { Result } from '../../src/contract';

/**
 * What the shell needs from the backend, and nothing more. Today the backend
 * runs in the main process (inProcessBackendHost.ts); issue 7 moves database
 * work off the main thread's event loop, and a worker-thread host only has to
 * implement these methods for the rest of the shell to stay as it is.
 */
export interface BackendHost {
  /** One contract call with an untrusted method name and input; always resolves to a result. */
  call(method: unknown, input: unknown): Promise<Result<unknown>>;
  /** Closes the vault now, whatever the renderer is doing (OS lock, suspend, quit). */
  lockNow(reason: 'os' | 'idle' | 'manual'): Promise<void>;
  /** Closes the vault if it has been idle longer than its setting allows; true when it did. */
  lockIfIdle(): Promise<boolean>;
}
