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
   * Shows the vault folder in the OS file manager (Settings, issue 7); false
   * when the OS could not. Optional: the web harness has no file manager to
   * open, so Settings shows the path without the button there.
   */
  openVaultFolder?(): Promise<boolean>;
  /**
   * Opens the OS folder picker (issue 6: where to save backups, where to find
   * them); the chosen path, or null when cancelled. Optional: the web harness
   * has no native dialog, so its screens offer a typed path instead.
   */
  chooseFolder?(title: string): Promise<string | null>;
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
  openVaultFolder: 'sebaya:open-vault-folder',
  chooseFolder: 'sebaya:choose-folder',
} as const;

/** Narrows untrusted data to a BackendEvent (the preload re-checks what main sends before handing it on). */
export function isBackendEvent(value: unknown): value is BackendEvent {
  if (typeof value !== 'object' || value === null) return false;
  const { type, reason } = value as { type?: unknown; reason?: unknown };
  return type === 'lock-requested' && (reason === 'os' || reason === 'suspend');
}
