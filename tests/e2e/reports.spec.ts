import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { chooseLanguage, openDemoSchool, expect, goTo, shot, test, unlock } from './support/fixtures';

async function saveFrom(page: Page, button: string, language: 'English' | 'Bahasa Indonesia') {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('The file leaves the encrypted vault')).toBeVisible();
  await dialog.getByText(language, { exact: true }).click();
  await shot(page, `reports-07-notice-${button.includes('PDF') ? 'pdf' : 'csv'}`);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Save the file' }).click()]);
  await expect(page.getByText(`Saved as ${download.suggestedFilename()}. The file is not encrypted.`)).toBeVisible();
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

test('the coordinator reads the term’s figures as charts and as tables, saves the term report as PDF and CSV, and sets the school’s terms; a supervisor reads the report too', async ({
  app: page,
  harness,
}) => {
  test.setTimeout(240_000);
  // The demo school: a term of session logs, cases, supervision, evaluations, WHO-5 and feedback.
  const accounts = await openDemoSchool(page, harness);
  await unlock(page, accounts.coordinator.username, accounts.coordinator.password);
  // The demo coordinator works in Indonesian; this walk-through reads in English.
  await expect(page.getByRole('heading', { name: 'Dasbor' })).toBeVisible();
  await chooseLanguage(page, 'EN');
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  await goTo(page, 'Reports');
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  const sessions = page.getByRole('region', { name: 'Sessions per week' });
  await expect(sessions.getByRole('img', { name: 'Sessions per week' }).locator('svg').first()).toBeVisible();
  for (const title of ['Topics', 'Reach', 'Escalation rate', 'Time to respond', 'Referrals by status', 'Supervision attendance', 'Training completion', 'Outreach reach', 'Well-being (WHO-5) change', 'Feedback averages']) {
    await expect(page.getByRole('region', { name: title, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Supervision attendance' }).getByRole('tab', { name: 'Chart' })).toBeVisible();
  // Reviews in the demo follow within minutes: too short for a bar, so the medians are written out.
  await expect(page.getByRole('region', { name: 'Time to respond' })).toContainText(/Median \d+ (min|h) from a log to its review/);
  await shot(page, 'reports-01-dashboard');

  // The same numbers as a table, reached with the keyboard.
  await sessions.getByRole('tab', { name: 'Chart' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(sessions.getByRole('tab', { name: 'Table' })).toHaveAttribute('aria-selected', 'true');
  const table = sessions.getByRole('table', { name: 'Sessions per week' });
  await expect(table.getByRole('row', { name: /^Sessions \d+$/ })).toBeVisible();
  const supervision = page.getByRole('region', { name: 'Supervision attendance' });
  await supervision.getByRole('tab', { name: 'Table' }).click();
  await expect(supervision.getByRole('row', { name: /^Attendance \d+(\.\d)?%$/ })).toBeVisible();
  await supervision.scrollIntoViewIfNeeded();
  await shot(page, 'reports-02-table-view');

  // The term report as a PDF and the figures as CSV, after the notice that they leave the vault.
  const pdf = await saveFrom(page, 'Term report (PDF)', 'English');
  expect(pdf.name).toMatch(/^term-report-\d{4}-\d{4}-[12]\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.bytes.length).toBeGreaterThan(20_000);
  const csv = await saveFrom(page, 'Figures (CSV)', 'Bahasa Indonesia');
  expect(csv.name).toMatch(/^laporan-semester-\d{4}-\d{4}-[12]\.csv$/);
  const lines = csv.bytes.toString('utf8').trim().split(/\r?\n/);
  expect(lines.length).toBeGreaterThan(40);
  expect(lines.join('\n')).toContain('Tingkat eskalasi');
  expect(lines.join('\n')).not.toMatch(/HS-\d{4}-\d{3}/);

  // An earlier term (only training was recorded then) says what is missing instead of drawing empty charts.
  await page.getByRole('combobox', { name: 'Term' }).click();
  await page.getByRole('option', { name: /^Even semester 2025\/2026/ }).click();
  await expect(page.getByRole('region', { name: 'Sessions per week' }).getByText('No session logs were submitted in this term.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Sessions per week' }).getByRole('tab')).toHaveCount(0);
  await shot(page, 'reports-03-empty-term');

  // The school's own term dates in Settings: a wrong end is named, a right one saved and used by the report.
  await goTo(page, 'Settings');
  await page.getByRole('tab', { name: 'School year' }).click();
  const terms = page.getByRole('region', { name: 'School terms' });
  await expect(terms.getByText('ganjil) from 1 July to 31 December', { exact: false })).toBeVisible();
  await terms.getByRole('button', { name: 'Add a term' }).click();
  await terms.getByLabel('Academic year 1').fill('2026/2027');
  await terms.getByLabel('First day 1').fill('2026-07-13');
  await terms.getByLabel('Last day 1').fill('2026-07-01');
  await terms.getByRole('button', { name: 'Save terms' }).click();
  await expect(terms.getByText('The last day must come after the first day.')).toBeVisible();
  await terms.getByLabel('Last day 1').fill('2026-12-18');
  await terms.getByRole('button', { name: 'Add the next term' }).click();
  await terms.getByLabel('First day 2').fill('2026-12-01');
  await terms.getByRole('button', { name: 'Save terms' }).click();
  await expect(terms.getByText('This term overlaps another term.').first()).toBeVisible();
  await terms.scrollIntoViewIfNeeded();
  await shot(page, 'reports-04-terms-errors');
  await terms.getByLabel('First day 2').fill('2027-01-04');
  await terms.getByRole('button', { name: 'Save terms' }).click();
  await expect(page.getByText('The terms were saved.')).toBeVisible();
  await shot(page, 'reports-05-terms-saved');
  expect((await harness.backend.invoke('settings.get', {})).ok).toBe(true);

  await goTo(page, 'Reports');
  await page.getByRole('combobox', { name: 'Term' }).click();
  await expect(page.getByRole('option', { name: /Odd semester 2026\/2027 \(13 Jul 2026 – 18 Dec 2026\)/ })).toBeVisible();
  await page.keyboard.press('Escape');

  // A supervisor reads the reports too.
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await unlock(page, accounts.supervisor.username, accounts.supervisor.password);
  await expect(page.getByRole('heading', { name: 'Dasbor' })).toBeVisible();
  await chooseLanguage(page, 'EN');
  await goTo(page, 'Reports');
  await shot(page, 'reports-06-supervisor');
  await expect(page.getByRole('region', { name: 'Sessions per week' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Term report (PDF)' })).toBeEnabled();
});
