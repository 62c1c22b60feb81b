import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from '../../electron/backend/db/driver';
import { startHarness, type Harness } from '../../harness/server';
import { heldReaders } from '../unit/support/heldReaders';
import { assertNoUnexpectedRefusals, confirmRecoveryKey, createVault, expect, goTo, harnessOptions, screenshotDir, test } from './support/fixtures';

/**
 * Issue 12: a long job runs beside the backend's queue, and the screen that started it shows
 * where it is while the rest of the app keeps working. The real backend, with a driver that
 * holds the job's statement until the test lets it go (support/heldReaders.ts), so the job is on
 * screen for as long as the test needs to look at it.
 */
test.use({ viewport: { width: 1366, height: 768 } });

async function harnessWith(driver: Driver): Promise<{ harness: Harness; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sebaya-e2e-jobs-'));
  const harness = await startHarness({ dataDir, ...harnessOptions, kdfCost: { N: 2 ** 14, r: 8, p: 1 }, driver });
  return { harness, dataDir };
}

test('a vault check shows its step and percent in Settings while the counselor works elsewhere, and is still running when she comes back', async ({ page }) => {
  const held = heldReaders((sql) => sql === 'PRAGMA integrity_check');
  const { harness, dataDir } = await harnessWith(held.driver);
  try {
    await page.goto(harness.url);
    await createVault(page);
    await confirmRecoveryKey(page);

    await goTo(page, 'Settings');
    await page.getByRole('tab', { name: 'Vault security' }).click();
    await page.getByRole('button', { name: 'Check the vault now' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Checking that the records fit together…' });
    await expect(status).toBeVisible();
    await expect(status.getByRole('progressbar')).toBeVisible();
    await status.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshotDir, 'long-jobs-01-vault-check-running.png') });

    // A second click does not start a second check.
    await page.getByRole('button', { name: 'Check the vault now' }).click();
    await expect(page.getByText(/This is already under way/)).toBeVisible();

    // The rest of the app answers while the check reads: a peer is added and listed.
    await goTo(page, 'Peers');
    await page.getByRole('button', { name: 'Nominate a student' }).first().click();
    const form = page.getByRole('dialog', { name: 'Nominate a student' });
    await form.getByLabel('Full name').fill('Ananda Putri');
    await form.getByRole('combobox', { name: 'Class', exact: true }).fill('8A');
    await form.getByRole('textbox', { name: 'Nominated by', exact: true }).fill('Pak Joko (wali kelas 8A)');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toBeHidden();
    await expect(page.getByRole('button', { name: 'Ananda Putri', exact: true })).toBeVisible();

    await goTo(page, 'Settings');
    await page.getByRole('tab', { name: 'Vault security' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Checking that the records fit together…' })).toBeVisible();
    held.release();
    await expect(page.getByText('The vault is intact')).toBeVisible();
    await expect(page.getByText('The audit log is intact', { exact: false })).toBeVisible();
    await page.getByText('The vault is intact').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshotDir, 'long-jobs-02-vault-check-done.png') });
    assertNoUnexpectedRefusals(harness);
  } finally {
    held.release();
    await harness.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a backup shows its progress under “Back up now”, in Indonesian too, and says a second click is already under way', async ({ page }) => {
  // The backup reads its snapshot's size first, inside the read transaction that is the snapshot.
  const held = heldReaders((sql) => sql === 'PRAGMA page_count');
  const { harness, dataDir } = await harnessWith(held.driver);
  const stick = mkdtempSync(path.join(os.tmpdir(), 'sebaya-e2e-usb-'));
  try {
    await page.goto(harness.url);
    await createVault(page);
    await confirmRecoveryKey(page);
    await goTo(page, 'Backups');
    const field = page.getByRole('textbox', { name: 'Backup folder' });
    await field.fill(stick);
    await field.press('Enter');
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Taking a snapshot of the vault…' })).toBeVisible();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByText(/This is already under way/)).toBeVisible();

    await page.getByRole('radiogroup', { name: /Language|Bahasa/ }).first().getByText('ID', { exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Memotret isi brankas…' })).toBeVisible();
    await page.screenshot({ path: path.join(screenshotDir, 'long-jobs-03-backup-running-id.png') });
    held.release();
    await expect(page.getByRole('status').filter({ hasText: 'Memotret isi brankas…' })).toHaveCount(0);
    await expect(page.getByRole('table', { name: /Riwayat/ })).toContainText(/Cadangan dibuat/);
    assertNoUnexpectedRefusals(harness);
  } finally {
    held.release();
    await harness.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(stick, { recursive: true, force: true });
  }
});
