import type { IpcMainInvokeEvent, OpenDialogOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { registerChooseFolder } from '../../../electron/main/chooseFolder';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function setUp(answer: { canceled: boolean; filePaths: string[] }, allowed = true) {
  const handlers = new Map<string, Listener>();
  const asked: OpenDialogOptions[] = [];
  const warnings: string[] = [];
  registerChooseFolder('sebaya:choose-folder', {
    handle: (channel, listener) => handlers.set(channel, listener),
    showOpenDialog: async (_window, options) => {
      asked.push(options);
      return answer;
    },
    window: () => null,
    isAllowed: () => allowed,
    warn: (message) => warnings.push(message),
  });
  const invoke = (title: unknown) => handlers.get('sebaya:choose-folder')!({} as IpcMainInvokeEvent, title);
  return { invoke, asked, warnings };
}

describe('the folder picker for backups', () => {
  it('answers the app page with the folder chosen, asking only for folders', async () => {
    const { invoke, asked } = setUp({ canceled: false, filePaths: ['E:\\'] });
    expect(await invoke('Choose where to save backups')).toBe('E:\\');
    expect(asked).toEqual([{ title: 'Choose where to save backups', properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'] }]);
  });

  it('answers null when the person cancels', async () => {
    expect(await setUp({ canceled: true, filePaths: [] }).invoke('x')).toBeNull();
  });

  it('refuses a caller that is not the app page without opening a dialog', async () => {
    const { invoke, asked, warnings } = setUp({ canceled: false, filePaths: ['/tmp'] }, false);
    expect(await invoke('x')).toBeNull();
    expect(asked).toEqual([]);
    expect(warnings).toEqual(['folder picker refused']);
  });
});
