/**
 * The Electron shell: app lifecycle, the window, hardening, IPC registration
 * and the OS signals that lock the vault. The only file that imports
 * Electron's main-process modules at run time. Every decision worth testing
 * lives in a pure module beside it (security.ts, protocol.ts, menu.ts,
 * lockCoordinator.ts), so this file only wires them to Electron.
 *
 * Issue 2 ("Electron shell"); DESIGN.md, "Layers and folders".
 */
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol, session, shell, type OpenDialogOptions, type WebContents } from 'electron';
import log from 'electron-log/main';
import { fail, type Result } from '../../src/contract';
import { bridgeChannels, type BackendEvent } from '../../src/contract/bridge';
import { describeErrorSafely, type Logger } from '../backend/logger';
import type { BackendHost } from './backendHost';
import { callWithDesktop, type DesktopActions } from './desktopCalls';
import { spawnBackendWorker } from './backendWorker';
import { createLockCoordinator, idleCheckIntervalMs } from './lockCoordinator';
import { historyMoveOf, menuTemplate } from './menu';
import { appSchemePrivileges, resolveAppRequest, responseHeaders } from './protocol';
import {
  appEntryUrl,
  appScheme,
  devContentSecurityPolicy,
  devServerOrigin,
  isAllowedSender,
  shouldBlockRequest,
  webPreferences,
} from './security';
import { WorkerBackendHost } from './workerBackendHost';

// crashReporter.start() is never called, on purpose: a minidump is a copy of
// process memory, and the main process holds the vault's data key and
// decrypted records while unlocked. Nothing may write that to disk in the
// clear, nor send it anywhere.

// userData stays Electron's default (per OS: %APPDATA%\Sebaya,
// ~/Library/Application Support/Sebaya, ~/.config/Sebaya); the vault lives in
// `<userData>/vault` and the logs in `<userData>/logs`.

/** Unpackaged runs are development: reload and DevTools in the menu, and the Vite dev server when electron-vite starts one. */
const development = !app.isPackaged;
const devOrigin = devServerOrigin(process.env, app.isPackaged);

// Logs hold events and error codes only, never inputs, records or key material.
log.transports.file.level = 'info';
log.transports.console.level = development ? 'info' : false;

const backendLogger: Logger = {
  info: (message, fields) => log.info(message, fields ?? {}),
  warn: (message, fields) => log.warn(message, fields ?? {}),
  error: (message, fields) => log.error(message, fields ?? {}),
};

const forbidden: Result<never> = fail({ code: 'FORBIDDEN', message: 'This caller may not use the backend.', reason: 'sender' });
const internal: Result<never> = fail({ code: 'INTERNAL', message: 'Something went wrong inside Sebaya. Nothing was changed.' });

if (!app.requestSingleInstanceLock()) {
  // Another Sebaya already runs on this vault; it will bring its window forward.
  app.quit();
} else {
  start();
}

