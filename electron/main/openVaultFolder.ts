/**
 * "Open folder" beside the vault's path in Settings (issue 7): shows the vault
 * folder in the OS file manager. The page names no path: main opens only its
 * own vault folder, and only for the app's own page (the sender check of every
 * backend call). Kept apart from index.ts and given its Electron pieces as
 * arguments, so it is tested without Electron.
 */
import type { IpcMainInvokeEvent } from 'electron';

export interface OpenVaultFolderDeps {
  handle(channel: string, listener: (event: IpcMainInvokeEvent) => Promise<boolean>): void;
  /** Electron's shell.openPath: resolves to '' on success, else an error message. */
  openPath(folder: string): Promise<string>;
  /** `<userData>/vault`. */
  folder(): string;
  /** The main frame of the app's own page, as for 'sebaya:call'. */
  isAllowed(event: IpcMainInvokeEvent): boolean;
  warn(message: string, fields?: Record<string, string>): void;
}

export function registerOpenVaultFolder(channel: string, deps: OpenVaultFolderDeps): void {
  deps.handle(channel, async (event) => {
    if (!deps.isAllowed(event)) {
      deps.warn('open vault folder refused', { reason: 'sender' });
      return false;
    }
    const failure = await deps.openPath(deps.folder());
    // The OS's message can name the path; only the fact is logged.
    if (failure) deps.warn('vault folder could not be opened');
    return failure === '';
  });
}
