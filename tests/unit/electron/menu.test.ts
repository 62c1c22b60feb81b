import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { historyMoveOf, menuTemplate } from '../../../electron/main/menu';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('the application menu', () => {
  it('has no DevTools and no reload in a packaged build', () => {
    for (const isMac of [true, false]) {
      const found = roles(menuTemplate({ isMac, development: false }));
      expect(found).not.toContain('toggleDevTools');
      expect(found).not.toContain('reload');
      expect(found).not.toContain('forceReload');
      expect(found).toContain('editMenu');
    }
  });

  it('offers DevTools and reload while developing', () => {
    const found = roles(menuTemplate({ isMac: false, development: true }));
    expect(found).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('uses the macOS app menu only on macOS', () => {
    expect(roles(menuTemplate({ isMac: true, development: false }))).toContain('appMenu');
    expect(roles(menuTemplate({ isMac: false, development: false }))).not.toContain('appMenu');
  });

  it('walks back and forward through the pages seen, by Alt+← and Alt+→ (⌘[ and ⌘] on a Mac) and the side buttons of a mouse', () => {
    const moves: string[] = [];
    const history = { back: () => moves.push('back'), forward: () => moves.push('forward') };
    for (const isMac of [false, true]) {
      const view = menuTemplate({ isMac, development: false, history }).find((item) => item.label === 'View');
      const items = (view?.submenu as MenuItemConstructorOptions[]).filter((item) => item.label === 'Back' || item.label === 'Forward');
      expect(items.map((item) => item.accelerator)).toEqual(isMac ? ['Cmd+[', 'Cmd+]'] : ['Alt+Left', 'Alt+Right']);
      for (const item of items) (item.click as () => void)();
    }
    expect(moves).toEqual(['back', 'forward', 'back', 'forward']);
    expect([historyMoveOf('browser-backward'), historyMoveOf('browser-forward'), historyMoveOf('media-play-pause')]).toEqual(['back', 'forward', null]);
  });
});
