import type { Page } from '@playwright/test';
import type { Harness } from '../../harness/server';
import { aSupervisor, anActivePeer, must, supervisor } from './support/school';
import { chooseLanguage, openDemoSchool, confirmRecoveryKey, createVault, expect, goTo, pickOption, shot, test, unlock } from './support/fixtures';

const budi = { fullName: 'Budi Santoso', className: '8B', username: 'budi', pin: '482913' };
const rina = { fullName: 'Rina Kartika', className: '9A' };

/** A day counted from today on this machine's calendar, as the backend counts it: `YYYY-MM-DD`. */
function dayFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * What the coordinator set up in earlier weeks, through the contract: a
 * supervisor, two active peers in her group meeting every two weeks, Rina last
 * supervised three weeks ago (so overdue), Budi with a peer account, and an
 * open case about a help-seeker assigned to the supervisor.
 */
async function aProgramWithSupervision(harness: Harness) {
  const supervisorUser = await aSupervisor(harness);

  const b = await anActivePeer(harness, budi.fullName, budi.className, supervisorUser.id);
  const r = await anActivePeer(harness, rina.fullName, rina.className, supervisorUser.id);
  await must(harness, 'users.createPeerAccount', { peerId: b.id, username: budi.username, pin: budi.pin });
  const { group } = await must(harness, 'supervision.createGroup', { name: 'Kelompok Kamis', supervisorUserId: supervisorUser.id, frequencyDays: 14, peerIds: [b.id, r.id] });
  await must(harness, 'supervision.createMeeting', {
    status: 'held',
    kind: 'individual',
    heldOn: dayFromToday(-20),
    startTime: '13:30',
    durationMinutes: 45,
    groupId: group.id,
    supervisorUserId: supervisorUser.id,
    attendees: [{ peerId: r.id, userId: null, present: true }],
    topics: ['Merawat diri'],
    caseIds: [],
    logIds: [],
    notes: '',
    actionItems: [],
  });
  const { helpSeeker } = await must(harness, 'helpSeekers.create', { identity: null });
  const { caseId } = await must(harness, 'cases.open', {
    helpSeekerId: helpSeeker.id,
    logId: null,
    severity: 'high',
    assignedUserId: supervisorUser.id,
    note: 'Sering tidak masuk sekolah; perlu dibicarakan di supervisi.',
  });
  return { caseId, code: helpSeeker.code };
}

async function lock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Sebaya' })).toBeVisible();
}

async function pick(page: Page, label: string, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).click();
}

