import type { MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  isMac: boolean;
  /** Unpackaged runs (development) get reload and DevTools; an installed app gets neither. */
  development: boolean;
}

/**
 * A minimal application menu: the edit roles (so copy, paste and undo work
 * on every OS, and on macOS at all), zoom for readability, and the window
 * roles. Reload is left out of packaged builds because it throws away the
 * renderer's unsaved form text while the vault stays open; DevTools are left
 * out because they would let anyone at the PC read the renderer's memory.
 * Only a type comes from 'electron', so this is unit tested without it.
 */
export function menuTemplate({ isMac, development }: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
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
