import { addDays } from '../../src/contract';
import { expect, goTo, openDemoSchool, shot, test, unlock } from './support/fixtures';

/**
 * Issue 12: a list longer than a page. The demo school gets another 120 paper logs, so the
 * All tab holds several pages; the counselor pages on, narrows by a peer's name, sorts by
 * another column, and finds a help-seeker's code in the log form by typing it.
 */
test('the session logs list pages, filters and sorts in the backend, keeps all three when the counselor comes back, and the log form finds a code by typing', async ({ app: page, harness }) => {
  test.setTimeout(180_000);
  const accounts = await openDemoSchool(page, harness);
  const must = async <T,>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> => {
    const answer = await result;
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value;
  };
  await must(harness.backend.invoke('vault.unlock', accounts.coordinator));
  const { peers } = await must(harness.backend.invoke('sessionLogs.formOptions', {}));
  const peer = peers.find((p) => p.status === 'active')!;
  for (let n = 0; n < 120; n += 1) {
    await must(
      harness.backend.invoke('sessionLogs.create', {
        peerId: peer.id,
        helpSeekerId: null,
        newHelpSeeker: { identity: null },
        heldOn: addDays('2026-07-31', -(n % 60)),
        startTime: '09:00',
        durationMinutes: 20,
        mode: 'in_person',
        groupSize: null,
        topics: ['school_work'],
        summary: 'Catatan kertas yang dimasukkan belakangan.',
        actions: 'Mendengarkan.',
        followUpOn: null,
        risks: [],
        noRisks: true,
        concern: 'low',
        submit: true,
      }),
    );
  }
  const all = await must(harness.backend.invoke('sessionLogs.list', { limit: 1 }));
  await must(harness.backend.invoke('session.lock', {}));
  await page.reload();

  await unlock(page, accounts.coordinator.username, accounts.coordinator.password);
  await goTo(page, 'Catatan sesi');
  await page.getByRole('tab', { name: 'Semua catatan' }).click();
  const table = page.getByRole('table', { name: 'Catatan sesi' });
  const total = new Intl.NumberFormat('id-ID').format(all.total);
  // Above the table beside the filters, and again by the page buttons below it.
  await expect(page.getByText(`1–50 dari ${total}`)).toHaveCount(2);
  await expect(page.getByText(`1–50 dari ${total}`).first()).toBeInViewport();
  await expect(table.getByRole('row')).toHaveCount(51);
  await shot(page, 'paging-01-all-logs-first-page-id');

  await page.getByRole('button', { name: 'Halaman 2' }).click();
  await expect(page.getByText(`51–100 dari ${total}`)).toHaveCount(2);
  await shot(page, 'paging-02-all-logs-second-page-id');

  // Narrowed to one peer by part of the name: back to the first page, counted again by the backend.
  await page.getByRole('textbox', { name: 'Cari' }).fill(peer.fullName.split(' ')[0]!);
  await expect(page.getByText(/^1–50 dari /)).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText(peer.fullName);

  // Oldest first, by the backend: the first row is the oldest session of that peer.
  await table.getByRole('button', { name: /^Tanggal/ }).click();
  await expect(table.getByRole('row').nth(1)).toContainText('2 Jun 2026');
  await shot(page, 'paging-03-filtered-oldest-first-id');

  // Away to the cases and back: the search, the sort and the page are as the counselor left them.
  await page.getByRole('button', { name: 'Halaman 2' }).click();
  await expect(page.getByText(/^51–100 dari /)).toHaveCount(2);
  await goTo(page, 'Kasus');
  await goTo(page, 'Catatan sesi');
  await page.getByRole('tab', { name: 'Semua catatan' }).click();
  await expect(page.getByRole('textbox', { name: 'Cari' })).toHaveValue(peer.fullName.split(' ')[0]!);
  await expect(page.getByText(/^51–100 dari /)).toHaveCount(2);
  await page.getByRole('button', { name: 'Halaman 1' }).click();
  await expect(table.getByRole('row').nth(1)).toContainText('2 Jun 2026');

  // The log form finds an existing code by typing its beginning.
  await page.getByRole('button', { name: 'Masukkan catatan kertas' }).click();
  await page.getByText('Teman yang pernah datang', { exact: true }).click();
  const codes = page.getByPlaceholder('Ketik kodenya');
  await codes.click();
  await codes.fill('HS-2026-01');
  await expect(page.getByRole('option', { name: 'HS-2026-010' })).toBeVisible();
  await shot(page, 'paging-04-code-picker-id');
});
