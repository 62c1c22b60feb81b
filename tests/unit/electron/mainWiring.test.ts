/**
 * The Electron shell's wiring, run against a stand-in for the 'electron'
 * module, because no Electron binary can be downloaded on this machine. The
 * real thing is checked by tests/electron/app.electron.spec.ts wherever a
 * binary exists. This test proves the handlers are registered and do what the
 * pure functions say: IPC sender check, forwarding to the real backend (in its worker thread), OS
 * lock events, request blocking, permission denial and locking before quit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/** The stand-in stores whatever the shell registers; tests call it back with loosely typed arguments. */
type Handler = (...args: unknown[]) => unknown;

interface FakeWindow {
  options: { webPreferences: Record<string, unknown> };
  sent: Array<[string, unknown]>;
  loadedUrl: string;
}

function emitter() {
  const handlers = new Map<string, Handler[]>();
  return {
    on(name: string, handler: Handler) {
      handlers.set(name, [...(handlers.get(name) ?? []), handler]);
    },
    emit(name: string, ...args: unknown[]) {
      for (const handler of handlers.get(name) ?? []) handler(...args);
    },
  };
}

const fake = vi.hoisted(() => {
  const makeEmitter = () => {
    const handlers = new Map<string, Handler[]>();
    return {
      on(name: string, handler: Handler) {
        handlers.set(name, [...(handlers.get(name) ?? []), handler]);
      },
      emit(name: string, ...args: unknown[]) {
        for (const handler of handlers.get(name) ?? []) handler(...args);
      },
    };
  };
  const appEvents = makeEmitter();
  const powerEvents = makeEmitter();
  const state = {
    userData: '',
    quitCalls: 0,
    sandboxEnabled: false,
    privileged: [] as unknown[],
    protocolHandlers: new Map<string, Handler>(),
    ipcHandlers: new Map<string, Handler>(),
    windows: [] as FakeWindow[],
    openedPaths: [] as string[],
    dialogs: [] as unknown[],
    session: new Map<string, Handler>(),
  };
  class BrowserWindow implements FakeWindow {
    static getAllWindows = () => state.windows;
    readonly sent: Array<[string, unknown]> = [];
    readonly events = makeEmitter();
    readonly contentsEvents = makeEmitter();
    loadedUrl = '';
    readonly webContents = {
      send: (channel: string, payload: unknown) => this.sent.push([channel, payload]),
      on: (name: string, handler: Handler) => this.contentsEvents.on(name, handler),
      reload: () => undefined,
    };
    constructor(readonly options: FakeWindow['options']) {
      state.windows.push(this);
    }
    once = (name: string, handler: Handler) => this.events.on(name, handler);
    on = (name: string, handler: Handler) => this.events.on(name, handler);
    loadURL = async (url: string) => {
      this.loadedUrl = url;
    };
    isDestroyed = () => false;
    isMinimized = () => false;
    restore = () => undefined;
    show = () => undefined;
    focus = () => undefined;
  }
  const electron = {
    app: {
      isPackaged: true,
      requestSingleInstanceLock: () => true,
      enableSandbox: () => {
        state.sandboxEnabled = true;
      },
      quit: () => {
        state.quitCalls += 1;
        appEvents.emit('before-quit', { preventDefault: () => undefined });
      },
      getPath: () => state.userData,
      getVersion: () => '0.0.0-test',
      whenReady: () => Promise.resolve(),
      isReady: () => true,
      on: appEvents.on,
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.privileged.push(...schemes),
      handle: (scheme: string, handler: Handler) => state.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Handler) => state.session.set('permissionRequest', h),
        setPermissionCheckHandler: (h: Handler) => state.session.set('permissionCheck', h),
        setDevicePermissionHandler: (h: Handler) => state.session.set('devicePermission', h),
        on: (name: string, h: Handler) => state.session.set(name, h),
        webRequest: {
          onBeforeRequest: (h: Handler) => state.session.set('beforeRequest', h),
          onHeadersReceived: (h: Handler) => state.session.set('headersReceived', h),
        },
      },
    },
    ipcMain: { handle: (channel: string, handler: Handler) => state.ipcHandlers.set(channel, handler) },
    dialog: {
      showOpenDialog: async (...args: unknown[]) => {
        state.dialogs.push(args[args.length - 1]);
        return { canceled: false, filePaths: ['E:\\'] };
      },
    },
    shell: {
      openPath: async (folder: string) => {
        state.openedPaths.push(folder);
        return '';
      },
    },
    powerMonitor: { on: powerEvents.on },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: () => undefined },
    BrowserWindow,
  };
  return { electron, state, appEvents, powerEvents };
});

vi.mock('electron', () => fake.electron);
// The real backend worker, from its TypeScript source: the bundled out/main/backendWorker.js exists only after a build.
vi.mock('../../../electron/main/backendWorker', async () => ({
  spawnBackendWorker: (await import('../support/backendWorker')).spawnTsBackendWorker,
}));
vi.mock('electron-log/main', () => {
  const noop = () => undefined;
  return { default: { info: noop, warn: noop, error: noop, transports: { file: {}, console: {} } } };
});

const listenersBefore = {
  uncaughtException: process.listeners('uncaughtException'),
  unhandledRejection: process.listeners('unhandledRejection'),
};

beforeAll(async () => {
  fake.state.userData = mkdtempSync(path.join(os.tmpdir(), 'sebaya-shell-'));
  await import('../../../electron/main/index');
  // Let whenReady's continuation run.
  await new Promise((resolve) => setTimeout(resolve, 0));
});

