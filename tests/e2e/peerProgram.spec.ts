import type { Page } from '@playwright/test';
import { confirmRecoveryKey, createVault, expect, goTo, shot, test } from './support/fixtures';

const requiredModules = [
  'The role and limits of a peer supporter',
  'Active listening',
  'Empathy',
  'Confidentiality and its limits',
  'Recognising risk and when to refer',
];

/** Chooses an option in a Mantine Select or MultiSelect by its label. */
async function choose(page: Page, scope: ReturnType<Page['getByRole']>, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function changeStatus(page: Page, name: string, to: string): Promise<ReturnType<Page['getByRole']>> {
  await page.getByRole('button', { name: 'Change status' }).click();
  const dialog = page.getByRole('dialog', { name: `Change the status of ${name}` });
  await choose(page, dialog, 'New status', to);
  return dialog;
}

test.use({ actionTimeout: 15_000 });
// A vault, a few dialogs and the harness's teardown overrun one minute on a busy two-core machine.
test.describe.configure({ timeout: 120_000 });

test('a coordinator takes a nominated student through interview, consent, pledge and group training to active, after being told what was missing', async ({
  app: page,
}) => {
  // Five group sessions through the screens: long on a busy two-core machine.
  test.setTimeout(300_000);
  await createVault(page);
  await confirmRecoveryKey(page);

  // Nominate a student.
  await goTo(page, 'Peers');
  await page.getByRole('button', { name: 'Nominate a student' }).first().click();
  let dialog = page.getByRole('dialog', { name: 'Nominate a student' });
  await dialog.getByLabel('Full name').fill('Rina Kartika');
  await dialog.getByRole('combobox', { name: 'Class', exact: true }).fill('8B');
  await dialog.getByRole('textbox', { name: 'Nominated by', exact: true }).fill('Pak Joko (wali kelas 8B)');
  await dialog.getByLabel('Why this student').fill('Teman sekelas sering bercerita kepadanya.');
  await shot(page, 'peers-01-nominate');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Rina Kartika', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Rina Kartika' })).toBeVisible();

  // Interview: the status moves on, the checklist and decision are recorded.
  dialog = await changeStatus(page, 'Rina Kartika', 'Interviewing');
  await dialog.getByRole('button', { name: 'Change to Interviewing' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Record the interview' }).click();
  dialog = page.getByRole('dialog', { name: 'Interview with Rina Kartika' });
  for (const criterion of ['Trusted by classmates', 'A good listener', 'Keeps confidences', 'Emotionally steady', 'Reliable']) {
    await dialog.getByLabel(criterion).check();
  }
  await dialog.getByLabel('Notes').fill('Tenang, mendengarkan tanpa memotong, paham batas kerahasiaan.');
  await dialog.getByRole('radio', { name: 'Selected', exact: true }).check();
  await shot(page, 'peers-02-interview');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('5 of 6 criteria met')).toBeVisible();

  for (const to of ['Selected', 'In training']) {
    dialog = await changeStatus(page, 'Rina Kartika', to);
    await dialog.getByRole('button', { name: `Change to ${to}` }).click();
    await expect(dialog).toBeHidden();
  }

  // Trying to activate says exactly what is missing.
  dialog = await changeStatus(page, 'Rina Kartika', 'Active');
  await expect(dialog.getByText('Parent or guardian consent is not recorded.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Change to Active' }).click();
  const refusal = dialog.getByRole('alert');
  await expect(refusal).toContainText('Rina Kartika cannot become active yet.');
  await expect(refusal).toContainText('Parent or guardian consent is not recorded.');
  await expect(refusal).toContainText('The pledge is not signed.');
  await expect(refusal).toContainText(`Required training not completed: ${requiredModules.join(', ')}.`);
  await shot(page, 'peers-03-activation-refused');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('banner').getByText('In training')).toHaveCount(0);

  // Consent and pledge.
  await page.getByRole('button', { name: 'Record consent' }).click();
  dialog = page.getByRole('dialog', { name: 'Parent or guardian consent for Rina Kartika' });
  await dialog.getByLabel('Name of the parent or guardian').fill('Ibu Sulastri');
  await choose(page, dialog, 'Relationship to the student', 'Mother');
  await dialog.getByLabel('Where the signed form is kept').fill('Map persetujuan, lemari arsip BK');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Record the pledge' }).click();
  dialog = page.getByRole('dialog', { name: 'Pledge of Rina Kartika' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Parent or guardian consent recorded.')).toBeVisible();
  await expect(page.getByText('Pledge signed.')).toBeVisible();

  // Group training: one session per required module, entered once for everyone who came.
  await goTo(page, 'Training');
  await page.getByRole('tab', { name: 'Group sessions' }).click();
  for (const [index, module] of requiredModules.entries()) {
    await page.getByRole('button', { name: 'Record a group session' }).first().click();
    dialog = page.getByRole('dialog', { name: 'Record a group session' });
    await choose(page, dialog, 'Module', module);
    await dialog.getByRole('combobox', { name: 'Peers who attended' }).fill('Rina');
    await page.getByRole('option', { name: 'Rina Kartika (8B)' }).click();
    if (index === 0) {
      await dialog.getByRole('textbox', { name: 'Score of Rina Kartika' }).fill('85');
      await shot(page, 'training-01-group-session');
    }
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByRole('table', { name: 'Group sessions' }).getByRole('row')).toHaveCount(requiredModules.length + 1);
  await shot(page, 'training-02-sessions');

  // Now activation goes through, and the profile shows the peer trained.
  await goTo(page, 'Peers');
  await page.getByRole('button', { name: 'Rina Kartika', exact: true }).click();
  await expect(page.getByText('Consent, pledge and required training are all in place.')).toBeVisible();
  dialog = await changeStatus(page, 'Rina Kartika', 'Active');
  await dialog.getByRole('button', { name: 'Change to Active' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Rina Kartika' })).toBeVisible();
  await expect(page.getByText(/^Trained on /)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print certificate' })).toBeVisible();
  await shot(page, 'peers-04-profile-active');
  await page.getByRole('button', { name: 'Print certificate' }).click();
  await expect(page.getByRole('dialog', { name: 'Certificate of Rina Kartika' }).getByText('Certificate of training')).toBeVisible();
  await shot(page, 'peers-05-certificate');
  await page.getByRole('dialog', { name: 'Certificate of Rina Kartika' }).getByRole('button', { name: 'Close' }).last().click();
  await page.getByRole('button', { name: 'Back to the roster' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Rina Kartika' })).toContainText('Trained');
});

test('importing a CSV file with one bad row names its line and column, and imports only the valid rows', async ({ app: page }) => {
  await createVault(page);
  await confirmRecoveryKey(page);
  await goTo(page, 'Peers');
  await page.getByRole('button', { name: 'Import CSV' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import peers from a CSV file' });
  const csv = ['Nama,Kelas,Dinominasikan oleh,Sumber nominasi', 'Ayu Lestari,7A,Bu Ratna,guru', 'Bagas Pratama,,Dinda,siswa', 'Citra Ayu,9C,,', ''].join('\n');
  await dialog.locator('input[type="file"]').setInputFiles({ name: 'nominasi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(dialog.getByRole('status')).toHaveText('2 ready to import · 0 already on the roster or repeated · 1 with errors');
  const badRow = dialog.getByRole('row').filter({ hasText: 'Bagas Pratama' });
  await expect(badRow.getByRole('cell').first()).toHaveText('3');
  await expect(badRow).toContainText('Kelas is empty');
  await shot(page, 'peers-06-import-preview');
  await dialog.getByRole('button', { name: 'Import 2 valid rows' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Ayu Lestari', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Citra Ayu', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Bagas Pratama', exact: true })).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Peers per status' })).toContainText('Nominated2');
  await shot(page, 'peers-07-roster');

  // Exporting warns that the file leaves the vault unencrypted, then downloads the CSV.
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const notice = page.getByRole('dialog', { name: 'Export the roster as CSV' });
  await expect(notice).toContainText('The CSV file is not encrypted');
  await shot(page, 'peers-08-export-notice');
  const download = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Export 2 peers' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^peer-roster-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await file.createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  });
  expect(text).toContain('Name,Class,Status');
  expect(text).toContain('Ayu Lestari,7A,Nominated');
});

test('logging an outreach event adds it to this term’s total', async ({ app: page }) => {
  await createVault(page);
  await confirmRecoveryKey(page);
  await goTo(page, 'Outreach');
  const thisTerm = page.getByRole('region', { name: 'This term' });
  await expect(thisTerm).toContainText('Events0');
  await expect(thisTerm).toContainText('People reached0');
  await page.getByRole('button', { name: 'Log an outreach event' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Log an outreach event' });
  await choose(page, dialog, 'Kind', 'Class visit');
  await dialog.getByLabel('Title').fill('Perkenalan konselor sebaya di kelas 8B');
  await dialog.getByLabel('Audience').fill('Kelas 8B');
  await dialog.getByRole('textbox', { name: 'People reached' }).fill('32');
  await shot(page, 'outreach-01-form');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(thisTerm).toContainText('Events1');
  await expect(thisTerm).toContainText('People reached32');
  await expect(page.getByRole('table', { name: 'Outreach events' })).toContainText('Perkenalan konselor sebaya di kelas 8B');
  await shot(page, 'outreach-02-term-total');
});
