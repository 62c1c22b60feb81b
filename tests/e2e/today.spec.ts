import type { Page } from '@playwright/test';
import type { Harness } from '../../harness/server';
import type { MethodOutput, TodayItem } from '../../src/contract';
import { expect, openDemoSchool, shot, test, unlock } from './support/fixtures';

/** Today as the backend answers it to whoever the page signed in (the page and the harness share one backend). */
async function todayOf(harness: Harness): Promise<MethodOutput<'today.list'>['groups']> {
  const answer = await harness.backend.invoke('today.list', {});
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value.groups;
}

/** The address a line must open, and a heading (level 1) or tab the opened page must show. */
function expected(item: TodayItem): { hash: string; heading?: RegExp | string; tab?: string } {
  switch (item.kind) {
    case 'urgentCase':
    case 'overdueCase':
      return { hash: `#/cases/${item.caseId}`, heading: item.helpSeekerCode };
    case 'referralFollowUp':
      return { hash: `#/cases/${item.caseId}`, heading: item.helpSeekerCode };
    case 'logAwaitingReview':
    case 'returnedLog':
      return { hash: `#/sessions/log/${item.logId}`, heading: /^Catatan sesi tanggal / };
    case 'actionItem':
      return { hash: `#/supervision/meeting/${item.meetingId}` };
    case 'refresherOverdue':
    case 'supervisionOverdue':
    case 'evaluationDue':
      return { hash: `#/peers/${item.peerId}`, heading: item.peerName };
    case 'who5FollowUp':
      return { hash: '#/evaluation/outcomes', tab: 'Kesejahteraan pencari bantuan (WHO-5)' };
    case 'backup':
      return { hash: '#/backups', heading: 'Cadangan' };
  }
}

const hashOf = (page: Page) => new URL(page.url()).hash;

async function backToDashboard(page: Page): Promise<void> {
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Dasbor', level: 1 })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Hari ini' })).toBeVisible();
}

/** Clicks the first line of every kind on the dashboard and checks the page it opens, then comes back. */
async function opensEachKind(page: Page, groups: MethodOutput<'today.list'>['groups']): Promise<void> {
  const list = page.getByRole('list', { name: 'Hari ini' });
  for (const group of groups) {
    const want = expected(group.items[0]!);
    await list.locator(`[data-kind="${group.kind}"]`).first().click();
    await expect.poll(() => hashOf(page), { message: `${group.kind} opens ${want.hash}` }).toBe(want.hash);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    if (want.heading) await expect(page.getByRole('heading', { level: 1 })).toContainText(want.heading);
    if (want.tab) await expect(page.getByRole('tab', { name: want.tab })).toHaveAttribute('aria-selected', 'true');
    if (group.kind === 'logAwaitingReview') await shot(page, 'today-02-opened-log-id');
    await backToDashboard(page);
  }
}

const dayOffset = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * The demo is seeded on the real clock, so during the day it has no case past its deadline and no
 * referral to follow up: one of each is made here, so those lines of Today are clicked too.
 */
async function anOverdueCaseAndAReferralFollowUpDue(harness: Harness): Promise<void> {
  const open = await harness.backend.invoke('cases.list', { open: true });
  if (!open.ok) throw new Error(open.error.message);
  const waiting = open.value.cases.filter((c) => c.severity !== 'urgent' && (c.status === 'open' || c.status === 'in_review'));
  const [late, referred] = [waiting[0], waiting[1] ?? waiting[0]];
  if (!late || !referred) throw new Error('The demo school has no case waiting for a decision.');
  await harness.backend.session.db.run('UPDATE cases SET due_at = ? WHERE id = ?', [new Date(Date.now() - 36 * 3_600_000).toISOString(), late.id]);
  const services = await harness.backend.invoke('referrals.services', {});
  if (!services.ok) throw new Error(services.error.message);
  let serviceId = services.value.services[0]?.id;
  if (serviceId === undefined) {
    const made = await harness.backend.invoke('referrals.createService', { kind: 'health_centre', name: 'Puskesmas Kecamatan', organisation: '', phone: '', notes: '' });
    if (!made.ok) throw new Error(made.error.message);
    serviceId = made.value.service.id;
  }
  const referral = await harness.backend.invoke('referrals.create', {
    caseId: referred.id,
    serviceId,
    referredOn: dayOffset(-7),
    reason: 'Perlu pemeriksaan lanjutan.',
    consent: { by: 'Ibu kandung', on: dayOffset(-7) },
    overrideReason: null,
    followUpOn: dayOffset(-1),
  });
  if (!referral.ok) throw new Error(referral.error.message);
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
});

