import { confirmRecoveryKey, createVault, expect, goTo, shot, test } from './support/fixtures';

/**
 * Settings shows where the vault lives (issue 7). In the desktop app the
 * preload bridge adds "Open folder"; the web harness has no bridge, so this
 * test gives the page one that forwards calls to the harness, as the preload
 * forwards them to main, and stands in for main's part of desktop.openVaultFolder.
 */
test('Settings shows the vault folder, and Open folder asks the desktop app to show it', async ({ page, harness, dataDir }) => {
  await page.addInitScript(() => {
    // Runs in the page; this file is compiled without the DOM's types.
    const w = globalThis as unknown as Record<string, unknown> & {
      document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null };
    };
    w.openedVaultFolder = 0;
    w.sebaya = {
      desktop: true,
      async call(method: string, input: unknown) {
        const token = w.document.querySelector('meta[name="sebaya-harness-token"]')?.getAttribute('content') ?? '';
        const response = await fetch('/__sebaya/call', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-sebaya-token': token },
          body: JSON.stringify({ method, input }),
        });
        const result = (await response.json()) as { ok: boolean };
        // As main does (electron/main/desktopCalls.ts): the OS part only for a call the backend allowed.
        if (method !== 'desktop.openVaultFolder' || !result.ok) return result;
        w.openedVaultFolder = Number(w.openedVaultFolder) + 1;
        return { ok: true, value: { opened: true } };
      },
      onEvent: () => () => undefined,
    };
  });
  await page.goto(harness.url);
  await createVault(page);
  await confirmRecoveryKey(page);
  await goTo(page, 'Settings');

  await expect(page.getByText('Vault folder', { exact: true })).toBeVisible();
  await expect(page.getByText(dataDir, { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Open folder' }).click();
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as { openedVaultFolder: number }).openedVaultFolder)).toBe(1);
  await page.getByText('Vault folder', { exact: true }).scrollIntoViewIfNeeded();
  await shot(page, 'settings-01-vault-folder');
});

test('the web harness shows the vault folder without an Open folder button', async ({ app }) => {
  await createVault(app);
  await confirmRecoveryKey(app);
  await goTo(app, 'Settings');
  await expect(app.getByText('Vault folder', { exact: true })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Open folder' })).toHaveCount(0);
});
