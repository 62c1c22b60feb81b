import { confirmRecoveryKey, coordinator, createVault, expect, goTo, shot, test, unlock } from './support/fixtures';

test('after a suspected leak the coordinator rotates the data key: others get temporary passwords, old ones stop working', async ({
  app: page,
  harness,
}) => {
  const oldRecoveryKey = await createVault(page);
  await confirmRecoveryKey(page);
  const created = await harness.backend.invoke('users.createStaff', { username: 'dewi', fullName: 'Dewi Anggraini', role: 'supervisor' });
  expect(created.ok).toBe(true);

  await goTo(page, 'Settings');
  await page.getByRole('tab', { name: 'Vault security' }).click();
  await page.getByRole('textbox', { name: 'Your password, to confirm' }).last().fill(coordinator.password);
  await page.getByRole('button', { name: 'Rotate the data key' }).click();
  const confirm = page.getByRole('dialog', { name: 'Rotate the data key now?' });
  await confirm.getByRole('button', { name: 'Rotate the data key' }).click();

  const done = page.getByRole('dialog', { name: 'The data key was rotated' });
  await expect(done.getByText('Dewi Anggraini (dewi)')).toBeVisible();
  const temporary = (await done.getByTestId('shown-once').textContent()) ?? '';
  await shot(page, 'rotation-01-temporary-passwords');
  await expect(done.getByRole('button', { name: 'Continue to the new recovery key' })).toBeDisabled();
  await done.getByLabel('I have noted the temporary passwords').check();
  await done.getByRole('button', { name: 'Continue to the new recovery key' }).click();

  await expect(page.getByRole('heading', { name: 'A new recovery key' })).toBeVisible();
  const newRecoveryKey = (await page.getByTestId('shown-once').textContent()) ?? '';
  expect(newRecoveryKey).not.toBe(oldRecoveryKey);
  await page.getByLabel('I have written down or printed the recovery key and stored it safely').check();
  await page.getByRole('button', { name: 'Continue to Sebaya' }).click();

  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByRole('button', { name: 'Forgot your password?' }).click();
  await page.getByLabel('Your username').fill(coordinator.username);
  await page.getByLabel('Recovery key').fill(oldRecoveryKey);
  await page.getByRole('button', { name: 'Unlock with the recovery key' }).click();
  await expect(page.getByRole('alert')).toHaveText('The recovery key is not correct.');
  await page.getByRole('button', { name: 'Back to unlocking with a password' }).click();

  await unlock(page, 'dewi', temporary);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
});
