import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AppStatus } from '../../src/contract';
import { UnlockScreen } from '../../src/features/auth/UnlockScreen';
import { renderWithBackend } from './render';

const locked: AppStatus = {
  state: 'locked',
  user: null,
  schoolName: null,
  lockReason: 'idle',
  passwordRequiredReason: null,
  autoLockMinutes: null,
  retryAfterSeconds: 0,
  lastUsername: null,
};

describe('unlock screen', () => {
  it('says why Sebaya locked', async () => {
    await renderWithBackend(<UnlockScreen status={locked} />, {});
    expect(screen.getByRole('status')).toHaveTextContent('Sebaya locked itself after a while without activity.');
  });

  it('answers a wrong password plainly, clears the password and keeps the username', async () => {
    const { calls } = await renderWithBackend(<UnlockScreen status={locked} />, {
      'vault.unlock': () => ({ ok: false, error: { code: 'WRONG_CREDENTIALS', message: 'x' } }),
      'app.status': () => ({ ok: true, value: { ...locked, retryAfterSeconds: 0 } }),
    });
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'sari' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The username or password is not correct.'));
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Username')).toHaveValue('sari');
    expect(calls[0]).toEqual({ method: 'vault.unlock', input: { username: 'sari', password: 'wrong password' } });
  });

  it('counts down and disables Unlock while attempts are slowed down', async () => {
    await renderWithBackend(<UnlockScreen status={{ ...locked, retryAfterSeconds: 20 }} />, {});
    expect(screen.getByText('Too many wrong attempts. You can try again in 20 seconds.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Unlock' })).toBeDisabled();
  });

  it('fills in the username that last unlocked on this PC, waits in the password field, and unlocks with the password alone', async () => {
    const { calls } = await renderWithBackend(<UnlockScreen status={{ ...locked, lastUsername: 'sari' }} />, {
      'vault.unlock': () => ({ ok: false, error: { code: 'WRONG_CREDENTIALS', message: 'x' } }),
      'app.status': () => ({ ok: true, value: { ...locked, lastUsername: 'sari' } }),
    });
    expect(screen.getByLabelText('Username')).toHaveValue('sari');
    expect(screen.getByLabelText('Password')).toHaveFocus();
    const user = userEvent.setup();
    await user.keyboard('kopi pagi di ruang BK{Enter}');
    await waitFor(() => expect(calls[0]).toEqual({ method: 'vault.unlock', input: { username: 'sari', password: 'kopi pagi di ruang BK' } }));
  });

  it('empties the username for someone else with "Not you?" and puts the cursor there', async () => {
    await renderWithBackend(<UnlockScreen status={{ ...locked, lastUsername: 'sari' }} />, {});
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Not you? Sign in with another username' }));
    expect(screen.getByLabelText('Username')).toHaveValue('');
    expect(screen.getByLabelText('Username')).toHaveFocus();
    expect(screen.queryByRole('button', { name: /Not you\?/ })).not.toBeInTheDocument();
    await user.keyboard('dewi');
    expect(screen.getByLabelText('Username')).toHaveValue('dewi');
  });

  it('asks for the username first when nobody has unlocked on this PC yet', async () => {
    await renderWithBackend(<UnlockScreen status={locked} />, {});
    expect(screen.getByLabelText('Username')).toHaveValue('');
    expect(screen.getByLabelText('Username')).toHaveFocus();
    expect(screen.queryByRole('button', { name: /Not you\?/ })).not.toBeInTheDocument();
  });
});
