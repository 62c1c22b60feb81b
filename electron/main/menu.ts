import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  isMac: boolean;
  /** Unpackaged runs (development) get reload and DevTools; an installed app gets neither. */
  development: boolean;
  /** The window's history (the renderer's pages are addresses in it): Back and Forward walk it. */
  history?: { back(): void; forward(): void };
}

/**
 * Windows sends a mouse's side buttons as app commands; Chromium in a browser maps them to
 * back and forward, an Electron window does not.
 */
export function historyMoveOf(appCommand: string): 'back' | 'forward' | null {
  if (appCommand === 'browser-backward') return 'back';
  if (appCommand === 'browser-forward') return 'forward';
  return null;
}

/**
 * A minimal application menu: the edit roles (so copy, paste and undo work
 * on every OS, and on macOS at all), zoom for readability, and the window
 * roles, and Back and Forward through the pages seen. Reload is left out of packaged builds because it throws away the
 * renderer's unsaved form text while the vault stays open; DevTools are left
 * out because they would let anyone at the PC read the renderer's memory.
 * Only a type comes from 'electron', so this is unit tested without it.
 */
export function menuTemplate({ isMac, development, history }: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    ...(history
      ? ([
          { label: 'Back', accelerator: isMac ? 'Cmd+[' : 'Alt+Left', click: () => history.back() },
          { label: 'Forward', accelerator: isMac ? 'Cmd+]' : 'Alt+Right', click: () => history.forward() },
          { type: 'separator' },
        ] as const)
      : []),
    ...(development
      ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)
      : []),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : [{ role: 'fileMenu' } as const]),
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}
