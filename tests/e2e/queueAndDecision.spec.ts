import type { Locator } from '@playwright/test';
import { addDays, localDate, type ConcernLevel, type RiskItem } from '../../src/contract';
import { aSupervisor, anActivePeer, must, supervisor } from './support/school';
import { chooseLanguage, confirmRecoveryKey, createVault, expect, goTo, shot, test } from './support/fixtures';

/** Issue 14: the laptop most guru BK have. */
test.use({ viewport: { width: 1366, height: 768 } });

/** A paper log of yesterday, entered and submitted by the coordinator, with this risk screen. */
function paperLog(peerId: number, summary: string, risks: RiskItem[], concern: ConcernLevel) {
  return {
    peerId,
    helpSeekerId: null,
    newHelpSeeker: { identity: null },
    heldOn: addDays(localDate(new Date()), -1),
    startTime: '10:15',
    durationMinutes: 25,
    mode: 'in_person' as const,
    groupSize: null,
    topics: ['family' as const],
    summary,
    actions: 'Mendengarkan dan mengantarnya ke ruang BK.',
    followUpOn: null,
    risks,
    noRisks: risks.length === 0,
    concern,
    submit: true,
  };
}

/** Whether the whole of `inner` lies inside `outer` on the page (a badge not cut off by its row). */
async function expectInside(inner: Locator, outer: Locator): Promise<void> {
  const [a, b] = [await inner.boundingBox(), await outer.boundingBox()];
  expect(a && b).toBeTruthy();
  expect(a!.x >= b!.x && a!.y >= b!.y && a!.x + a!.width <= b!.x + b!.width && a!.y + a!.height <= b!.y + b!.height).toBe(true);
}

test('in Indonesian, the review queue puts an urgent log sent last above a routine one that waited longer; the urgent case, past its due time, records its decision from the top and then asks to move on', async ({
  app: page,
  harness,
}) => {
  test.setTimeout(180_000);
  await createVault(page);
  await confirmRecoveryKey(page);
  const dewi = await aSupervisor(harness);
  const peer = await anActivePeer(harness, 'Budi Santoso', '8B', dewi.id);
  // Sent in this order: the routine one has waited longest, the urgent one least.
  await must(harness, 'sessionLogs.create', paperLog(peer.id, 'Orang tuanya sedang bercerai; dia sering melamun di kelas.', ['family_crisis'], 'medium'));
  await must(harness, 'sessionLogs.create', paperLog(peer.id, 'Bingung memilih ekstrakurikuler.', [], 'low'));
  await must(harness, 'sessionLogs.create', paperLog(peer.id, 'Bilang pernah berpikir untuk menyakiti diri sendiri.', ['self_harm_or_suicide'], 'high'));
  await page.reload();
  await chooseLanguage(page, 'ID');
  await expect(page.getByRole('heading', { name: 'Dasbor' })).toBeVisible();

  await goTo(page, 'Catatan sesi');
  const queue = page.getByRole('table', { name: 'Antrean pemeriksaan' });
  const rows = queue.getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText('Mendesak');
  await expect(rows.nth(2)).toContainText('Biasa');
  await expect(rows.nth(3)).not.toContainText(/Mendesak|Tinggi|Biasa/);
  // Every row waits for review, so the queue does not say it on each one.
  await expect(queue).not.toContainText('Menunggu diperiksa');
  const urgentBadge = rows.nth(1).getByText('Mendesak', { exact: true });
  await expect(urgentBadge).toBeInViewport({ ratio: 1 });
  await expectInside(urgentBadge, rows.nth(1));
  await expectInside(rows.nth(1).getByText('Sangat khawatir', { exact: true }), rows.nth(1));
  await shot(page, 'queue-01-urgent-first-id');

  // Two days later the urgent case still has no decision: its due time (the end of the day it
  // opened) has passed. The clock cannot move in the browser's backend, so the due time moves back.
  await harness.backend.session.db.run('UPDATE cases SET due_at = ? WHERE id = 2', [new Date(Date.now() - 36 * 3_600_000).toISOString()]);

  // The urgent case: when its decision is due and who decides, at the top, with the step to take.
  await goTo(page, 'Kasus');
  await page.getByRole('button', { name: /^Buka kasus #2 tentang HS-/ }).click();
  await expect(page.getByRole('heading', { name: /^Kasus #2: HS-\d{4}-003$/ })).toBeVisible();
  const top = page.getByRole('region', { name: 'Posisi kasus' });
  await expect(top).toContainText('Tenggat keputusan');
  await expect(top).toContainText('Lewat tenggat');
  await expect(top).toContainText(`Yang memutuskan${supervisor.fullName}`);
  // An open case is taken into review before it can close.
  await expect(top.getByRole('button', { name: 'Tutup kasus' })).toHaveCount(0);
  const overdue = page.getByRole('alert').filter({ hasText: 'belum ada keputusan' });
  await expect(overdue.getByRole('button', { name: 'Catat keputusan' })).toBeVisible();
  await shot(page, 'case-01-overdue-top-and-alert-id');

  await top.getByRole('button', { name: 'Catat keputusan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Catat keputusan untuk kasus #2' });
  const decision = 'Bu Dewi bertemu siswa hari ini; orang tua dihubungi dan dirujuk ke psikolog Puskesmas.';
  await dialog.getByRole('textbox', { name: 'Keputusan' }).fill(decision);
  await shot(page, 'case-02-decision-dialog-id');
  await dialog.getByRole('button', { name: 'Catat keputusan' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Keputusan untuk kasus #2 sudah ada di linimasa.')).toBeVisible();
  const timeline = page.getByRole('heading', { name: 'Linimasa' }).locator('xpath=ancestor::div[contains(@class,"mantine-Card-root")]');
  await expect(timeline).toContainText('Keputusan');
  await expect(timeline).toContainText(decision);

  // Still past its due time until it moves on: the alert now says so, with the status change.
  const moveOn = page.getByRole('alert').filter({ hasText: 'Keputusan sudah ada di linimasa' });
  await expect(moveOn.getByRole('button', { name: 'Catat keputusan' })).toHaveCount(0);
  await moveOn.getByRole('button', { name: 'Ubah status' }).click();
  await expect(page.getByRole('dialog', { name: 'Ubah status kasus #2' })).toBeVisible();
  await page.getByRole('dialog', { name: 'Ubah status kasus #2' }).getByRole('button', { name: 'Batal' }).click();
  await page.getByRole('heading', { name: /^Kasus #2/ }).scrollIntoViewIfNeeded();
  await shot(page, 'case-03-after-decision-id');
});
