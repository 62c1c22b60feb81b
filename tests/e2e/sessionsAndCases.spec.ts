import type { Page } from '@playwright/test';
import type { Harness } from '../../harness/server';
import { aSupervisor, anActivePeer, must, supervisor } from './support/school';
import { chooseLanguage, confirmRecoveryKey, coordinator, createVault, expect, goTo, pickOption, shot, startedThisMinute, test, unlock } from './support/fixtures';

const peer = { fullName: 'Budi Santoso', username: 'budi', pin: '482913' };
const protocol = 'Jangan tinggalkan siswa sendirian. Hubungi Bu Sari 0812-3456-7801. Darurat: 112.';

/**
 * What the coordinator set up in earlier weeks, through the same contract the
 * screens use: a supervisor with her own password, an active peer supervised by
 * her with an account, a service in the referral directory and the escalation
 * protocol. The coordinator is signed in again at the end.
 */
async function aSchoolReadyForSessions(harness: Harness): Promise<void> {
  const supervisorUser = await aSupervisor(harness);

  const p = await anActivePeer(harness, peer.fullName, '8B', supervisorUser.id);
  await must(harness, 'users.createPeerAccount', { peerId: p.id, username: peer.username, pin: peer.pin });
  await must(harness, 'referrals.createService', {
    kind: 'psychologist',
    name: 'Layanan Psikologi Puskesmas',
    organisation: 'Puskesmas Kecamatan Sukamaju',
    phone: '(021) 555-0132',
    notes: 'Selasa dan Kamis pagi.',
  });
  await must(harness, 'settings.update', { escalationProtocol: protocol });
}

async function lock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Sebaya' })).toBeVisible();
}

