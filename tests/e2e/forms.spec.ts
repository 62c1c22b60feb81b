import type { Route } from '@playwright/test';
import { chooseLanguage, confirmRecoveryKey, coordinator, createVault, expect, goTo, openDemoSchool, shot, test, unlock } from './support/fixtures';

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

test('Settings keeps what the counselor typed while its data loads, on another tab, and when another section is saved', async ({ app: page, harness }) => {
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

  // Typed on two tabs, then a section on a third is saved: its refetch of the settings must not wipe them.
  const tab = (name: string) => page.getByRole('tab', { name, exact: true });
  await profile.getByLabel('Number of students').fill('640');
  await tab('Cases').click();
  await page.getByLabel('Escalation protocol').fill('Call Bu Sari first, then the principal.');
  await tab('School year').click();
  const terms = page.getByRole('region', { name: 'School terms' });
  await terms.getByRole('button', { name: 'Add a term' }).click();
  await terms.getByLabel('Academic year 1').fill('2026/2027');
  // Dates are written day first whatever the browser's locale (this one is en-US): 13/07, not 07/13.
  await terms.getByLabel('First day 1').fill('13/07/2026');
  await terms.getByLabel('Last day 1').fill('18 Dec 2026');
  await terms.getByRole('button', { name: 'Save terms' }).click();
  await expect(page.getByText('The terms were saved.')).toBeVisible();
  await expect(terms.getByLabel('Academic year 1')).toHaveValue('2026/2027');
  await expect(terms.getByLabel('Last day 1')).toHaveValue('18/12/2026');
  await tab('Cases').click();
  await expect(page.getByLabel('Escalation protocol')).toHaveValue('Call Bu Sari first, then the principal.');
  await tab('School').click();
  await expect(profile.getByLabel('Number of students')).toHaveValue('640');

  // And what was kept is what gets saved.
  await profile.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('The school’s size and classes were saved.')).toBeVisible();
  await tab('Cases').click();
  await expect(page.getByLabel('Escalation protocol')).toHaveValue('Call Bu Sari first, then the principal.');
  const stored = await harness.backend.invoke('settings.get', {});
  expect(stored.ok && stored.value.studentCount).toBe(640);
  expect(stored.ok && stored.value.escalationProtocol).toBe('');
  await shot(page, 'forms-02-settings-kept');
});

test('a dialog with typed text asks before Escape, its X or Cancel throws it away, an untouched one closes at once, and a refused save goes to the field in error', async ({ app: page }) => {
  await createVault(page);
  await confirmRecoveryKey(page);
  await goTo(page, 'Peers');
  const nominate = page.getByRole('button', { name: 'Nominate a student' }).first();
  const dialog = page.getByRole('dialog', { name: 'Nominate a student' });
  const prompt = page.getByRole('dialog', { name: 'Discard your changes?' });

  // Nothing typed: Escape closes it without a question.
  await nominate.click();
  await expect(dialog.getByLabel('Full name')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(prompt).toBeHidden();

  // Typed, then Escape in a hurry: asked, and "Keep editing" leaves every word where it was.
  await nominate.click();
  await dialog.getByLabel('Full name').fill('Rina Kartika');
  await dialog.getByLabel('Why this student').fill('Teman sekelas sering bercerita kepadanya.');
  await page.keyboard.press('Escape');
  await expect(prompt).toBeVisible();
  await expect(prompt.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await expect(prompt).toHaveCSS('opacity', '1');
  await shot(page, 'forms-03-discard-asked');
  await page.keyboard.press('Escape');
  await expect(prompt).toBeHidden();
  await expect(dialog.getByLabel('Full name')).toHaveValue('Rina Kartika');
  await expect(dialog.getByLabel('Why this student')).toHaveValue('Teman sekelas sering bercerita kepadanya.');

  // The X asks too; Cancel asks, and "Discard" closes it, so the next nomination starts empty.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await prompt.getByRole('button', { name: 'Keep editing' }).click();
  await expect(dialog.getByLabel('Full name')).toHaveValue('Rina Kartika');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await prompt.getByRole('button', { name: 'Discard' }).click();
  await expect(dialog).toBeHidden();
  await nominate.click();
  await expect(dialog.getByLabel('Full name')).toHaveValue('');

  // Saved without a name: the form takes her to the field that needs it, not just to a red line.
  await dialog.getByLabel('Why this student').fill('Dipercaya teman-temannya.');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByLabel('Full name')).toBeFocused();
  await expect(dialog.getByLabel('Full name')).toHaveAttribute('aria-invalid', 'true');

  // A date picked from the calendar is shown day first; Escape closes the calendar, not the dialog.
  await dialog.getByRole('button', { name: 'Choose from a calendar' }).click();
  const calendar = page.getByRole('dialog', { name: 'Choose from a calendar' });
  await expect(calendar).toBeVisible();
  await expect(calendar).toHaveCSS('opacity', '1');
  await shot(page, 'forms-04-calendar');
  await page.keyboard.press('Escape');
  await expect(calendar).toBeHidden();
  await expect(dialog).toBeVisible();
  await expect(prompt).toBeHidden();
  await dialog.getByRole('button', { name: 'Choose from a calendar' }).click();
  await calendar.locator('button:not([data-outside])', { hasText: /^15$/ }).click();
  await expect(dialog.getByLabel('Nominated on')).toHaveValue(/^15\/\d{2}\/\d{4}$/);
  await dialog.getByLabel('Nominated on').fill('31/02/2026');
  await dialog.getByLabel('Why this student').click();
  await expect(dialog.getByText('Write the date as day/month/year, for example 13/07/2026.')).toBeVisible();
});

test('a group training session typed before a lock is back, and said to be, when the counselor opens its form again', async ({ app: page }) => {
  await createVault(page);
  await confirmRecoveryKey(page);
  const openTheForm = async () => {
    await goTo(page, 'Training');
    await page.getByRole('tab', { name: 'Group sessions' }).click();
    await page.getByRole('button', { name: 'Record a group session' }).first().click();
  };
  const dialog = page.getByRole('dialog', { name: 'Record a group session' });
  await openTheForm();
  await dialog.getByLabel('Notes').fill('Latihan mendengarkan aktif, bermain peran berpasangan.');

  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: 'Unlock Sebaya' })).toBeVisible();
  await unlock(page, coordinator.username, coordinator.password);
  await openTheForm();
  await expect(dialog.getByLabel('Notes')).toHaveValue('Latihan mendengarkan aktif, bermain peran berpasangan.');
  await expect(dialog.getByText('Restored what you had typed before Sebaya locked.')).toBeVisible();
});

