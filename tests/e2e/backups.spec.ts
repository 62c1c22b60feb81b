import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startHarness } from '../../harness/server';
import { assertNoUnexpectedRefusals, chooseLanguage, expectRefusal, confirmRecoveryKey, coordinator, createVault, expect, goTo, harnessOptions, screenshotDir, shot, slowDown, test, unlock } from './support/fixtures';

/** A dialog over the page: the window as the person sees it (a full-page shot tears fixed overlays apart). */
async function shotOfWindow(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

/** An empty folder standing in for a USB stick. */
function usbStick(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'sebaya-e2e-usb-'));
}

async function chooseFolder(page: Page, label: string, folder: string): Promise<void> {
  const field = page.getByRole('textbox', { name: label });
  await field.fill(folder);
  await field.press('Enter');
}

async function openWithPassword(scope: ReturnType<Page['getByRole']> | Page, username: string, password: string): Promise<void> {
  await scope.getByRole('textbox', { name: 'Username' }).fill(username);
  await scope.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await scope.getByRole('button', { name: 'Open and check' }).click();
}

test('a counselor backs up to a USB folder, sees it verified, and restores it on a new computer through the first-run screen', async ({
  app: page,
  harness,
  browser,
}) => {
  // Two vaults, several key derivations and two browsers: longer than the default on a busy machine.
  test.setTimeout(240_000);
  const stick = usbStick();
  const newPcData = mkdtempSync(path.join(os.tmpdir(), 'sebaya-e2e-newpc-'));
  try {
    await createVault(page);
    await confirmRecoveryKey(page);
    // The record that must survive the trip, saved through the same backend the page uses.
    const added = await harness.backend.invoke('peers.create', { fullName: 'Ananda Putri', className: '8A' });
    expect(added.ok).toBe(true);

    await page.reload();
    await expect(page.getByText('There is no backup of this vault yet.')).toBeVisible();
    await shot(page, 'backups-01-dashboard-reminder');

    await goTo(page, 'Backups');
    await expect(page.getByRole('heading', { name: 'Back up now' })).toBeVisible();
    await expect(page.getByText('Choose a folder above to see the backups in it.')).toBeVisible();
    await shot(page, 'backups-02-empty');

    await chooseFolder(page, 'Backup folder', stick);
    await expect(page.getByText('No Sebaya backups in this folder yet.')).toBeVisible();
    // A temporary folder is on the vault's own disk: the screen says what that means.
    await expect(page.getByText('This folder is on the same disk as the vault.')).toBeVisible();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByText('Backup saved and verified')).toBeVisible();
    const [name] = readdirSync(stick);
    expect(name).toMatch(/^sebaya-smp-negeri-3-contoh-\d{8}-\d{4}\.sebaya-backup$/);
    const row = page.getByRole('table', { name: 'Backups in this folder' }).getByRole('row').filter({ hasText: name! });
    await expect(row).toContainText('Verified when made');
    await expect(page.getByRole('table', { name: 'History' })).toContainText('Backup made');
    await shot(page, 'backups-03-made-and-listed');

    await row.getByRole('button', { name: `Check ${name} without a password` }).click();
    await expect(page.getByText(`${name} is complete and unchanged.`)).toBeVisible();
    await expect(row).toContainText('Complete and unchanged');

    await row.getByRole('button', { name: `Open and check ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Open and check a backup' });
    await openWithPassword(dialog, coordinator.username, coordinator.password);
    await expect(dialog.getByText('The backup opens and passes every check.')).toBeVisible();
    await expect(dialog).toContainText(coordinator.school);
    await expect(dialog.getByRole('listitem').filter({ hasText: 'Peers' }).first()).toContainText('1');
    await shotOfWindow(page, 'backups-04-full-check');
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
    await expect(row).toContainText('Opened and checked');

    await chooseLanguage(page, 'ID');
    await expect(page.getByRole('heading', { name: 'Cadangkan sekarang' })).toBeVisible();
    await shot(page, 'backups-05-indonesian');
    await chooseLanguage(page, 'EN');

    await goTo(page, 'Dashboard');
    await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
    await expect(page.getByText('There is no backup of this vault yet.')).toHaveCount(0);

    // A new computer: a fresh data folder, the first-run screen, and the USB stick.
    const newPc = await startHarness({ dataDir: newPcData, ...harnessOptions });
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    try {
      const fresh = await context.newPage();
      await slowDown(fresh);
      await fresh.goto(newPc.url);
      await expect(fresh.getByRole('heading', { name: 'Set up Sebaya' })).toBeVisible();
      await fresh.getByRole('button', { name: 'Restore from a backup' }).click();
      await expect(fresh.getByRole('heading', { name: 'Restore from a backup' })).toBeVisible();
      await shot(fresh, 'backups-06-restore-find');

      await chooseFolder(fresh, 'Folder with backups, or a backup file', stick);
      await expect(fresh.getByRole('radio', { name: name! })).toBeChecked();
      await fresh.getByRole('button', { name: 'Next' }).click();
      await openWithPassword(fresh, coordinator.username, 'not the password');
      await expect(fresh.getByRole('alert')).toContainText('does not open this backup');
      await openWithPassword(fresh, coordinator.username, coordinator.password);
      await expect(fresh.getByText('The backup opens and passes every check.')).toBeVisible();
      await expect(fresh.getByText(coordinator.school)).toBeVisible();
      await shot(fresh, 'backups-07-restore-contents');

      await fresh.getByRole('button', { name: 'Restore this backup…' }).click();
      const confirm = fresh.getByRole('dialog', { name: 'Restore this backup?' });
      await expect(confirm).toContainText(`The backup of ${coordinator.school}`);
      await shotOfWindow(fresh, 'backups-08-restore-confirm');
      await confirm.getByRole('button', { name: 'Restore', exact: true }).click();
      await expect(fresh.getByText('The backup was restored')).toBeVisible();
      await expect(confirm).toBeHidden();
      await shot(fresh, 'backups-09-restored');
      await fresh.getByRole('button', { name: 'Continue to unlock' }).click();

      await expect(fresh.getByRole('heading', { name: 'Unlock Sebaya' })).toBeVisible();
      await expect(fresh.getByText('The vault was restored from a backup.')).toBeVisible();
      await shot(fresh, 'backups-10-unlock-after-restore');
      await unlock(fresh, coordinator.username, coordinator.password);
      await expect(fresh.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
      await goTo(fresh, 'Peers');
      await expect(fresh.getByRole('heading', { name: 'Peers', level: 1 })).toBeVisible();
      await expect(fresh.getByText('Ananda Putri', { exact: true })).toBeVisible();
      await shot(fresh, 'backups-11-data-is-there');
      assertNoUnexpectedRefusals(newPc);
    } finally {
      await context.close();
      await newPc.close();
    }
  } finally {
    rmSync(stick, { recursive: true, force: true });
    rmSync(newPcData, { recursive: true, force: true });
  }
});

test('a coordinator restores over the current vault from Settings, and is told where the old vault is kept', async ({ app: page, harness }) => {
  test.setTimeout(180_000);
  const stick = usbStick();
  try {
    await createVault(page);
    await confirmRecoveryKey(page);
    await goTo(page, 'Backups');
    await chooseFolder(page, 'Backup folder', stick);
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByText('Backup saved and verified')).toBeVisible();
    expect((await harness.backend.invoke('peers.create', { fullName: 'Added After The Backup', className: '9C' })).ok).toBe(true);

    await goTo(page, 'Settings');
    await page.getByRole('tab', { name: 'Backups' }).click();
    await page.getByRole('button', { name: 'Restore from a backup…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore from a backup' });
    await chooseFolder(page, 'Folder with backups, or a backup file', stick);
    await dialog.getByRole('button', { name: 'Next' }).click();
    await openWithPassword(dialog, coordinator.username, coordinator.password);
    await dialog.getByRole('button', { name: 'Restore this backup…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Restore this backup?' });
    await expect(confirm).toContainText('The current vault is kept in a dated folder, not deleted.');
    await confirm.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(dialog.getByText('The vault that was on this computer before is kept in this folder:')).toBeVisible();
    await expect(dialog.getByText(path.join(harness.backend.session.config.dataDir, 'previous-vaults'))).toBeVisible();
    await expect(confirm).toBeHidden();
    await shotOfWindow(page, 'backups-12-restored-from-settings');
    await dialog.getByRole('button', { name: 'Continue to unlock' }).click();

    await expect(page.getByText('The vault was restored from a backup.')).toBeVisible();
    await unlock(page, coordinator.username, coordinator.password);
    await goTo(page, 'Peers');
    await expect(page.getByText('Added After The Backup')).toHaveCount(0);
  } finally {
    rmSync(stick, { recursive: true, force: true });
  }
});

test('a coordinator who has left cannot put her old backup over the live vault from the unlock screen; a current coordinator can when asked', async ({
  app: page,
  harness,
}) => {
  test.setTimeout(180_000);
  // Rina's password is not enough to replace the vault she has left: the restore is refused, as it must be.
  expectRefusal(harness, 'backups.restore', 'FORBIDDEN');
  const stick = usbStick();
  try {
    await createVault(page);
    await confirmRecoveryKey(page);
    const created = await harness.backend.invoke('users.createStaff', { username: 'rina', fullName: 'Rina Marlina', role: 'coordinator' });
    if (!created.ok) throw new Error(created.error.message);
    expect((await harness.backend.invoke('backups.create', { folder: stick })).ok).toBe(true);
    expect((await harness.backend.invoke('users.remove', { userId: created.value.user.id })).ok).toBe(true);
    expect((await harness.backend.invoke('peers.create', { fullName: 'Written After Rina Left', className: '9C' })).ok).toBe(true);
    expect((await harness.backend.invoke('session.lock', {})).ok).toBe(true);

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Unlock Sebaya' })).toBeVisible();
    await page.getByRole('button', { name: 'Restore from a backup' }).click();
    await chooseFolder(page, 'Folder with backups, or a backup file', stick);
    await page.getByRole('button', { name: 'Next' }).click();
    // Her backup still opens with the password of its day: that is why opening is not enough.
    await openWithPassword(page, 'rina', created.value.temporaryPassword);
    await expect(page.getByText('The backup opens and passes every check.')).toBeVisible();
    await expect(page.getByText('This is a backup of the vault on this computer.')).toBeVisible();
    await page.getByRole('button', { name: 'Restore this backup…' }).click();
    await page.getByRole('dialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore', exact: true }).click();

    await expect(page.getByText('Only current staff may replace this vault')).toBeVisible();
    await page.getByRole('textbox', { name: 'Username' }).fill('rina');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(created.value.temporaryPassword);
    await page.getByRole('button', { name: 'Confirm and restore' }).click();
    await expect(page.getByRole('alert')).toContainText('not the password of a current coordinator');
    await shot(page, 'backups-13-restore-needs-current-staff');

    await page.getByRole('textbox', { name: 'Username' }).fill(coordinator.username);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(coordinator.password);
    await page.getByRole('button', { name: 'Confirm and restore' }).click();
    await expect(page.getByText('The backup was restored')).toBeVisible();
    await page.getByRole('button', { name: 'Continue to unlock' }).click();
    await unlock(page, coordinator.username, coordinator.password);
    await goTo(page, 'Peers');
    await expect(page.getByRole('heading', { name: 'Peers', level: 1 })).toBeVisible();
    await expect(page.getByText('Written After Rina Left')).toHaveCount(0);
  } finally {
    rmSync(stick, { recursive: true, force: true });
  }
});
