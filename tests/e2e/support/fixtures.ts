import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { seedDemo } from '../../../electron/backend/demo/demo';
import { defaultRendererDir, startHarness, type Harness, type Refusal } from '../../../harness/server';

/**
 * The slow-PC profile (issue 13): the renderer runs at a quarter of this machine's speed and every
 * backend answer comes 0–300 ms late, as on a school's shared office PC. Racy waits, clicks before
 * the data and lost clicks show up here. SEBAYA_E2E_FAST=1 turns it off while chasing one test.
 */
export const slowPc = process.env.SEBAYA_E2E_FAST ? null : { cpuSlowdown: 4, answerDelayMs: 300 };

/** Options every harness of the suite starts with: a cheap scrypt and the slow-PC answer delay. */
export const harnessOptions = {
  rendererDir: defaultRendererDir(),
  ...(slowPc ? { answerDelayMs: slowPc.answerDelayMs } : {}),
};

/** Puts a page under the slow-PC profile's CPU slowdown (Chromium's DevTools throttling). */
export async function slowDown(page: Page): Promise<void> {
  if (!slowPc) return;
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Emulation.setCPUThrottlingRate', { rate: slowPc.cpuSlowdown });
}

export const screenshotDir = path.resolve(__dirname, '..', '..', '..', 'test-results', 'screenshots');

const allowedRefusals = new WeakMap<Harness, Array<Pick<Refusal, 'method' | 'code'>>>();

/**
 * Says that this test makes the backend refuse a call on purpose (a wrong entry it checks the
 * screen's answer to). Any other FORBIDDEN or VALIDATION answer fails the test: a screen must only
 * ask what its user may ask, with input the contract accepts (issue 14).
 */
export function expectRefusal(harness: Harness, method: string, code: Refusal['code']): void {
  allowedRefusals.set(harness, [...(allowedRefusals.get(harness) ?? []), { method, code }]);
}

/** The refusals of a harness that no `expectRefusal` allowed, one line each. */
export function unexpectedRefusals(harness: Harness): string[] {
  const allowed = allowedRefusals.get(harness) ?? [];
  return harness.refusals
    .filter((refusal) => !allowed.some((a) => a.method === refusal.method && a.code === refusal.code))
    .map((r) => `${r.method} → ${r.code}${r.field ? ` (${r.field})` : ''}${r.reason ? ` [${r.reason}]` : ''}: ${r.message}`);
}

/** Fails the test when the screens made a call the backend refused and the test did not expect it. */
export function assertNoUnexpectedRefusals(harness: Harness): void {
  const unexpected = unexpectedRefusals(harness);
  if (unexpected.length > 0) throw new Error(`The screens made calls the backend refused:\n${unexpected.join('\n')}`);
}

interface Fixtures {
  dataDir: string;
  harness: Harness;
  /** Opens the app in the page and returns the page. */
  app: Page;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sebaya-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  harness: async ({ dataDir }, use) => {
    // A cheaper scrypt than the app's (0.6 s per slot) keeps the suite fast and steady on a busy CI machine;
    // the real cost is covered by the backend tests and `npm run bench`.
    const harness = await startHarness({ dataDir, ...harnessOptions, kdfCost: { N: 2 ** 14, r: 8, p: 1 } });
    try {
      await use(harness);
      assertNoUnexpectedRefusals(harness);
    } finally {
      await harness.close();
    }
  },
  page: async ({ page }, use) => {
    await slowDown(page);
    await use(page);
  },
  app: async ({ page, harness }, use) => {
    await page.goto(harness.url);
    await use(page);
  },
});

export { expect };

/** Saves a full-page screenshot under test-results/screenshots for people to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

export const coordinator = {
  school: 'SMP Negeri 3 Contoh',
  fullName: 'Sari Wulandari',
  username: 'sari',
  password: 'kopi pagi di ruang BK',
};

/** Fills the first-run form and creates the vault; leaves the page on the recovery key screen. */
export async function createVault(page: Page, who = coordinator): Promise<string> {
  await page.getByLabel('School name').fill(who.school);
  await page.getByLabel('Your full name').fill(who.fullName);
  await page.getByLabel('Username').fill(who.username);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(who.password);
  await page.getByLabel('Repeat the password').fill(who.password);
  await page.getByRole('button', { name: 'Create the vault' }).click();
  await expect(page.getByRole('heading', { name: 'Your recovery key' })).toBeVisible();
  return (await page.getByTestId('shown-once').textContent()) ?? '';
}

export async function confirmRecoveryKey(page: Page): Promise<void> {
  await page.getByLabel('I have written down or printed the recovery key and stored it safely').check();
  await page.getByRole('button', { name: 'Continue to Sebaya' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
}

export async function unlock(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

/**
 * A start time that has already come today, as a log is written after its session: the current
 * minute on this PC's clock (the backend refuses a session of today starting after it is sent).
 */
export function startedThisMinute(separator: ':' | '.' = ':'): string {
  const now = new Date();
  return `${String(now.getHours()).padStart(2, '0')}${separator}${String(now.getMinutes()).padStart(2, '0')}`;
}

/** Opens an area from the sidebar. */
export async function goTo(page: Page, area: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: area, exact: true }).click();
}

export async function chooseLanguage(page: Page, code: 'ID' | 'EN'): Promise<void> {
  await page.getByRole('radiogroup', { name: /Language|Bahasa/ }).first().getByText(code, { exact: true }).click();
}

/**
 * Fills the harness's vault with the demo school and shows its lock screen in English, as a PC that
 * last showed English would. Not chosen on the lock screen (a choice there would stand after
 * unlocking), so the demo's staff still see their own Indonesian once they unlock.
 */
export async function openDemoSchool(page: Page, harness: Harness) {
  const accounts = await seedDemo(harness.backend, { seed: 2026 });
  await page.evaluate("localStorage.setItem('sebaya.language', 'en')");
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Unlock Sebaya' })).toBeVisible();
  return accounts;
}

/**
 * Picks an option of a Mantine select in a dialog. A click that lands while the dialog is still
 * moving focus in can see the list close again at once (a CI run timed out on it), so it tries again.
 */
export async function pickOption(page: Page, select: Locator, option: string): Promise<void> {
  await expect(async () => {
    if ((await select.getAttribute('aria-expanded')) !== 'true') await select.click();
    await page.getByRole('option', { name: option, exact: true }).click({ timeout: 2_000 });
  }).toPass();
}