test('a peer’s log with thoughts of self-harm reaches the review queue and a supervisor’s urgent case, which she takes to a referral and closes; the coordinator sees the whole timeline and the peer never sees the case', async ({
  app: page,
  harness,
}) => {
  test.setTimeout(240_000);
  await createVault(page);
  await confirmRecoveryKey(page);
  await aSchoolReadyForSessions(harness);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  // The peer writes their log at the office PC.
  await page.getByRole('button', { name: 'Hand over to a peer' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Hand over' }).click();
  await page.getByLabel('Username').fill(peer.username);
  await page.getByLabel('PIN').fill(peer.pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText('Peer supporter');
  await expect(page.getByText('You have not written any session logs yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Write a session log' }).click();
  await expect(page.getByRole('heading', { name: 'New session log' })).toBeVisible();
  await page.getByLabel('Start time').fill(startedThisMinute());
  await page.getByLabel('Duration (minutes)').fill('35');
  await page.locator('label').getByText('Family', { exact: true }).click();
  await page.locator('label').getByText('Self-esteem', { exact: true }).click();
  await page.getByLabel('What was talked about').fill('Merasa tidak berguna sejak orang tuanya bertengkar; bilang pernah berpikir untuk menyakiti diri sendiri.');
  await page.getByLabel('What you did').fill('Menemaninya, tidak meninggalkannya sendirian, lalu mengantarnya ke ruang BK.');
  await page.getByRole('checkbox', { name: 'They talked about hurting themselves or about suicide' }).check();
  await page.locator('label').getByText('Very worried', { exact: true }).click();
  await expect(page.getByText('When you submit, this goes straight to the counselor.')).toBeVisible();
  await shot(page, 'sessions-01-peer-writes-log');
  await page.getByRole('button', { name: 'Submit for review' }).click();

  const told = page.getByRole('dialog', { name: 'The counselor has been told' });
  await expect(told).toContainText('this log went straight to the counselor as Urgent');
  await expect(told.getByTestId('escalation-protocol')).toHaveText(protocol);
  await expect(told.getByRole('button', { name: 'Open the case' })).toHaveCount(0);
  await shot(page, 'sessions-02-peer-told-with-protocol');
  await told.getByRole('button', { name: 'I understand' }).click();
  await expect(page.getByRole('heading', { name: /^Session log of / })).toBeVisible();
  await expect(page.getByText('Awaiting review')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await shot(page, 'sessions-03-peer-reads-submitted-log');

  // The peer has no way to a case: no Cases area, and the backend refuses the call itself.
  await expect(page.getByRole('navigation').getByRole('button', { name: 'Cases' })).toHaveCount(0);
  const refused = await harness.backend.invoke('cases.get', { id: 1 });
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Sebaya' })).toBeVisible();

  // The coordinator sees the log in the review queue.
  await unlock(page, coordinator.username, coordinator.password);
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Urgent case #1 (HS-' })).toBeVisible();
  await shot(page, 'sessions-04-coordinator-dashboard');
  await goTo(page, 'Session logs');
  const queue = page.getByRole('table', { name: 'Review queue' });
  await expect(queue.getByRole('row')).toHaveCount(2);
  await expect(queue).toContainText(peer.fullName);
  await expect(queue).toContainText('Urgent');
  await shot(page, 'sessions-05-review-queue');
  await lock(page);

  // The supervisor finds the urgent case in her queue, with the protocol shown.
  await unlock(page, supervisor.username, supervisor.password);
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  await goTo(page, 'Cases');
  const cases = page.getByRole('table', { name: 'Open cases' });
  await expect(cases).toContainText('Urgent');
  await expect(cases).toContainText(supervisor.fullName);
  await shot(page, 'sessions-06-supervisor-queue');
  await cases.getByRole('button', { name: /^Open case #1 about HS-/ }).click();
  await expect(page.getByRole('heading', { name: /^Case #1: HS-\d{4}-001$/ })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Escalation protocol' }).getByTestId('escalation-protocol')).toHaveText(protocol);
  await expect(page.getByText('Merasa tidak berguna sejak orang tuanya bertengkar')).toBeVisible();
  await shot(page, 'sessions-07-case-with-protocol');

  const changeStatus = async (to: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) => {
    await page.getByRole('button', { name: 'Change status' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Change the status of case #1' });
    await pickOption(page, dialog.getByRole('combobox', { name: 'New status', exact: true }), to);
    if (fill) await fill(dialog);
    await dialog.getByRole('button', { name: 'Change status' }).click();
    await expect(dialog).toBeHidden();
  };

  await changeStatus('In review');
  // A note half-typed when the PC locks waits on the case's page, which is where the unlock goes back to.
  const note = 'Sudah bertemu siswa bersama guru BK. Tidak ada rencana konkret; orang tua dihubungi hari ini.';
  await page.getByRole('textbox', { name: 'Text' }).fill(note);
  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: 'Unlock Sebaya' })).toBeVisible();
  await unlock(page, supervisor.username, supervisor.password);
  await expect(page.getByRole('heading', { name: /^Case #1: HS-\d{4}-001$/ })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Text' })).toHaveValue(note);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByText('Added to the timeline.')).toBeVisible();

  await page.getByRole('button', { name: 'Make a referral' }).click();
  const referral = page.getByRole('dialog', { name: 'Make a referral for case #1' });
  await referral.getByRole('combobox', { name: 'Service', exact: true }).click();
  await page.getByRole('option', { name: /Layanan Psikologi Puskesmas/ }).click();
  await referral.getByLabel('Why').fill('Perlu asesmen psikolog untuk pikiran menyakiti diri.');
  await referral.getByLabel('Who consented').fill('Siswa dan ibunya');
  await shot(page, 'sessions-08-referral-with-consent');
  await referral.getByRole('button', { name: 'Make a referral' }).click();
  await expect(referral).toBeHidden();
  await expect(page.getByRole('table').filter({ hasText: 'Layanan Psikologi Puskesmas' })).toContainText('Siswa dan ibunya');

  await changeStatus('Referred');
  await expect(page.getByText('Referred', { exact: true }).first()).toBeVisible();
  await changeStatus('Closed', async (dialog) => {
    await dialog.getByRole('combobox', { name: 'Outcome', exact: true }).click();
    await page.getByRole('option', { name: 'Support continues elsewhere' }).click();
    await dialog.getByLabel('What happened').fill('Didampingi psikolog Puskesmas setiap minggu; sekolah terus memantau.');
  });
  await expect(page.getByText('Closed with the outcome “Support continues elsewhere”.')).toBeVisible();
  await shot(page, 'sessions-09-case-closed');
  await lock(page);

  // The coordinator reads the whole timeline.
  await unlock(page, coordinator.username, coordinator.password);
  await goTo(page, 'Cases');
  await page.getByRole('tab', { name: 'All cases' }).click();
  await page.getByRole('button', { name: /^Open case #1 about HS-/ }).click();
  const timeline = page.getByRole('heading', { name: 'Timeline' }).locator('xpath=ancestor::div[contains(@class,"mantine-Card-root")]');
  for (const entry of [
    'Opened (Risk screen), Urgent',
    'Status: Open → In review',
    'Sudah bertemu siswa bersama guru BK',
    'Referral to Layanan Psikologi Puskesmas',
    'Status: In review → Referred',
    'Status: Referred → Closed',
    'Outcome: Support continues elsewhere',
  ]) {
    await expect(timeline).toContainText(entry);
  }
  await expect(timeline).toContainText(`${supervisor.fullName},`);
  await expect(timeline).toContainText(`${peer.fullName},`);
  await shot(page, 'sessions-10-coordinator-timeline');

  // The peer's profile counts the log, and that it raised a risk.
  await goTo(page, 'Peers');
  await page.getByRole('button', { name: peer.fullName }).click();
  const logs = page.getByRole('region', { name: 'Session logs' });
  await expect(logs).toContainText('Logs written (not drafts)1');
  await expect(logs).toContainText('With a risk ticked1');
  await expect(logs.getByRole('table')).toContainText('HS-2026-001');
  await logs.scrollIntoViewIfNeeded();
  await shot(page, 'sessions-11-peer-profile-logs');
});

test('a coordinator types in a paper log in Indonesian, is told which field is missing, returns the log with a comment, looks up who a code is and finds the log by a word in it', async ({
  app: page,
  harness,
}) => {
  test.setTimeout(180_000);
  await createVault(page);
  await confirmRecoveryKey(page);
  await aSchoolReadyForSessions(harness);
  await page.reload();
  await chooseLanguage(page, 'ID');
  await expect(page.getByRole('heading', { name: 'Dasbor' })).toBeVisible();

  await goTo(page, 'Catatan sesi');
  await page.getByRole('button', { name: 'Masukkan catatan kertas' }).click();
  await expect(page.getByRole('heading', { name: 'Masukkan catatan kertas' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Konselor sebaya', exact: true }).click();
  await page.getByRole('option', { name: 'Budi Santoso (8B)' }).click();
  await page.getByRole('textbox', { name: 'Nama', exact: true }).fill('Rina Kartika');
  await page.getByRole('textbox', { name: 'Kelas', exact: true }).fill('7C');
  // Typed the Indonesian way, on a 24-hour clock, and the date shown day first in an en-US browser.
  const startTime = startedThisMinute('.');
  await page.getByLabel('Jam mulai').fill(startTime);
  await expect(page.getByRole('textbox', { name: 'Tanggal', exact: true })).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
  await page.getByLabel('Lama (menit)').fill('20');
  await page.locator('label').getByText('Perundungan', { exact: true }).click();
  await page.getByLabel('Apa yang dibicarakan').fill('Diejek kakak kelas di kantin setiap jam istirahat; takut masuk sekolah.');
  await page.getByRole('checkbox', { name: 'Tidak ada satu pun yang muncul' }).check();
  await page.locator('label').getByText('Sedikit khawatir', { exact: true }).click();
  await page.getByRole('button', { name: 'Kirim untuk diperiksa' }).click();
  await expect(page.getByText('Apa yang dilakukan wajib diisi.')).toBeVisible();
  // Taken to the missing field, so the message is on screen and not above it.
  await expect(page.getByLabel('Apa yang dilakukan konselor sebaya')).toBeFocused();
  await expect(page.getByLabel('Apa yang dilakukan konselor sebaya')).toBeInViewport();
  await expect(page.getByLabel('Jam mulai')).toHaveValue(startTime);
  await shot(page, 'sessions-11-paper-log-missing-field-id');

  await page.getByLabel('Apa yang dilakukan konselor sebaya').fill('Mendengarkan dan mengajaknya melapor ke wali kelas.');
  await page.getByRole('button', { name: 'Kirim untuk diperiksa' }).click();
  await expect(page.getByRole('heading', { name: /^Catatan sesi tanggal / })).toBeVisible();
  await expect(page.getByText('Menunggu diperiksa')).toBeVisible();
  await page.getByRole('button', { name: 'Kembalikan ke konselor sebaya' }).click();
  const back = page.getByRole('dialog', { name: 'Kembalikan catatan kepada Budi Santoso' });
  await back.getByLabel('Komentar untuk konselor sebaya').fill('Sebutkan juga kapan dia akan bicara dengan wali kelas.');
  await back.getByRole('button', { name: 'Kembalikan ke konselor sebaya' }).click();
  await expect(page.getByText('Dikembalikan', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('Sebutkan juga kapan dia akan bicara dengan wali kelas.')).toBeVisible();
  await shot(page, 'sessions-12-returned-log-id');

  await page.getByRole('button', { name: 'Kembali ke catatan sesi' }).click();
  await page.getByRole('tab', { name: 'Pencari bantuan' }).click();
  const codes = page.getByRole('table', { name: 'Pencari bantuan' });
  await expect(codes).toContainText('HS-');
  await expect(codes).not.toContainText('Rina');
  await codes.getByRole('button', { name: /^Tampilkan siapa dia: HS-/ }).click();
  const who = page.getByRole('dialog', { name: /^Siapa HS-/ });
  await expect(who).toContainText('Rina Kartika');
  await expect(who).toContainText('Tampilan ini tercatat di log audit.');
  await shot(page, 'sessions-13-identity-revealed-id');
  await who.getByRole('button', { name: 'Tutup' }).last().click();

  await page.getByRole('tab', { name: 'Cari', exact: true }).click();
  await page.getByLabel('Cari dalam isi catatan sesi dan catatan kasus').fill('kanti');
  await page.getByRole('button', { name: 'Cari', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText('1 ditemukan');
  await expect(page.locator('mark')).toHaveText('kantin');
  await shot(page, 'sessions-14-search-id');

  await goTo(page, 'Log audit');
  // Each entry a sentence a principal can read, the student by code only, the case a link to its page.
  const viewed = page.getByRole('row').filter({ hasText: 'melihat identitas di balik kode HS-' });
  await expect(viewed.first()).toBeVisible();
  await expect(page.getByRole('table')).not.toContainText('Rina');
  await expect(page.getByRole('table')).not.toContainText('help-seeker.identity-viewed');
  await shot(page, 'sessions-14b-audit-log-id');
  const returned = page.getByRole('row').filter({ hasText: /mengembalikan catatan sesi #\d+/ }).first();
  await returned.getByRole('button', { name: /^#\d+ / }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Catatan sesi tanggal / })).toBeVisible();

  await goTo(page, 'Pengaturan');
  await page.getByRole('tab', { name: 'Kasus' }).click();
  await expect(page.getByLabel('Protokol eskalasi')).toHaveValue(protocol);
  await shot(page, 'sessions-15-case-settings-id');
});

test('a half-written paper log survives a lock and opens again with its text after unlocking', async ({ app: page, harness }) => {
  await createVault(page);
  await confirmRecoveryKey(page);
  await aSchoolReadyForSessions(harness);
  await page.reload();
  await goTo(page, 'Session logs');
  await page.getByRole('button', { name: 'Enter a paper log' }).click();
  await page.getByRole('combobox', { name: 'Peer supporter', exact: true }).click();
  await page.getByRole('option', { name: 'Budi Santoso (8B)' }).click();
  await page.getByLabel('What was talked about').fill('Cemas menghadapi ujian; belum selesai ditulis.');
  await page.getByRole('checkbox', { name: 'Alcohol or drugs' }).check();

  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: 'Unlock Sebaya' })).toBeVisible();
  await unlock(page, coordinator.username, coordinator.password);

  await expect(page.getByRole('heading', { name: 'Enter a paper log' })).toBeVisible();
  await expect(page.getByText('Restored what you had typed before Sebaya locked.')).toBeVisible();
  await expect(page.getByLabel('What was talked about')).toHaveValue('Cemas menghadapi ujian; belum selesai ditulis.');
  await expect(page.getByRole('checkbox', { name: 'Alcohol or drugs' })).toBeChecked();
  // Nothing was sent: a draft kept across a lock is not a log, and opened no case.
  expect(await harness.backend.invoke('cases.list', {})).toMatchObject({ ok: true, value: { cases: [] } });
  await shot(page, 'sessions-16-paper-log-restored');
});
