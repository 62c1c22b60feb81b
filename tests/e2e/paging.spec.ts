import { addDays } from '../../src/contract';
import { expect, goTo, openDemoSchool, shot, test, unlock } from './support/fixtures';

/** The value of a call the harness makes for the test's setup, or the error that stopped it. */
async function must<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

/**
 * Issue 12: a list longer than a page. The demo school gets another 120 paper logs, so the
 * All tab holds several pages; the counselor pages on, narrows by a peer's name, sorts by
 * another column, and finds a help-seeker's code in the log form by typing it.
 */
test('the session logs list pages, filters and sorts in the backend, keeps all three when the counselor comes back, and the log form finds a code by typing', async ({ app: page, harness }) => {
  test.setTimeout(180_000);
  const accounts = await openDemoSchool(page, harness);
  await must(harness.backend.invoke('vault.unlock', accounts.coordinator));
  const [peer] = (await must(harness.backend.invoke('peers.list', { statuses: ['active'], limit: 1 }))).peers;
  if (!peer) throw new Error('The demo school has no active peer.');
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

/**
 * Issue 12, the roster: the demo school gets another 45 nominated peers, so the Peers screen holds
 * more than a page; the counselor pages on, narrows it to a status, sorts by class and searches in
 * the backend, then finds a peer by typing in the pickers of the account form and the training form.
 */
test('the peer roster pages, filters and sorts in the backend, and the pickers find a peer by typing', async ({ app: page, harness }) => {
  test.setTimeout(180_000);
  const accounts = await openDemoSchool(page, harness);
  await must(harness.backend.invoke('vault.unlock', accounts.coordinator));
  const classes = ['7A', '8B', '10C'];
  for (let n = 1; n <= 45; n += 1) {
    await must(harness.backend.invoke('peers.create', { fullName: `Peserta Uji ${String(n).padStart(2, '0')}`, className: classes[n % 3]! }));
  }
  const { total } = await must(harness.backend.invoke('peers.list', { limit: 1 }));
  const nominated = (await must(harness.backend.invoke('peers.list', { statuses: ['nominated'], limit: 1 }))).total;
  const trainable = (await must(harness.backend.invoke('peers.list', { statuses: ['selected', 'in_training', 'active', 'paused'], sort: 'fullName', direction: 'desc', limit: 1 }))).peers[0]!;
  await must(harness.backend.invoke('session.lock', {}));
  await page.reload();

  await unlock(page, accounts.coordinator.username, accounts.coordinator.password);
  await goTo(page, 'Konselor sebaya');
  const table = page.getByRole('table', { name: 'Konselor sebaya' });
  const number = (n: number) => new Intl.NumberFormat('id-ID').format(n);
  await expect(page.getByText(`1–50 dari ${number(total)}`)).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(51);
  await shot(page, 'paging-05-roster-first-page-id');

  await page.getByRole('button', { name: 'Halaman 2' }).click();
  await expect(page.getByText(`51–${number(total)} dari ${number(total)}`)).toBeVisible();

  // Narrowed to the nominated: back to the first page, counted by the backend.
  await page.getByRole('group', { name: 'Jumlah per status' }).getByRole('button', { name: /^Dinominasikan/ }).click();
  await expect(page.getByText(`${nominated} dari ${total} konselor sebaya cocok`)).toBeVisible();
  // They fit on one page, so the table holds all of them and no page buttons show.
  await expect(table.getByRole('row')).toHaveCount(nominated + 1);
  await expect(page.getByRole('button', { name: 'Halaman 2' })).toBeHidden();

  // By class, the highest first, by the backend: 10C comes before 8B and 7A, by its number.
  await table.getByRole('button', { name: /^Kelas/ }).click();
  await expect(table.getByRole('row').nth(1)).toContainText('10C');
  await shot(page, 'paging-06-roster-nominated-by-class-id');

  // Searched by part of a name, in the backend.
  await page.getByRole('textbox', { name: 'Cari' }).fill('uji 4');
  await expect(table.getByRole('row')).toHaveCount(7);
  await expect(table.getByRole('row').nth(1)).toContainText('Peserta Uji 4');

  // A new account's peer is found by typing part of the name: only peers without an account are offered.
  await goTo(page, 'Pengguna');
  await page.getByRole('button', { name: 'Tambah akun konselor sebaya' }).click();
  const accountForm = page.getByRole('dialog', { name: 'Tambah akun konselor sebaya' });
  await accountForm.getByRole('combobox', { name: 'Konselor sebaya' }).fill('uji 42');
  await expect(page.getByRole('option', { name: 'Peserta Uji 42 (7A)' })).toBeVisible();
  await shot(page, 'paging-07-account-peer-picker-id');
  await page.getByRole('option', { name: 'Peserta Uji 42 (7A)' }).click();
  await expect(accountForm.getByRole('combobox', { name: 'Konselor sebaya' })).toHaveValue('Peserta Uji 42 (7A)');
  // The form holds a chosen peer, so Cancel asks before throwing it away.
  await accountForm.getByRole('button', { name: 'Batal' }).click();
  await page.getByRole('dialog', { name: 'Buang perubahan Anda?' }).getByRole('button', { name: 'Buang' }).click();
  await expect(accountForm).toBeHidden();

  // Training attendance: several peers, each found by typing.
  await goTo(page, 'Pelatihan');
  await page.getByRole('tab', { name: 'Sesi kelompok' }).click();
  await page.getByRole('button', { name: 'Catat sesi kelompok' }).first().click();
  const sessionForm = page.getByRole('dialog', { name: 'Catat sesi pelatihan kelompok' });
  await sessionForm.getByRole('combobox', { name: 'Konselor sebaya yang hadir' }).fill(trainable.fullName.split(' ')[0]!);
  await page.getByRole('option', { name: `${trainable.fullName} (${trainable.className})` }).click();
  await expect(sessionForm.getByRole('cell', { name: `${trainable.fullName} (${trainable.className})`, exact: true })).toBeVisible();
  await shot(page, 'paging-08-training-attendees-picker-id');
});
