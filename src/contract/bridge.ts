import type { Result } from './result';

/**
 * The object the Electron preload puts on `window.sebaya`, and the one thing
 * the renderer may use to reach the backend in Electron. Deliberately tiny:
 * one generic call (the backend's dispatcher validates the method name and the
 * input) and one event stream from the shell. No Node, DOM or Electron types
 * here, because the preload, the renderer and the main process all import it.
 */
export interface SebayaBridge {
  /** Asks the backend to run one contract method; never rejects with backend errors, they come back as results. */
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** Listens to events from the shell; returns a function that stops listening. */
  onEvent(listener: (event: BackendEvent) => void): () => void;
  /**
   * The shell can show the OS folder picker and the file manager (the `desktop.*` methods,
   * which go through `call` like any other). Absent in the web harness, whose screens offer a
   * typed path instead and show the vault's path without "Open folder".
   */
  desktop?: true;
}

/**
 * Events the shell sends without being asked. `lock-requested` means the OS
 * screen was locked or the PC is going to sleep: the renderer should save its
 * drafts and lock now, because the shell closes the vault itself a moment
 * later whether or not the renderer answered.
 */
export type BackendEvent = { type: 'lock-requested'; reason: 'os' | 'suspend' };

/** IPC channel names shared by the preload and the main process. */
export const bridgeChannels = {
  call: 'sebaya:call',
  event: 'sebaya:event',
} as const;

/** Narrows untrusted data to a BackendEvent (the preload re-checks what main sends before handing it on). */
export function isBackendEvent(value: unknown): value is BackendEvent {
  if (typeof value !== 'object' || value === null) return false;
  const { type, reason } = value as { type?: unknown; reason?: unknown };
  return type === 'lock-requested' && (reason === 'os' || reason === 'suspend');
}
