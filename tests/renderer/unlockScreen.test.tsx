import { fireEvent, screen, waitFor } from '@testing-library/react';
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
});