test('the coordinator’s Today names what needs her, most urgent first, and each kind of line opens the page of what it names', async ({ app: page, harness }) => {
  test.setTimeout(240_000);
  const accounts = await openDemoSchool(page, harness);
  await unlock(page, accounts.coordinator.username, accounts.coordinator.password);
  // Bu Sari works in Indonesian: the dashboard opens in it.
  await expect(page.getByRole('heading', { name: 'Dasbor', level: 1 })).toBeVisible();
  await anOverdueCaseAndAReferralFollowUpDue(harness);
  await page.reload();
  const list = page.getByRole('list', { name: 'Hari ini' });
  await expect(list).toBeVisible();
  const groups = await todayOf(harness);
  const kinds = groups.map((g) => g.kind);
  expect(kinds).toEqual(expect.arrayContaining(['overdueCase', 'referralFollowUp']));
  // The demo school has an urgent case waiting, logs to review and no backup yet; the urgent case comes first, the backup last.
  expect(kinds[0]).toBe('urgentCase');
  expect(kinds).toContain('logAwaitingReview');
  expect(kinds.at(-1)).toBe('backup');
  await expect(list.locator('[data-kind]').first()).toHaveAttribute('data-kind', 'urgentCase');
  await expect(list.locator('[data-kind]').last()).toHaveAttribute('data-kind', 'backup');
  await expect(page.getByRole('alert').filter({ hasText: /^Kasus mendesak #\d+ \(HS-/ })).toBeVisible();
  // The account counts are gone; the figures that stay are below Today.
  await expect(page.getByText('Akun staf')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Sekilas' })).toBeVisible();
  await shot(page, 'today-01-coordinator-id');

  await opensEachKind(page, groups);

  // A kind with more lines than it shows ends in "dan 2 lainnya", which opens its whole list.
  const long = groups.find((g) => g.total > g.items.length);
  if (long) {
    await list.getByRole('button', { name: `dan ${long.total - long.items.length} lainnya` }).first().click();
    await expect.poll(() => hashOf(page)).not.toBe('#/dashboard');
  }
});

test('a supervisor’s Today holds only her own cases and peers', async ({ app: page, harness }) => {
  test.setTimeout(180_000);
  const accounts = await openDemoSchool(page, harness);
  await unlock(page, accounts.supervisor.username, accounts.supervisor.password);
  await expect(page.getByRole('heading', { name: 'Dasbor', level: 1 })).toBeVisible();
  const list = page.getByRole('list', { name: 'Hari ini' });
  await expect(list.locator('[data-kind]').first()).toBeVisible();
  const groups = await todayOf(harness);
  expect(groups.map((g) => g.kind)).not.toContain('logAwaitingReview');
  expect(groups.map((g) => g.kind)).not.toContain('backup');
  const status = await harness.backend.invoke('app.status', {});
  const dewi = status.ok ? status.value.user?.userId : undefined;
  const cases = groups.flatMap((g) => g.items).flatMap((i) => (i.kind === 'urgentCase' || i.kind === 'overdueCase' || i.kind === 'referralFollowUp' ? [i.caseId] : []));
  for (const id of cases) {
    const answer = await harness.backend.invoke('cases.get', { id });
    expect(answer.ok && answer.value.case.assignedUserId).toBe(dewi);
  }
  // Her action item from supervision is among them, and opens its meeting.
  expect(groups.map((g) => g.kind)).toContain('actionItem');
  await shot(page, 'today-03-supervisor-id');
  await opensEachKind(page, groups);
});

test('a peer’s home shows his returned log as a banner with the coordinator’s comment, and its button opens the log to correct it', async ({ app: page, harness }) => {
  test.setTimeout(180_000);
  const accounts = await openDemoSchool(page, harness);
  await unlock(page, accounts.coordinator.username, accounts.coordinator.password);
  await expect(page.getByRole('heading', { name: 'Dasbor', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Serahkan ke konselor sebaya' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Serahkan', exact: true }).click();
  await page.getByLabel('Nama pengguna').fill(accounts.peer.username);
  await page.getByLabel('PIN').fill(accounts.peer.pin);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();

  const returnedLogs = ((await todayOf(harness)).find((g) => g.kind === 'returnedLog')?.items ?? []).flatMap((item) => (item.kind === 'returnedLog' ? [item] : []));
  expect(returnedLogs.length).toBeGreaterThan(0);
  // One banner per returned log, each with the coordinator's comment.
  const banners = page.getByRole('status').filter({ hasText: 'dikembalikan untuk diperbaiki' });
  await expect(banners).toHaveCount(returnedLogs.length);
  for (const [i, returned] of returnedLogs.entries()) await expect(banners.nth(i)).toContainText(returned.comment);
  await shot(page, 'today-04-peer-returned-log-id');
  await banners.first().getByRole('button', { name: 'Buka dan perbaiki catatan' }).click();
  await expect.poll(() => hashOf(page)).toMatch(new RegExp(`^#/sessions/log/(${returnedLogs.map((r) => r.logId).join('|')})$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Catatan sesi tanggal');
});
