import type { Page } from '@playwright/test';
import type { Harness } from '../../harness/server';
import { aSupervisor, anActivePeer, must } from './support/school';
import { confirmRecoveryKey, coordinator, createVault, expect, shot, test } from './support/fixtures';

/** Issue 14: the review of a paper log whose peer has no account, a service added from the referral dialog, and the unlock screen that remembers. */

/** A day already past, as `YYYY-MM-DD` on this PC's clock. */
function daysAgo(days: number): string {
  const day = new Date();
  day.setDate(day.getDate() - days);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

async function open(page: Page, harness: Harness, address: string): Promise<void> {
  await page.goto(`${harness.url}#${address}`);
}

/** A paper log the coordinator typed in last week for Dani, an active peer with no account of his own. */
async function aPaperLogOfAPeerWithoutAccount(harness: Harness) {
  const supervisorUser = await aSupervisor(harness);
  const dani = await anActivePeer(harness, 'Dani Kurniawan', '8D', supervisorUser.id);
  const { log } = await must(harness, 'sessionLogs.create', {
    peerId: dani.id,
    helpSeekerId: null,
    newHelpSeeker: { identity: null },
    heldOn: daysAgo(3),
    startTime: '10:15',
    durationMinutes: 20,
    mode: 'in_person',
    groupSize: null,
    topics: ['friendship'],
    summary: 'Bertengkar dengan teman sebangku soal tugas kelompok.',
    actions: 'Menasihati.',
    followUpOn: null,
    risks: [],
    noRisks: true,
    concern: 'low',
    submit: true,
  });
  return log;
}

test('a paper log of a peer without an account is not offered back to him: the coordinator corrects it herself, it stays in the queue, and she approves it with a note', async ({ app: page, harness }) => {
  test.setTimeout(120_000);
  await createVault(page);
  await confirmRecoveryKey(page);
  const log = await aPaperLogOfAPeerWithoutAccount(harness);

  await open(page, harness, `/sessions/log/${log.id}`);
  await expect(page.getByText('Dani Kurniawan has no account in Sebaya, so a log sent back would never reach them.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Return to the peer' })).toHaveCount(0);
  await shot(page, 'issue14-01-paper-log-no-account');

  await page.getByRole('button', { name: 'Correct it yourself' }).click();
  await expect(page.getByRole('heading', { name: 'Correct the paper log' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save draft' })).toHaveCount(0);
  await page.getByLabel('What the peer did').fill('Mendengarkan, lalu mengajaknya bicara dengan ketua kelompok.');
  await shot(page, 'issue14-02-correcting-paper-log');
  await page.getByRole('button', { name: 'Save the correction' }).click();
  await expect(page.getByText('The correction was saved. The log still waits for review.')).toBeVisible();
  await expect(page.getByText('Awaiting review').first()).toBeVisible();
  await expect(page.getByText('Mendengarkan, lalu mengajaknya bicara dengan ketua kelompok.')).toBeVisible();

  await page.getByRole('button', { name: 'Approve with a note' }).click();
  const dialog = page.getByRole('dialog', { name: 'Approve the log with a note' });
  await dialog.getByLabel('Review note').fill('Jam mulai dicek langsung dengan Dani; isi kertas sudah diperbaiki.');
  await dialog.getByRole('button', { name: 'Approve' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Approved by Sari Wulandari', { exact: false })).toBeVisible();
  await expect(page.getByText('Jam mulai dicek langsung dengan Dani; isi kertas sudah diperbaiki.')).toBeVisible();
  await shot(page, 'issue14-03-approved-with-note');
});

test('with an empty directory, the counselor adds the service from inside the referral dialog and the referral goes out with everything she had typed', async ({ app: page, harness }) => {
  test.setTimeout(120_000);
  await createVault(page);
  await confirmRecoveryKey(page);
  const { helpSeeker } = await must(harness, 'helpSeekers.create', { identity: null });
  const opened = await must(harness, 'cases.open', { helpSeekerId: helpSeeker.id, logId: null, severity: 'high', assignedUserId: null, note: 'Wali kelas khawatir.' });

  await open(page, harness, `/cases/${opened.caseId}`);
  await page.getByRole('button', { name: 'Make a referral' }).click();
  const referral = page.getByRole('dialog', { name: `Make a referral for case #${opened.caseId}` });
  await expect(referral.getByText('The referral directory has no services yet.', { exact: false })).toBeVisible();
  await referral.getByLabel('Why').fill('Sulit tidur sejak pindah rumah; perlu asesmen psikolog.');
  await referral.getByLabel('Who consented').fill('Siswa dan ibunya');
  await referral.getByRole('button', { name: 'New service' }).click();

  const service = page.getByRole('dialog', { name: 'Add a service' });
  await service.getByLabel('Name').fill('Biro Psikologi Harapan');
  await service.getByLabel('Phone').fill('(0274) 555-0190');
  await shot(page, 'issue14-04-new-service-over-referral');
  await service.getByRole('button', { name: 'Save' }).click();
  await expect(service).toBeHidden();

  await expect(referral.getByRole('combobox', { name: 'Service', exact: true })).toHaveValue(/Biro Psikologi Harapan/);
  await expect(referral.getByLabel('Why')).toHaveValue('Sulit tidur sejak pindah rumah; perlu asesmen psikolog.');
  await expect(referral.getByLabel('Who consented')).toHaveValue('Siswa dan ibunya');
  await shot(page, 'issue14-05-new-service-chosen');
  await referral.getByRole('button', { name: 'Make a referral' }).click();
  await expect(referral).toBeHidden();
  await expect(page.getByRole('table').filter({ hasText: 'Biro Psikologi Harapan' })).toContainText('Siswa dan ibunya');
});

test('after a lock and after a restart the unlock screen has the username of whoever unlocked last and waits for the password; "Not you?" empties it', async ({ app: page }) => {
  await createVault(page);
  await confirmRecoveryKey(page);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Sebaya' })).toBeVisible();
  await expect(page.getByLabel('Username')).toHaveValue(coordinator.username);
  await expect(page.getByRole('textbox', { name: 'Password', exact: true })).toBeFocused();
  await shot(page, 'issue14-06-unlock-remembers');
  await page.keyboard.type(coordinator.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Unlock Sebaya' })).toBeVisible();
  await expect(page.getByLabel('Username')).toHaveValue(coordinator.username);
  await page.getByRole('button', { name: 'Not you? Sign in with another username' }).click();
  await expect(page.getByLabel('Username')).toHaveValue('');
  await expect(page.getByLabel('Username')).toBeFocused();
});
