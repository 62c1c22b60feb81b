import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { electronBinary, noBinaryMessage } from './electronBinary';

const repoRoot = path.resolve(__dirname, '..', '..');
const mainEntry = path.join(repoRoot, 'out', 'main', 'index.js');

const binary = electronBinary();

test.describe('the Electron app', () => {
  test.skip(binary === null, noBinaryMessage);

  let app: ElectronApplication;
  let userData: string;

  test.beforeAll(async () => {
    if (!existsSync(mainEntry)) throw new Error(`The app is not built (${mainEntry} is missing): run \`npm run build\` first.`);
    userData = mkdtempSync(path.join(os.tmpdir(), 'sebaya-electron-'));
    app = await electron.launch({
      executablePath: binary ?? undefined,
      // The repository folder, as `electron .` would: package.json names the app and points "main" at out/main/index.js.
      // A fresh user data folder (so a fresh vault folder) for this run, never the real one.
      args: [
        repoRoot,
        `--user-data-dir=${userData}`,
        '--lang=en-US',
        // Chromium refuses to start its sandbox as root (CI containers); the renderer keeps sandbox: true.
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      ],
      env: { ...process.env, LANG: 'en_US.UTF-8', XDG_CONFIG_HOME: userData, APPDATA: userData },
    });
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('opens one window on the first-run setup screen, with its vault in the fresh user data folder', async () => {
    const appUserData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'));
    expect(path.resolve(appUserData).startsWith(path.resolve(userData))).toBe(true);

    const window = await app.firstWindow();
    await expect(window).toHaveURL(/^app:\/\/sebaya\//);
    await expect(window.getByRole('heading', { name: /Set up Sebaya|Siapkan Sebaya/ })).toBeVisible({ timeout: 20_000 });
    expect(app.windows()).toHaveLength(1);
    await window.screenshot({ path: test.info().outputPath('first-run.png') });
  });

  test('gives the page the sebaya bridge and nothing of Node or Electron', async () => {
    const window = await app.firstWindow();
    const globals = await window.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const bridge = w.sebaya as Record<string, unknown> | undefined;
      return {
        bridgeKeys: bridge ? Object.keys(bridge).sort() : null,
        callIsFunction: typeof bridge?.call === 'function',
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        buffer: typeof w.Buffer,
      };
    });
    expect(globals).toEqual({
      bridgeKeys: ['call', 'desktop', 'onEvent'],
      callIsFunction: true,
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      buffer: 'undefined',
    });
  });

  test('answers a contract call through the bridge', async () => {
    const window = await app.firstWindow();
    const status = await window.evaluate(() =>
      (window as unknown as { sebaya: { call(m: string, i: unknown): Promise<unknown> } }).sebaya.call('app.status', {}),
    );
    expect(status).toMatchObject({ ok: true, value: { state: 'no-vault' } });
  });

  test('serves the page with the strict content security policy', async () => {
    const window = await app.firstWindow();
    const csp = await window.evaluate(async () => (await fetch('app://sebaya/index.html')).headers.get('content-security-policy'));
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
  });
});
