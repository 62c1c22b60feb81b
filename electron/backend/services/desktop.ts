import type { HandlerMap } from '../handler';

/**
 * The backend has no windows: it only decides, through the dispatcher, whether the call is
 * allowed, and answers "nothing chosen, nothing opened". The Electron main process does the OS
 * part after an allowed answer (electron/main/desktopCalls.ts); the web harness has none.
 */
export const desktopHandlers: HandlerMap<'desktop.chooseFolder' | 'desktop.openVaultFolder'> = {
  'desktop.chooseFolder': async () => ({ folder: null }),
  'desktop.openVaultFolder': async () => ({ opened: false }),
};
