import { Notifications } from '@mantine/notifications';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { VaultFolder } from '../../src/features/settings/VaultFolder';
import { renderWithBackend } from './render';

const path = 'C:\\Users\\guru.bk\\AppData\\Roaming\\Sebaya\\vault';

afterEach(() => {
  delete (globalThis as { sebaya?: unknown }).sebaya;
});

describe('the vault folder in Settings', () => {
  it('shows where the vault lives, without an Open button where there is no file manager to open (web harness)', async () => {
    await renderWithBackend(<VaultFolder path={path} />, {});
    expect(screen.getByText('Vault folder')).toBeInTheDocument();
    expect(screen.getByText(path)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Open folder' })).not.toBeInTheDocument();
  });

  it('opens the folder through the desktop app’s contract method', async () => {
    (globalThis as { sebaya?: unknown }).sebaya = { desktop: true, call: vi.fn(), onEvent: vi.fn() };
    const { calls } = await renderWithBackend(<VaultFolder path={path} />, { 'desktop.openVaultFolder': () => ({ ok: true, value: { opened: true } }) });
    fireEvent.click(screen.getByRole('button', { name: 'Open folder' }));
    await waitFor(() => expect(calls).toEqual([{ method: 'desktop.openVaultFolder', input: {} }]));
  });

  it('says so when the folder could not be opened', async () => {
    (globalThis as { sebaya?: unknown }).sebaya = { desktop: true, call: vi.fn(), onEvent: vi.fn() };
    await renderWithBackend(
      <>
        <Notifications />
        <VaultFolder path={path} />
      </>,
      { 'desktop.openVaultFolder': () => ({ ok: true, value: { opened: false } }) },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open folder' }));
    expect(await screen.findByText('The folder could not be opened. Its path is shown above.')).toBeInTheDocument();
  });
});
