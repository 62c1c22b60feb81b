/**
 * The OS folder picker for the Backups screens (issue 6), behind the same
 * sender check as every backend call. Kept apart from index.ts and given its
 * Electron pieces as arguments, so it is tested without Electron.
 */
import type { BrowserWindow, IpcMainInvokeEvent, OpenDialogOptions, OpenDialogReturnValue } from 'electron';

export interface ChooseFolderDeps {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  showOpenDialog(window: BrowserWindow | null, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  window(): BrowserWindow | null;
  /** The main frame of the app's own page, as for 'sebaya:call'. */
  isAllowed(event: IpcMainInvokeEvent): boolean;
  warn(message: string): void;
}

export function registerChooseFolder(channel: string, deps: ChooseFolderDeps): void {
  deps.handle(channel, async (event, title) => {
    if (!deps.isAllowed(event)) {
      deps.warn('folder picker refused');
      return null;
    }
    const result = await deps.showOpenDialog(deps.window(), {
      title: typeof title === 'string' ? title.slice(0, 200) : undefined,
      properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
    });
    return result.canceled ? null : (result.filePaths[0] ?? null);
  });
}
