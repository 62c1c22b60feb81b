/**
 * The packaged app, as electron-builder made it (issue 7): the end-to-end
 * build of `npm run dist:e2e`, which differs from a release only in letting
 * Node's inspector attach (Playwright needs it) and in its name. Runs where
 * that build exists; skipped with the reason everywhere else (it cannot be
 * built without downloading Electron).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { fuseFile, noPackageMessage, packagedApp } from './packagedApp';

const executable = packagedApp();

type Bridge = { sebaya: { call(method: string, input: unknown): Promise<{ ok: boolean; value?: unknown }> } };

test.describe('the packaged app', () => {
  test.skip(executable === null, noPackageMessage);

  let app: ElectronApplication;
  let window: Page;
  let userData: string;

  test.beforeAll(async () => {
    userData = mkdtempSync(path.join(os.tmpdir(), 'sebaya-packaged-'));
    app = await electron.launch({
      executablePath: executable!,
      // No app path: a packaged app loads its own resources/app.asar. A fresh user data folder, never the real vault.
      args: [`--user-data-dir=${userData}`, '--lang=en-US', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env: { ...process.env, LANG: 'en_US.UTF-8', XDG_CONFIG_HOME: userData, APPDATA: userData },
    });
    window = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('carries the release fuses, with only the inspector allowed for this test build', async () => {
    const wire = await getCurrentFuseWire(fuseFile(executable!));
    const fuses = Object.fromEntries(
      Object.entries(wire)
        .filter(([key]) => key !== 'version')
        .map(([key, state]) => [FuseV1Options[Number(key)], String.fromCharCode(state as number)]),
    );
    expect(fuses).toEqual({
      RunAsNode: '0',
      EnableCookieEncryption: '1',
      EnableNodeOptionsEnvironmentVariable: '0',
      EnableNodeCliInspectArguments: '1',
      EnableEmbeddedAsarIntegrityValidation: '1',
      OnlyLoadAppFromAsar: '1',
      LoadBrowserProcessSpecificV8Snapshot: '0',
      GrantFileProtocolExtraPrivileges: '0',
    });
  });

  test('loads the app from its asar archive and opens on the first-run screen', async () => {
    const where = await app.evaluate(({ app: electronApp }) => ({ packaged: electronApp.isPackaged, appPath: electronApp.getAppPath() }));
    expect(where.packaged).toBe(true);
    expect(where.appPath).toMatch(/app\.asar$/);
    await expect(window).toHaveURL(/^app:\/\/sebaya\//);
    await expect(window.getByRole('heading', { name: /Set up Sebaya|Siapkan Sebaya/ })).toBeVisible({ timeout: 30_000 });
    await window.screenshot({ path: test.info().outputPath('packaged-first-run.png') });
  });

  test('creates a vault with this platform’s driver, loaded from outside the archive, and the vault passes its check', async () => {
    const created = await window.evaluate(() =>
      (window as unknown as Bridge).sebaya.call('vault.create', {
        schoolName: 'SMP Negeri 3 Contoh',
        fullName: 'Sari Wulandari',
        username: 'sari',
        password: 'kopi pagi di ruang BK',
        language: 'en',
      }),
    );
    expect(created.ok).toBe(true);
    const check = await window.evaluate(() => (window as unknown as Bridge).sebaya.call('vault.check', {}));
    expect(check).toMatchObject({ ok: true, value: { ok: true } });

    // The backend worker runs in this process, so its native driver is among the process's loaded libraries.
    const nativeModules = await app.evaluate(() =>
      ((process.report.getReport() as unknown as { sharedObjects: string[] }).sharedObjects ?? []).filter((file) => file.endsWith('.node')),
    );
    const driverFile = process.platform === 'win32' ? 'better_sqlite3.node' : 'node_sqlite3.node';
    const driver = nativeModules.find((file) => path.basename(file) === driverFile);
    expect(driver, nativeModules.join('\n')).toBeDefined();
    expect(driver!.replace(/\\/g, '/')).toContain('/app.asar.unpacked/node_modules/');
  });

  test('shows the vault folder in Settings with a button to open it', async () => {
    await window.reload();
    await window.getByRole('navigation').getByRole('button', { name: 'Settings', exact: true }).click();
    await expect(window.getByText('Vault folder', { exact: true })).toBeVisible();
    await expect(window.getByText(path.join(userData, 'vault'))).toBeVisible();
    await expect(window.getByRole('button', { name: 'Open folder' })).toBeVisible();
    await window.screenshot({ path: test.info().outputPath('packaged-settings.png') });
  });
});
