import type { Page } from '@playwright/test';
import { competencies, rubric } from '../../src/contract';
import type { Harness } from '../../harness/server';
import { aSupervisor, anActivePeer, must, supervisor } from './support/school';
import { chooseLanguage, confirmRecoveryKey, coordinator, createVault, expect, goTo, shot, test, unlock } from './support/fixtures';

const peer = { fullName: 'Budi Santoso', username: 'budi', pin: '482913' };

/**
 * What the coordinator set up earlier, through the same contract the screens
 * use: a supervisor, an active peer she supervises with an account, and a
 * help-seeker code. The coordinator is signed in again at the end.
 */
async function aSchoolWithAnActivePeer(harness: Harness): Promise<{ code: string; helpSeekerId: number; supervisorUserId: number }> {
  const supervisorUser = await aSupervisor(harness);

  const p = await anActivePeer(harness, peer.fullName, '8B', supervisorUser.id);
  await must(harness, 'users.createPeerAccount', { peerId: p.id, username: peer.username, pin: peer.pin });
  const { helpSeeker } = await must(harness, 'helpSeekers.create', { identity: null });
  return { code: helpSeeker.code, helpSeekerId: helpSeeker.id, supervisorUserId: supervisorUser.id };
}

/** Answers the five WHO-5 questions in the open dialog with these values (0 to 5). */
async function answerWho5(page: Page, values: number[]): Promise<void> {
  const dialog = page.getByRole('dialog');
  const groups = dialog.getByRole('radiogroup');
  await expect(groups).toHaveCount(5);
  for (const [i, value] of values.entries()) {
    await groups.nth(i).getByRole('radio', { name: new RegExp(`^${value} `) }).click();
  }
}