test('a half-written paper log asks before the sidebar or its Cancel throws it away', async ({ app: page }) => {
  await createVault(page);
  await confirmRecoveryKey(page);
  await goTo(page, 'Session logs');
  await page.getByRole('button', { name: 'Enter a paper log' }).click();
  const summary = page.getByLabel('What was talked about');
  await summary.fill('Bertengkar dengan sahabatnya sejak minggu lalu.');
  const prompt = page.getByRole('dialog', { name: 'Discard your changes?' });

  // The sidebar asks first; keeping the text stays on the form.
  await goTo(page, 'Dashboard');
  await prompt.getByRole('button', { name: 'Keep editing' }).click();
  await expect(summary).toHaveValue('Bertengkar dengan sahabatnya sejak minggu lalu.');

  // So does Cancel; discarding goes back to the list.
  await page.getByRole('button', { name: 'Cancel' }).click();
  await prompt.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByRole('heading', { name: 'Enter a paper log' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Enter a paper log' })).toBeVisible();
});

test('every page has an address: back and forward walk the pages seen, and an unlock opens the page where the counselor was with her note; another person starts at their own home', async ({ app: page, harness }) => {
  test.setTimeout(180_000);
  const accounts = await openDemoSchool(page, harness);
  await unlock(page, accounts.coordinator.username, accounts.coordinator.password);
  await expect(page.getByRole('heading', { name: 'Dasbor' })).toBeVisible();
  await chooseLanguage(page, 'EN');
  await goTo(page, 'Cases');
  const openCases = page.getByRole('table', { name: 'Open cases' });
  await openCases.getByRole('button', { name: /^Open case #\d+ about HS-/ }).first().click();
  const caseHeading = page.getByRole('heading', { name: /^Case #\d+: HS-/ });
  await expect(caseHeading).toBeVisible();
  const caseAddress = new URL(page.url()).hash;
  expect(caseAddress).toMatch(/^#\/cases\/\d+$/);
  const title = (await caseHeading.textContent()) ?? '';

  // The browser's (and the desktop app's Alt+←) back and forward move between the list and the case.
  await page.goBack();
  await expect(openCases).toBeVisible();
  await expect(caseHeading).toHaveCount(0);
  await page.goForward();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();

  // Nothing typed, and a lock: the unlock still comes back to this case, not to the dashboard.
  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: 'Unlock Sebaya' })).toBeVisible();
  await unlock(page, accounts.coordinator.username, accounts.coordinator.password);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  expect(new URL(page.url()).hash).toBe(caseAddress);

  // Back while a note is half-typed asks first; keeping it stays on the case with every word.
  const note = 'Wali kelas sudah dihubungi; siswa bertemu guru BK besok pagi.';
  await page.getByRole('textbox', { name: 'Text' }).fill(note);
  await page.goBack();
  const prompt = page.getByRole('dialog', { name: 'Discard your changes?' });
  await prompt.getByRole('button', { name: 'Keep editing' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Text' })).toHaveValue(note);
  expect(new URL(page.url()).hash).toBe(caseAddress);

  // A lock, and the same person unlocks: the same case page, with the note.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Sebaya' })).toBeVisible();
  await unlock(page, accounts.coordinator.username, accounts.coordinator.password);
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Text' })).toHaveValue(note);
  await shot(page, 'forms-07-unlock-returns-to-the-case');

  // Another person at the same PC starts at her own home, not at the coordinator's case.
  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: 'Unlock Sebaya' })).toBeVisible();
  await unlock(page, accounts.supervisor.username, accounts.supervisor.password);
  await expect(page.getByRole('heading', { name: /^(Dashboard|Dasbor)$/ })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/dashboard');
});