afterAll(() => {
  for (const listener of process.listeners('uncaughtException')) {
    if (!listenersBefore.uncaughtException.includes(listener)) process.removeListener('uncaughtException', listener);
  }
  for (const listener of process.listeners('unhandledRejection')) {
    if (!listenersBefore.unhandledRejection.includes(listener)) process.removeListener('unhandledRejection', listener);
  }
  rmSync(fake.state.userData, { recursive: true, force: true });
});

function registered<T>(map: Map<string, T>, key: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`nothing registered for ${key}`);
  return value;
}

function mainWindow(): FakeWindow {
  const window = fake.state.windows[0];
  if (!window) throw new Error('no window was created');
  return window;
}

const appFrame = { url: 'app://sebaya/index.html', parent: null };
const coordinator = {
  schoolName: 'SMP Negeri 3 Contoh',
  fullName: 'Sari Wulandari',
  username: 'sari',
  password: 'correct horse battery',
  language: 'en',
};

function ipcCall(senderFrame: unknown, method: unknown, input: unknown): Promise<unknown> {
  return registered(fake.state.ipcHandlers, 'sebaya:call')({ senderFrame }, method, input) as Promise<unknown>;
}

describe('the Electron main process, against a stand-in for Electron', () => {
  it('registers the privileged app scheme, sandboxes every renderer and opens one hardened window on the app page', () => {
    expect(fake.state.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(fake.state.sandboxEnabled).toBe(true);
    expect(fake.state.windows).toHaveLength(1);
    expect(mainWindow().loadedUrl).toBe('app://sebaya/index.html');
    expect(mainWindow().options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      devTools: false,
    });
    expect(mainWindow().options.webPreferences.preload).toMatch(/preload[\\/]index\.js$/);
  });

  it('forwards a call from the app page to the backend', async () => {
    expect(await ipcCall(appFrame, 'app.status', {})).toMatchObject({ ok: true, value: { state: 'no-vault' } });
  });

  it('refuses calls from subframes, other origins and frames that are gone', async () => {
    const frames = [{ url: 'app://sebaya/index.html', parent: {} }, { url: 'https://example.com/', parent: null }, null];
    for (const frame of frames) {
      expect(await ipcCall(frame, 'app.status', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('shows the OS folder picker and the vault folder only for calls the backend allows, and only for the app page', async () => {
    const otherSender = { url: 'https://example.com/', parent: null };
    expect(await ipcCall(otherSender, 'desktop.chooseFolder', { title: 'Backups' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(fake.state.dialogs).toEqual([]);
    // No vault yet: a new PC may look for a backup to restore, but there is no vault folder to open.
    expect(await ipcCall(appFrame, 'desktop.chooseFolder', { title: 'Backups' })).toEqual({ ok: true, value: { folder: 'E:\\' } });
    expect(fake.state.dialogs).toEqual([{ title: 'Backups', properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'] }]);
    expect(await ipcCall(appFrame, 'desktop.openVaultFolder', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(fake.state.openedPaths).toEqual([]);
  });

  it('denies every permission and blocks requests that are not the app’s own', () => {
    const answers: unknown[] = [];
    registered(fake.state.session, 'permissionRequest')(null, 'media', (allowed: unknown) => answers.push(allowed));
    expect(answers).toEqual([false]);
    expect(registered(fake.state.session, 'permissionCheck')()).toBe(false);
    expect(registered(fake.state.session, 'devicePermission')()).toBe(false);
    const decisions: unknown[] = [];
    const beforeRequest = registered(fake.state.session, 'beforeRequest');
    beforeRequest({ url: 'https://example.com/' }, (decision: unknown) => decisions.push(decision));
    beforeRequest({ url: 'app://sebaya/index.html' }, (decision: unknown) => decisions.push(decision));
    expect(decisions).toEqual([{ cancel: true }, { cancel: false }]);
  });

  it('refuses every download the page starts', () => {
    const event = { preventDefault: vi.fn() };
    registered(fake.state.session, 'will-download')(event, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies navigation, new windows and webviews in every web contents', () => {
    const contents = emitter();
    let openHandler: Handler = () => undefined;
    fake.appEvents.emit('web-contents-created', {}, { on: contents.on, setWindowOpenHandler: (h: Handler) => (openHandler = h) });
    for (const name of ['will-navigate', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      contents.emit(name, event);
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
    expect(openHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('refuses traversal on the app scheme, with the CSP even on the refusal', async () => {
    const handler = registered(fake.state.protocolHandlers, 'app');
    // Request() itself folds plain and %2e%2e segments away; an encoded slash survives to the handler.
    const refused = (await handler(new Request('app://sebaya/..%2f..%2fpackage.json'))) as Response;
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('asks the renderer to lock when the OS locks the screen, and closes the vault itself after the grace', async () => {
    expect(await ipcCall(appFrame, 'vault.create', coordinator)).toMatchObject({ ok: true, value: { status: { state: 'unlocked' } } });
    fake.powerEvents.emit('lock-screen');
    expect(mainWindow().sent).toContainEqual(['sebaya:event', { type: 'lock-requested', reason: 'os' }]);
    // The renderer here never answers; the shell locks on its own after 1.5 s.
    await vi.waitFor(
      async () => expect(await ipcCall(appFrame, 'app.status', {})).toMatchObject({ value: { state: 'locked', lockReason: 'os' } }),
      { timeout: 5000, interval: 100 },
    );
  });

  it('locks the vault before quitting and then quits for real', async () => {
    const unlocked = await ipcCall(appFrame, 'vault.unlock', { username: coordinator.username, password: coordinator.password });
    expect(unlocked).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    const event = { preventDefault: vi.fn() };
    fake.appEvents.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.state.quitCalls).toBe(1));
    expect(await ipcCall(appFrame, 'app.status', {})).toMatchObject({ value: { state: 'locked', lockReason: 'manual' } });
  });
});