test('a coordinator evaluates a peer on the rubric and sees it on the profile; the peer reads it without being able to change it', async ({ app: page, harness }) => {
  test.setTimeout(180_000);
  await createVault(page);
  await confirmRecoveryKey(page);
  await aSchoolWithAnActivePeer(harness);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  await goTo(page, 'Evaluation');
  await expect(page.getByRole('heading', { name: 'Evaluation', exact: true })).toBeVisible();
  const due = page.getByRole('table', { name: 'Active peers and their evaluation this term' });
  await expect(due.getByRole('row', { name: new RegExp(peer.fullName) })).toContainText('Due');
  await expect(page.getByText('No evaluations yet.')).toBeVisible();
  await shot(page, 'evaluation-01-who-is-due');

  await due.getByRole('button', { name: `Evaluate ${peer.fullName}` }).click();
  const dialog = page.getByRole('dialog', { name: `Evaluate ${peer.fullName}` });
  await expect(dialog).toBeVisible();
  // Saving with nothing chosen names each competency still to score.
  await dialog.getByRole('button', { name: 'Save the evaluation' }).click();
  await expect(dialog.getByText('Choose the level that fits best.')).toHaveCount(competencies.length);
  await expect(dialog.getByRole('alert')).toContainText('Choose a level for: Active listening, Empathy, Confidentiality');
  await shot(page, 'evaluation-02a-rubric-unanswered');
  const levels: Record<(typeof competencies)[number], number> = {
    active_listening: 3,
    empathy: 4,
    confidentiality: 3,
    limits_and_referral: 2,
    record_keeping: 3,
    reliability: 3,
  };
  // Each level shows what it looks like, in the interface's language.
  await expect(dialog.getByText(rubric.limits_and_referral.levels[2].en)).toBeVisible();
  for (const c of competencies) {
    await dialog.getByRole('radiogroup', { name: rubric[c].name.en }).getByRole('radio', { name: new RegExp(`^${levels[c]} · `) }).click();
  }
  // Half-written when Sebaya locks: the form opens again with its text after unlocking.
  await dialog.getByLabel('Comments').fill('Pendengar yang baik; perlu lebih cepat menyampaikan masalah berat ke guru BK.');
  await page.keyboard.press('Control+L');
  await expect(page.getByRole('heading', { name: 'Unlock Sebaya' })).toBeVisible();
  await expect(page.getByText('Pendengar yang baik')).toHaveCount(0);
  await unlock(page, coordinator.username, coordinator.password);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('status')).toBeVisible();
  await expect(dialog.getByLabel('Comments')).toHaveValue('Pendengar yang baik; perlu lebih cepat menyampaikan masalah berat ke guru BK.');
  await expect(dialog.getByRole('radiogroup', { name: 'Empathy' }).getByRole('radio', { name: /^4 · / })).toBeChecked();
  await shot(page, 'evaluation-02-rubric');
  await dialog.getByRole('button', { name: 'Save the evaluation' }).click();
  await expect(dialog).toBeHidden();
  await expect(due.getByRole('row', { name: new RegExp(peer.fullName) })).toContainText('Evaluated');
  const all = page.getByRole('table', { name: 'Evaluations' });
  await expect(all).toContainText(peer.fullName);
  await expect(all).toContainText('3');
  await expect(all).toContainText(coordinator.fullName);
  await shot(page, 'evaluation-03-evaluated');
  // The same evaluation read in Indonesian: the rubric's own words in that language.
  await chooseLanguage(page, 'ID');
  await page.getByRole('button', { name: /^Ubah evaluasi Budi Santoso/ }).click();
  await expect(page.getByRole('dialog', { name: 'Ubah evaluasi Budi Santoso' })).toContainText(rubric.limits_and_referral.levels[2].id);
  await shot(page, 'evaluation-03a-rubric-indonesian');
  await page.keyboard.press('Escape');
  await chooseLanguage(page, 'EN');

  // The peer's profile shows the history as a chart, and as a table for reading.
  await goTo(page, 'Peers');
  await page.getByRole('button', { name: peer.fullName }).click();
  const history = page.getByRole('region', { name: 'Evaluations' });
  await expect(history.getByRole('img', { name: /Chart of 1 evaluation; the latest average is 3.0 of 4/ })).toBeVisible();
  await history.scrollIntoViewIfNeeded();
  await shot(page, 'evaluation-04-profile-chart');
  await history.getByText('Table', { exact: true }).click();
  await expect(history.getByRole('table')).toContainText('Listening');
  await expect(history.getByRole('button', { name: /^Edit the evaluation of Budi Santoso/ })).toBeVisible();
  await shot(page, 'evaluation-05-profile-table');

  // The peer, at the office PC, reads their own evaluation and cannot change it.
  await page.getByRole('button', { name: 'Hand over to a peer' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Hand over' }).click();
  await page.getByLabel('Username').fill(peer.username);
  await page.getByLabel('PIN').fill(peer.pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText('Peer supporter');
  await expect(page.getByRole('navigation').getByRole('button', { name: 'Evaluation' })).toHaveCount(0);
  await goTo(page, 'Your profile');
  const own = page.getByRole('region', { name: 'Evaluations' });
  await own.getByText('Table', { exact: true }).click();
  await expect(own.getByRole('button', { name: /^Edit the evaluation/ })).toHaveCount(0);
  await own.getByRole('button', { name: /^View the evaluation of Budi Santoso/ }).click();
  const view = page.getByRole('dialog', { name: `Evaluation of ${peer.fullName}` });
  await expect(view.getByRole('table', { name: 'Competencies' })).toContainText(rubric.limits_and_referral.levels[2].en);
  await expect(view).toContainText('Pendengar yang baik');
  await expect(view.getByRole('button', { name: 'Save the evaluation' })).toHaveCount(0);
  await expect(view.getByRole('radio')).toHaveCount(0);
  await shot(page, 'evaluation-06-peer-reads-own');
  expect(await harness.backend.invoke('evaluations.update', { id: 1, version: 1, evaluatedOn: '2026-01-01', scores: levels, comments: '' })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
});

test('WHO-5 recorded twice for a help-seeker code shows the scores, poor well-being at first and a meaningful improvement, with the attribution', async ({
  app: page,
  harness,
}) => {
  test.setTimeout(180_000);
  await createVault(page);
  await confirmRecoveryKey(page);
  const { code, helpSeekerId, supervisorUserId } = await aSchoolWithAnActivePeer(harness);
  await must(harness, 'cases.open', { helpSeekerId, logId: null, severity: 'high', assignedUserId: supervisorUserId, note: 'Sering menangis di kelas.' });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();

  // Where the counselor works with help-seekers.
  await goTo(page, 'Session logs');
  await page.getByRole('tab', { name: 'Help-seekers' }).click();
  await page.getByRole('button', { name: `Open the WHO-5 of ${code}` }).click();
  const detail = page.getByRole('dialog', { name: `WHO-5 of ${code}` });
  await expect(detail).toContainText(`No WHO-5 has been recorded for ${code} yet`);
  await expect(detail.getByTestId('who5-attribution')).toContainText('Psychiatric Research Unit');
  await detail.getByRole('button', { name: 'Record a WHO-5' }).click();

  const record = page.getByRole('dialog', { name: `Record a WHO-5 for ${code}` });
  await expect(record.getByRole('combobox', { name: 'When' })).toHaveValue('First contact');
  await answerWho5(page, [2, 3, 2, 1, 2]);
  await expect(record).toContainText('10 of 25 (40%)');
  await expect(record).toContainText('Poor well-being');
  await shot(page, 'evaluation-07-who5-first-contact');
  await record.getByRole('button', { name: 'Save' }).click();
  await expect(detail).toBeVisible();
  await expect(detail).toContainText('Needs a follow-up');

  await detail.getByRole('button', { name: 'Record a WHO-5' }).click();
  await expect(record.getByRole('combobox', { name: 'When' })).toHaveValue('Follow-up');
  await answerWho5(page, [3, 3, 3, 3, 3]);
  await expect(record).toContainText('15 of 25 (60%)');
  await record.getByRole('button', { name: 'Save' }).click();
  await expect(detail.getByText('+20 points · meaningful improvement')).toBeVisible();
  const measures = detail.getByRole('table', { name: `WHO-5 measurements of ${code}` });
  await expect(measures.getByRole('row')).toHaveCount(3);
  await shot(page, 'evaluation-08-who5-change');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  // The Evaluation area lists it too, and a measurement entered by mistake is deleted after a confirmation.
  await goTo(page, 'Evaluation');
  await page.getByRole('tab', { name: 'Help-seeker well-being (WHO-5)' }).click();
  const list = page.getByRole('table', { name: 'WHO-5 per help-seeker' });
  await expect(list.getByRole('row', { name: new RegExp(code) })).toContainText('+20 points · meaningful improvement');
  await expect(page.getByTestId('who5-attribution')).toBeVisible();
  await shot(page, 'evaluation-09-who5-list');
  await list.getByRole('button', { name: `Open the WHO-5 of ${code}` }).click();
  await detail.getByRole('button', { name: /^Delete the measurement of / }).last().click();
  const confirm = page.getByRole('dialog', { name: 'Delete this WHO-5?' });
  await expect(confirm).toContainText('15 of 25 (60%)');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(measures.getByRole('row')).toHaveCount(2);
  await expect(detail).toContainText('Needs a follow-up');
  await page.keyboard.press('Escape');

  // The supervisor on the help-seeker's case reads it from the case, and cannot delete.
  await page.keyboard.press('Control+L');
  await unlock(page, supervisor.username, supervisor.password);
  await goTo(page, 'Cases');
  await page.getByRole('button', { name: new RegExp(`^Open case #1 about ${code}`) }).click();
  await expect(page.getByRole('heading', { name: `Case #1: ${code}` })).toBeVisible();
  await page.getByRole('button', { name: `Open the WHO-5 of ${code}` }).click();
  await expect(detail.getByRole('table', { name: `WHO-5 measurements of ${code}` })).toContainText('10 of 25 (40%)');
  await expect(detail.getByRole('button', { name: /^Delete the measurement/ })).toHaveCount(0);
  await shot(page, 'evaluation-09a-who5-from-case');
});

test('a student gives anonymous feedback on a screen showing only the form, the counselor gets back in with her password, and the averages count it', async ({
  app: page,
  harness,
}) => {
  test.setTimeout(180_000);
  await createVault(page);
  await confirmRecoveryKey(page);
  await aSchoolWithAnActivePeer(harness);
  await page.reload();
  await goTo(page, 'Evaluation');
  await page.getByRole('tab', { name: 'Student feedback' }).click();
  await expect(page.getByText('No feedback in this term yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Feedback from a student' }).click();
  await page.getByRole('dialog', { name: 'Hand the PC to a student for feedback?' }).getByRole('button', { name: 'Show the form' }).click();

  // The student sees the form and nothing of the vault.
  await expect(page.getByRole('heading', { name: 'How was your session?' })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByText(peer.fullName)).toHaveCount(0);
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByText('Choose a number from 1 to 5.')).toHaveCount(3);
  await page.getByRole('radiogroup', { name: 'Was the session helpful?' }).getByRole('radio', { name: '4 – Mostly' }).click();
  await page.getByRole('radiogroup', { name: 'Did you feel heard?' }).getByRole('radio', { name: '5 – Very much' }).click();
  await page.getByRole('radiogroup', { name: 'Would you recommend it to a friend?' }).getByRole('radio', { name: '5 – Very much' }).click();
  await page.getByLabel('Anything else you want to tell us? (optional)').fill('Kakaknya sabar mendengarkan.');
  await shot(page, 'evaluation-10-feedback-form');
  await chooseLanguage(page, 'ID');
  await expect(page.getByRole('heading', { name: 'Bagaimana sesimu tadi?' })).toBeVisible();
  await shot(page, 'evaluation-10a-feedback-form-indonesian');
  await chooseLanguage(page, 'EN');
  // While handed over, nothing else can be read, however it is asked.
  expect(await harness.backend.invoke('feedback.list', { termId: '2026/2027-1' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await shot(page, 'evaluation-11-feedback-thanks');

  // A reload does not bring the app back: still only the form.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'How was your session?' })).toBeVisible();
  await page.getByRole('button', { name: 'Not now: give the PC back to the counselor' }).click();
  await expect(page.getByRole('heading', { name: 'Unlock Sebaya' })).toBeVisible();
  // The counselor is back where she handed the PC over.
  await unlock(page, coordinator.username, coordinator.password);
  await expect(page.getByRole('heading', { name: 'Evaluation', exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Student feedback' }).click();
  await expect(page.getByRole('group', { name: 'Helpful' })).toContainText('4.0');
  await expect(page.getByRole('group', { name: 'Felt heard' })).toContainText('5.0');
  await expect(page.getByRole('group', { name: 'Would recommend' })).toContainText('5.0');
  await expect(page.getByText('1 form filled in this term.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Feedback forms' })).toContainText('Kakaknya sabar mendengarkan.');
  await shot(page, 'evaluation-12-feedback-averages');
});