test('a coordinator sees who is overdue, records a group meeting that discusses an open case with action items; the case timeline shows it, the supervisor’s dashboard lists her overdue item and the peer reads his own', async ({
  app: page,
  harness,
}) => {
  test.setTimeout(240_000);
  await createVault(page);
  await confirmRecoveryKey(page);
  const { caseId, code } = await aProgramWithSupervision(harness);
  await page.reload();

  // Who is overdue: on the dashboard, in the roster and on the peer's profile.
  const due = page.getByRole('region', { name: 'Supervision' });
  await expect(due).toContainText('1 peer is overdue for supervision');
  await expect(due).toContainText(rina.fullName);
  await shot(page, 'supervision-01-dashboard-overdue');
  await goTo(page, 'Peers');
  const roster = page.getByRole('table');
  await expect(roster.getByRole('row', { name: new RegExp(rina.fullName) })).toContainText('Overdue');
  await expect(roster.getByRole('row', { name: new RegExp(budi.fullName) })).toContainText('On track');
  await shot(page, 'supervision-02-roster-column');
  await roster.getByRole('button', { name: rina.fullName }).click();
  const profile = page.getByRole('region', { name: 'Supervision' });
  await expect(profile).toContainText('Kelompok Kamis');
  await expect(profile).toContainText('Overdue');
  await expect(profile).toContainText('0.75 hours at 1 meeting');
  await shot(page, 'supervision-03-profile');

  // The coordinator records this week's meeting.
  await goTo(page, 'Supervision');
  await expect(page.getByRole('tab', { name: /Who is due/ })).toContainText('1');
  await page.getByRole('button', { name: 'Record a meeting' }).click();
  await expect(page.getByRole('heading', { name: 'Record a supervision meeting' })).toBeVisible();
  await page.getByRole('button', { name: 'Save the meeting' }).click();
  await expect(page.getByText('Choose at least one peer for the meeting.')).toBeVisible();
  await expect(page.getByText('Supervisor is required.')).toBeVisible();

  await pick(page, 'Group', 'Kelompok Kamis');
  await expect(page.getByRole('checkbox', { name: budi.fullName })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: rina.fullName })).toBeChecked();
  await page.getByLabel('Start time').fill('13:30');
  await page.getByRole('combobox', { name: 'Topics' }).fill('Batas peran');
  await page.getByRole('combobox', { name: 'Topics' }).press('Enter');
  await pick(page, 'Cases discussed', new RegExp(`#${caseId} · ${code}`));
  await page.getByLabel('Notes').fill('Membahas kapan sebuah cerita harus dibawa ke guru BK.');

  await page.getByRole('button', { name: 'Add an action item' }).click();
  await page.getByRole('button', { name: 'Save the meeting' }).click();
  await expect(page.getByText('Choose who owns this action item.')).toBeVisible();
  await page.getByLabel('What is to be done').fill('Mengajak teman sekelas yang sering absen ke ruang BK');
  await pick(page, 'Owner', budi.fullName);
  await page.getByRole('button', { name: 'Add an action item' }).click();
  await page.getByLabel('What is to be done').nth(1).fill('Menelepon orang tua tentang kasus ini');
  await page.getByRole('combobox', { name: 'Owner', exact: true }).nth(1).click();
  await page.getByRole('option', { name: supervisor.fullName }).click();
  await page.getByRole('textbox', { name: 'Due', exact: true }).nth(1).fill(dayFromToday(-1));
  await shot(page, 'supervision-04-record-form');
  await page.getByRole('button', { name: 'Save the meeting' }).click();

  await expect(page.getByRole('heading', { name: /^Group supervision, / })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Who was there' })).toContainText(budi.fullName);
  await expect(page.getByRole('region', { name: 'Action items' })).toContainText('Overdue');
  await shot(page, 'supervision-05-meeting-page');

  // The case timeline says it was discussed.
  await page.getByRole('button', { name: `Case #${caseId} · ${code}` }).click();
  await expect(page.getByRole('heading', { name: `Case #${caseId}: ${code}` })).toBeVisible();
  await expect(page.getByText(/^Discussed in supervision on /)).toBeVisible();
  await expect(page.getByText(`Group supervision, led by ${supervisor.fullName}`)).toBeVisible();
  await shot(page, 'supervision-06-case-timeline');

  // Every open action item, found by a word in it.
  await goTo(page, 'Supervision');
  await page.getByRole('tab', { name: 'Action items' }).click();
  await expect(page.getByText('Mengajak teman sekelas yang sering absen ke ruang BK')).toBeVisible();
  await page.getByRole('textbox', { name: 'Search' }).fill('orang tua');
  await expect(page.getByText('Menelepon orang tua tentang kasus ini')).toBeVisible();
  await expect(page.getByText('Mengajak teman sekelas yang sering absen ke ruang BK')).toHaveCount(0);
  await shot(page, 'supervision-07-action-items');

  // Nobody is overdue any more.
  await goTo(page, 'Dashboard');
  await expect(page.getByRole('region', { name: 'Supervision' })).toContainText('Every active peer in a group is on track.');
  await lock(page);

  // The supervisor finds her overdue action item on her dashboard and ticks it off.
  await unlock(page, supervisor.username, supervisor.password);
  const mine = page.getByRole('region', { name: 'Your action items' });
  await expect(mine).toContainText('Menelepon orang tua tentang kasus ini');
  await expect(mine).toContainText('1 overdue');
  await expect(mine).not.toContainText('Mengajak teman sekelas');
  await shot(page, 'supervision-08-supervisor-dashboard');
  await mine.getByRole('checkbox', { name: 'Mark “Menelepon orang tua tentang kasus ini” done' }).click();
  await expect(page.getByText('Marked done.')).toBeVisible();
  await expect(mine).toContainText('You have no open action items from supervision.');

  // She sees the meeting she led, and records new ones only as herself.
  await goTo(page, 'Supervision');
  await expect(page.getByRole('table', { name: 'Supervision meetings' })).toContainText(supervisor.fullName);
  await page.getByRole('button', { name: 'Record a meeting' }).click();
  await expect(page.getByRole('combobox', { name: 'Supervisor', exact: true })).toHaveValue(supervisor.fullName);
  await expect(page.getByRole('combobox', { name: 'Supervisor', exact: true })).toBeDisabled();
  await page.getByRole('button', { name: 'Back to supervision' }).click();
  await goTo(page, 'Dashboard');

  // Budi, at the office PC, reads his own action item and cannot tick it.
  await page.getByRole('button', { name: 'Hand over to a peer' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Hand over' }).click();
  await page.getByLabel('Username').fill(budi.username);
  await page.getByLabel('PIN').fill(budi.pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const his = page.getByRole('region', { name: 'Your action items' });
  await expect(his).toContainText('Mengajak teman sekelas yang sering absen ke ruang BK');
  await expect(his).not.toContainText('Menelepon orang tua');
  await expect(his.getByRole('checkbox')).toHaveCount(0);
  await shot(page, 'supervision-09-peer-own-items');
  await page.getByRole('navigation').getByRole('button', { name: 'Your profile' }).click();
  const onProfile = page.getByRole('region', { name: 'Action items from supervision' });
  await expect(onProfile).toContainText('Mengajak teman sekelas yang sering absen ke ruang BK');
  await expect(onProfile.getByRole('checkbox')).toHaveCount(0);
  const refused = await harness.backend.invoke('actionItems.list', {});
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
});

test('a coordinator plans a meeting, finds it by a topic, cancels it after confirming, and reads the supervision screens in Indonesian', async ({ app: page, harness }) => {
  test.setTimeout(180_000);
  await createVault(page);
  await confirmRecoveryKey(page);
  const { caseId } = await aProgramWithSupervision(harness);
  await page.reload();

  await goTo(page, 'Supervision');
  await expect(page.getByRole('table', { name: 'Supervision meetings' })).toBeVisible();

  // A second group, meeting every two weeks unless told otherwise; Budi moves to it.
  await page.getByRole('tab', { name: 'Groups' }).click();
  await page.getByRole('button', { name: 'New group' }).click();
  const groupForm = page.getByRole('dialog', { name: 'New group' });
  await expect(groupForm.getByRole('combobox', { name: 'Meets' })).toHaveValue('Every 2 weeks');
  await groupForm.getByRole('button', { name: 'Save' }).click();
  await expect(groupForm.getByText('Name is required.')).toBeVisible();
  await groupForm.getByLabel('Name').fill('Kelompok Senin');
  await groupForm.getByRole('combobox', { name: 'Members' }).click();
  await page.getByRole('option', { name: new RegExp(budi.fullName) }).click();
  await page.keyboard.press('Escape');
  await shot(page, 'supervision-10-new-group');
  await groupForm.getByRole('button', { name: 'Save' }).click();
  await expect(groupForm).toBeHidden();
  await expect(page.getByRole('region', { name: 'Kelompok Senin' })).toContainText(budi.fullName);
  await expect(page.getByRole('region', { name: 'Kelompok Kamis' })).not.toContainText(budi.fullName);

  await page.getByRole('tab', { name: 'Meetings' }).click();
  await page.getByRole('button', { name: 'Plan a meeting' }).click();
  await expect(page.getByRole('heading', { name: 'Plan a supervision meeting' })).toBeVisible();
  await pick(page, 'Supervisor', supervisor.fullName);
  await page.getByRole('combobox', { name: 'Peers', exact: true }).click();
  await page.getByRole('option', { name: rina.fullName }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'Topics' }).fill('Menulis catatan sesi');
  await page.getByRole('combobox', { name: 'Topics' }).press('Enter');
  await page.getByRole('button', { name: 'Save the meeting' }).click();
  await expect(page.getByRole('heading', { name: /^Group supervision, / })).toBeVisible();
  await expect(page.getByText('Planned', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Back to supervision' }).click();

  const meetings = page.getByRole('table', { name: 'Supervision meetings' });
  await expect(meetings.getByRole('row')).toHaveCount(3);
  await page.getByRole('textbox', { name: 'Search' }).fill('catatan sesi');
  await expect(meetings.getByRole('row')).toHaveCount(2);
  await shot(page, 'supervision-11-meetings-search');
  await meetings.getByRole('button', { name: /^Open the meeting of / }).click();

  await page.getByRole('button', { name: 'Cancel the meeting' }).click();
  const confirm = page.getByRole('dialog', { name: 'Cancel this meeting?' });
  await expect(confirm.getByRole('button', { name: 'Keep it' })).toBeVisible();
  await shot(page, 'supervision-12-cancel-confirm');
  await confirm.getByRole('button', { name: 'Cancel the meeting' }).click();
  await expect(page.getByText('The meeting is cancelled.')).toBeVisible();
  await expect(page.getByText('Cancelled', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel the meeting' })).toHaveCount(0);

  // The same screens in Indonesian.
  await chooseLanguage(page, 'ID');
  await expect(page.getByRole('heading', { name: /^Supervisi kelompok, / })).toBeVisible();
  await expect(page.getByText('Dibatalkan', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Kembali ke supervisi' }).click();
  await expect(page.getByRole('tab', { name: 'Pertemuan' })).toBeVisible();
  await page.getByRole('tab', { name: /Jadwal supervisi/ }).click();
  await expect(page.getByRole('table', { name: 'Jadwal supervisi per konselor sebaya' })).toContainText('Terlambat');
  await expect(page.getByText(/^Semester (ganjil|genap) \d{4}\/\d{4}: \d+ pertemuan supervisi sudah berlangsung, total [\d,]+ jam\.$/)).toBeVisible();
  await shot(page, 'supervision-13-cadence-id');
  await page.getByRole('tab', { name: 'Kelompok' }).click();
  await expect(page.getByRole('region', { name: 'Kelompok Kamis' })).toContainText('setiap 14 hari');
  await shot(page, 'supervision-14-groups-id');
  await page.getByRole('tab', { name: 'Tindak lanjut' }).click();
  await expect(page.getByText('Tidak ada tindak lanjut yang belum selesai.')).toBeVisible();
  await page.getByRole('button', { name: 'Rencanakan pertemuan' }).click();
  await expect(page.getByRole('heading', { name: 'Rencanakan pertemuan supervisi' })).toBeVisible();
  await page.getByRole('button', { name: 'Simpan pertemuan' }).click();
  await expect(page.getByText('Pilih paling sedikit satu konselor sebaya untuk pertemuan ini.')).toBeVisible();
  await shot(page, 'supervision-15-form-errors-id');
  await page.getByRole('button', { name: 'Kembali ke supervisi' }).click();

  await must(harness, 'supervision.createMeeting', {
    status: 'held',
    kind: 'case_conference',
    heldOn: dayFromToday(0),
    startTime: null,
    durationMinutes: 30,
    groupId: null,
    supervisorUserId: (await must(harness, 'cases.get', { id: caseId })).case.assignedUserId!,
    attendees: [{ peerId: (await must(harness, 'supervision.cadence', {})).peers[0]!.peerId, userId: null, present: true }],
    topics: [],
    caseIds: [caseId],
    logIds: [],
    notes: '',
    actionItems: [],
  });
  await goTo(page, 'Kasus');
  await page.getByRole('button', { name: new RegExp(`^Buka kasus #${caseId}`) }).click();
  await expect(page.getByText(/^Dibahas dalam supervisi tanggal /)).toBeVisible();
  await expect(page.getByText(`Konferensi kasus, dipimpin ${supervisor.fullName}`)).toBeVisible();
  await shot(page, 'supervision-16-case-timeline-id');
});

test('the demo school’s term of supervision reads like a real school’s: meetings, who is behind, groups, a held meeting and its action items', async ({ app: page, harness }) => {
  test.setTimeout(180_000);
  const accounts = await openDemoSchool(page, harness);
  await unlock(page, accounts.coordinator.username, accounts.coordinator.password);
  await expect(page.getByRole('heading', { name: 'Dasbor' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Supervisi' })).toContainText('terlambat supervisi');
  await shot(page, 'supervision-17-demo-dashboard-id');

  await goTo(page, 'Supervisi');
  const meetings = page.getByRole('table', { name: 'Pertemuan supervisi' });
  await expect(meetings.getByRole('row').nth(5)).toBeVisible();
  await shot(page, 'supervision-18-demo-meetings-id');
  await page.getByRole('tab', { name: /Jadwal supervisi/ }).click();
  await expect(page.getByRole('table', { name: 'Jadwal supervisi per konselor sebaya' })).toContainText('Terlambat');
  await shot(page, 'supervision-19-demo-cadence-id');
  await page.getByRole('tab', { name: 'Kelompok' }).click();
  await shot(page, 'supervision-20-demo-groups-id');
  await page.getByRole('tab', { name: 'Pertemuan' }).click();
  // Only held meetings, so the first row is one with who came (the list filters as the choice lands).
  const shown = page.getByRole('combobox', { name: 'Tampilkan pertemuan' });
  await pickOption(page, shown, 'Terlaksana');
  await expect(shown).toHaveValue('Terlaksana');
  await meetings.getByRole('button', { name: /^Buka pertemuan tanggal / }).first().click();
  await expect(page.getByRole('region', { name: 'Yang hadir' })).toBeVisible();
  await shot(page, 'supervision-21-demo-meeting-id');
});