function start(): void {
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
  // Every renderer in Chromium's sandbox, whatever a window's own preferences say.
  app.enableSandbox();

  let mainWindow: BrowserWindow | null = null;
  let backend: Promise<BackendHost> | null = null;
  const backendHost = (): Promise<BackendHost> => {
    // The backend runs in a worker thread, so no database call can stall this thread (issue 7).
    backend ??= Promise.resolve().then(() => {
      const dataDir = path.join(app.getPath('userData'), 'vault');
      const host = new WorkerBackendHost({ spawn: () => spawnBackendWorker({ dataDir }), logger: backendLogger });
      host.start();
      return host;
    });
    return backend;
  };

  const lock = createLockCoordinator({
    backend: { lockNow: async (reason) => (await backendHost()).lockNow(reason) },
    notify: (event: BackendEvent) => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(bridgeChannels.event, event);
    },
    logError: (message, fields) => log.error(message, fields ?? {}),
  });

  process.on('uncaughtException', (error) => {
    log.error('uncaught exception', describeErrorSafely(error));
    void lock.lockImmediately('os');
  });
  process.on('unhandledRejection', (error) => {
    log.error('unhandled rejection', describeErrorSafely(error));
  });

  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  // The folder picker (issue 6) and "Open folder" (issue 7), done here only for calls the backend allowed.
  const desktop: DesktopActions = {
    chooseFolder: async (title) => {
      const window = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
      const options: OpenDialogOptions = { title, properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    openVaultFolder: async () => (await shell.openPath(path.join(app.getPath('userData'), 'vault'))) === '',
    warn: (message) => log.warn(message),
  };

  ipcMain.handle(bridgeChannels.call, async (event, method: unknown, input: unknown) => {
    const frame = event.senderFrame;
    // Checked on every call: the main frame of the app's own page, nothing else.
    if (!frame || !isAllowedSender(frame.url, frame.parent === null, devOrigin)) {
      log.warn('ipc call refused', { reason: 'sender' });
      return forbidden;
    }
    try {
      const host = await backendHost();
      return await callWithDesktop(method, input, (m, i) => host.call(m, i), desktop);
    } catch (error) {
      log.error('ipc call failed', describeErrorSafely(error));
      return internal;
    }
  });

  const moveInHistory = (window: BrowserWindow, move: 'back' | 'forward') => {
    const pages = window.webContents.navigationHistory;
    if (move === 'back' && pages.canGoBack()) pages.goBack();
    if (move === 'forward' && pages.canGoForward()) pages.goForward();
  };

  let crashReloads = 0;
  const createWindow = (): BrowserWindow => {
    const window = new BrowserWindow({
      width: 1280,
      height: 820,
      minWidth: 960,
      minHeight: 640,
      show: false,
      title: 'Sebaya',
      backgroundColor: '#ffffff',
      webPreferences: webPreferences(path.join(__dirname, '../preload/index.js'), { devTools: development }),
    });
    window.once('ready-to-show', () => window.show());
    window.on('app-command', (_event, command) => {
      const move = historyMoveOf(command);
      if (move) moveInHistory(window, move);
    });
    window.webContents.on('render-process-gone', (_event, details) => {
      log.error('renderer gone', { reason: details.reason, exitCode: details.exitCode });
      // The renderer held the unlocked session's screens; without it nobody can lock, so the shell does.
      void lock.lockImmediately('os').then(() => {
        if (details.reason !== 'clean-exit' && crashReloads < 3 && !window.isDestroyed()) {
          crashReloads += 1;
          window.webContents.reload();
        }
      });
    });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    void window.loadURL(devOrigin ? `${devOrigin}/` : appEntryUrl);
    return window;
  };

  void app.whenReady().then(() => {
    const history = {
      back: () => mainWindow && moveInHistory(mainWindow, 'back'),
      forward: () => mainWindow && moveInHistory(mainWindow, 'forward'),
    };
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ isMac: process.platform === 'darwin', development, history })));
    hardenSession();
    serveRenderer();
    void backendHost().catch((error: unknown) => log.error('backend failed to start', describeErrorSafely(error)));

    powerMonitor.on('lock-screen', () => {
      log.info('os screen locked');
      lock.osLockRequested('os');
    });
    powerMonitor.on('suspend', () => {
      log.info('os suspending');
      lock.osLockRequested('suspend');
    });
    setInterval(() => {
      void backendHost()
        .then((host) => host.lockIfIdle())
        .then((locked) => locked && log.info('vault locked after idle'))
        .catch((error: unknown) => log.error('idle check failed', describeErrorSafely(error)));
    }, idleCheckIntervalMs).unref();

    mainWindow = createWindow();
    log.info('app started', { version: app.getVersion(), packaged: app.isPackaged });
  });

  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });

  // Quitting when the last window closes, on macOS too: an app that keeps
  // running without a window would keep an unlocked vault out of sight.
  app.on('window-all-closed', () => app.quit());

  // Close the vault before the process goes: quitting waits (at most a few
  // seconds) for the lock, then quits for real.
  let lockedForQuit = false;
  let lockingForQuit = false;
  app.on('before-quit', (event) => {
    if (lockedForQuit) return;
    event.preventDefault();
    if (lockingForQuit) return;
    lockingForQuit = true;
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, 5000).unref());
    void Promise.race([backend ? lock.lockImmediately('manual') : Promise.resolve(), deadline]).finally(() => {
      lock.dispose();
      lockedForQuit = true;
      app.quit();
    });
  });
}

/** Applied to every web contents the app ever creates, DevTools included. */
function hardenWebContents(contents: WebContents): void {
  // The app is one page; the renderer routes in-page. Any real navigation is an attack or a bug.
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    log.warn('navigation denied');
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
    log.warn('redirect denied');
  });
  contents.setWindowOpenHandler(() => {
    log.warn('window open denied');
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview denied');
  });
}

function hardenSession(): void {
  const ses = session.defaultSession;
  // No camera, microphone, notifications, geolocation, clipboard reads, HID or USB: the app asks for none.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // The app saves files (reports, CSV) only through its own dialogs; a download the page starts
  // would write wherever Chromium likes, outside the vault, with nobody told.
  ses.on('will-download', (event) => {
    event.preventDefault();
    log.warn('download denied');
  });
  ses.webRequest.onBeforeRequest((details, callback) => {
    const cancel = shouldBlockRequest(details.url, devOrigin);
    if (cancel) log.warn('request blocked', { scheme: schemeOf(details.url) });
    callback({ cancel });
  });
  if (devOrigin) {
    // Pages from the Vite dev server get a CSP too, relaxed only for hot reload.
    const devCsp = devContentSecurityPolicy(devOrigin);
    ses.webRequest.onHeadersReceived((details, callback) => {
      const headers = { ...details.responseHeaders };
      if (details.url.startsWith(`${devOrigin}/`)) headers['Content-Security-Policy'] = [devCsp];
      callback({ responseHeaders: headers });
    });
  }
}

function schemeOf(url: string): string {
  const colon = url.indexOf(':');
  return colon > 0 && colon < 20 ? url.slice(0, colon) : 'invalid';
}

/** Serves out/renderer under app://sebaya/ with the CSP on every response. */
function serveRenderer(): void {
  const rendererRoot = path.join(__dirname, '../renderer');
  const isFile = (file: string): boolean => statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  protocol.handle(appScheme, async (request) => {
    const resolution = resolveAppRequest(request.url, rendererRoot, isFile, request.method);
    if (resolution.kind === 'refused') {
      log.warn('app request refused', { reason: resolution.reason });
      return new Response(null, { status: resolution.status, headers: responseHeaders('text/plain; charset=utf-8') });
    }
    try {
      const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(resolution.filePath));
      return new Response(body, { status: 200, headers: responseHeaders(resolution.contentType) });
    } catch (error) {
      log.error('app request failed', describeErrorSafely(error));
      return new Response(null, { status: 404, headers: responseHeaders('text/plain; charset=utf-8') });
    }
  });
}
