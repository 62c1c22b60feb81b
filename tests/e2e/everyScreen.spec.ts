import type { Page } from '@playwright/test';
import { expect, openDemoSchool, test, unlock } from './support/fixtures';

/**
 * Issue 14: a screen asks only what its user may ask, with input the contract accepts. For each role
 * of the demo school, every area in its sidebar and every tab in it is opened; the harness fixture
 * fails the test on any call the backend refused (FORBIDDEN or VALIDATION). The list of areas and
 * tabs is read from the screen, so a new one is covered without touching this file.
 */
async function visitEveryAreaAndTab(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: /^(Areas|Bagian)$/ }).last();
  await expect(nav.getByRole('button').first()).toBeVisible();
  const areas = await nav.getByRole('button').allTextContents();
  for (const area of areas) {
    await nav.getByRole('button', { name: area, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const tabs = page.getByRole('main').getByRole('tab');
    const count = await tabs.count();
    for (let i = 0; i < count; i += 1) {
      await tabs.nth(i).click();
      await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
      await page.waitForLoadState('networkidle');
    }
  }
  return areas;
}

const roles = ['coordinator', 'supervisor', 'peer'] as const;

for (const role of roles) {
  test(`every area and tab a ${role} of the demo school can open asks the backend only what a ${role} may ask`, async ({ app: page, harness }) => {
    test.setTimeout(240_000);
    const accounts = await openDemoSchool(page, harness);
    if (role === 'peer') {
      await unlock(page, accounts.coordinator.username, accounts.coordinator.password);
      await page.getByRole('button', { name: /Hand over to a peer|Serahkan ke konselor sebaya/ }).click();
      await page.getByRole('dialog').getByRole('button', { name: /^(Hand over|Serahkan)$/ }).click();
      await page.getByLabel(/^(Username|Nama pengguna)$/).fill(accounts.peer.username);
      await page.getByLabel('PIN').fill(accounts.peer.pin);
      await page.getByRole('button', { name: /^(Sign in|Masuk)$/ }).click();
    } else {
      await unlock(page, accounts[role].username, accounts[role].password);
    }
    const areas = await visitEveryAreaAndTab(page);
    expect(areas.length).toBeGreaterThan(role === 'peer' ? 0 : 3);
  });
}
