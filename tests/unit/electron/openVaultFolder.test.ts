import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { registerOpenVaultFolder, type OpenVaultFolderDeps } from '../../../electron/main/openVaultFolder';

function setUp(openPathAnswer = '') {
  const opened: string[] = [];
  const warnings: string[] = [];
  let listener: ((event: IpcMainInvokeEvent) => Promise<boolean>) | null = null;
  let channel = '';
  const deps: OpenVaultFolderDeps = {
    handle: (name, handler) => {
      channel = name;
      listener = handler;
    },
    openPath: async (folder) => {
      opened.push(folder);
      return openPathAnswer;
    },
    folder: () => '/home/sari/.config/Sebaya/vault',
    isAllowed: (event) => (event as unknown as { fromApp: boolean }).fromApp,
    warn: (message) => warnings.push(message),
  };
  registerOpenVaultFolder('sebaya:open-vault-folder', deps);
  const invoke = (fromApp: boolean, ...extra: unknown[]) =>
    (listener as unknown as (event: unknown, ...args: unknown[]) => Promise<boolean>)({ fromApp }, ...extra);
  return { opened, warnings, invoke, channel: () => channel };
}

describe('opening the vault folder from Settings', () => {
  it('opens the vault folder for the app’s own page and says it did', async () => {
    const { opened, invoke, channel } = setUp();
    expect(channel()).toBe('sebaya:open-vault-folder');
    expect(await invoke(true)).toBe(true);
    expect(opened).toEqual(['/home/sari/.config/Sebaya/vault']);
  });

  it('opens only the vault folder, whatever path the page sends', async () => {
    const { opened, invoke } = setUp();
    await invoke(true, 'C:\\Windows\\System32', '/etc');
    expect(opened).toEqual(['/home/sari/.config/Sebaya/vault']);
  });

  it('refuses other senders without opening anything', async () => {
    const { opened, warnings, invoke } = setUp();
    expect(await invoke(false)).toBe(false);
    expect(opened).toEqual([]);
    expect(warnings).toEqual(['open vault folder refused']);
  });

  it('answers false when the OS cannot open the folder, and logs no path', async () => {
    const { warnings, invoke } = setUp('Failed to open path /home/sari/.config/Sebaya/vault');
    expect(await invoke(true)).toBe(false);
    expect(warnings).toEqual(['vault folder could not be opened']);
  });
});
