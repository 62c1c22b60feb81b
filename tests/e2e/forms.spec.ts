import type { Route } from '@playwright/test';
import { confirmRecoveryKey, createVault, expect, goTo, shot, test } from './support/fixtures';

/** Holds every answer of one backend method until `release` is called, as a slow PC would. */
function holdAnswersOf(method: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const handler = async (route: Route) => {
    if ((route.request().postDataJSON() as { method?: string }).method === method) await released;
    await route.continue();
  };
  return { handler, release };
}

test('Settings keeps what the counselor typed while its data loads and when another section is saved', async ({ app: page, harness }) => {
  await createVault(page);
  await confirmRecoveryKey(page);

  // Until settings.get answers, the sections' fields are closed, so nothing is typed over values about to arrive.
  const held = holdAnswersOf('settings.get');
  await page.route('**/__sebaya/call', held.handler);
  await goTo(page, 'Settings');
  const profile = page.getByRole('region', { name: 'School and classes' });
  await expect(profile.getByLabel('Number of students')).toBeDisabled();
  await shot(page, 'forms-01-settings-loading');
  held.release();
  await expect(profile.getByLabel('Number of students')).toBeEnabled();
  await page.unroute('**/__sebaya/call', held.handler);

  // Typed in two sections, then a third is saved: its refetch of the settings must not wipe them.
  await profile.getByLabel('Number of students').fill('640');
  await page.getByLabel('Escalation protocol').fill('Call Bu Sari first, then the principal.');
  const terms = page.getByRole('region', { name: 'School terms' });
  await terms.getByRole('button', { name: 'Add a term' }).click();
  await terms.getByLabel('Academic year 1').fill('2026/2027');
  await terms.getByLabel('First day 1').fill('2026-07-13');
  await terms.getByLabel('Last day 1').fill('2026-12-18');
  await terms.getByRole('button', { name: 'Save terms' }).click();
  await expect(page.getByText('The terms were saved.')).toBeVisible();
  await expect(terms.getByLabel('Academic year 1')).toHaveValue('2026/2027');
  await expect(profile.getByLabel('Number of students')).toHaveValue('640');
  await expect(page.getByLabel('Escalation protocol')).toHaveValue('Call Bu Sari first, then the principal.');

  // And what was kept is what gets saved.
  await profile.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('The school’s size and classes were saved.')).toBeVisible();
  await expect(page.getByLabel('Escalation protocol')).toHaveValue('Call Bu Sari first, then the principal.');
  const stored = await harness.backend.invoke('settings.get', {});
  expect(stored.ok && stored.value.studentCount).toBe(640);
  expect(stored.ok && stored.value.escalationProtocol).toBe('');
  await shot(page, 'forms-02-settings-kept');
});
