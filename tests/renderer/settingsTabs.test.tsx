import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsPage } from '../../src/features/settings/SettingsPage';
import { navigate, followHistory } from '../../src/navigation/router';
import { useSession } from '../../src/stores/session';
import { sampleSettings, signedIn } from './formTestSupport';
import { renderWithBackend } from './render';

const answers = {
  'settings.get': () => ({ ok: true, value: sampleSettings() }),
};

describe('Settings', () => {
  let stop: () => void;
  beforeEach(() => {
    navigate('/settings', { replace: true });
    stop = followHistory();
  });
  afterEach(() => {
    stop();
    useSession.setState({ status: null });
  });

  it('shows the coordinator one tab per concern, the school first', async () => {
    useSession.setState({ status: signedIn });
    await renderWithBackend(<SettingsPage />, answers);
    const tabs = screen.getAllByRole('tab').map((tab) => tab.textContent);
    expect(tabs).toEqual(['School', 'Cases', 'School year', 'My account', 'Vault security', 'Backups']);
    expect(screen.getByRole('tab', { name: 'School' })).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(screen.getByRole('region', { name: 'School and classes' })).toBeVisible());
  });

  it('puts the tab in the address, so a link can open the backups tab', async () => {
    useSession.setState({ status: signedIn });
    await renderWithBackend(<SettingsPage />, answers);
    await userEvent.click(screen.getByRole('tab', { name: 'Vault security' }));
    expect(window.location.hash).toBe('#/settings/vault');
    navigate('/settings/backups');
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Backups' })).toHaveAttribute('aria-selected', 'true'));
  });

  it('keeps what was typed on one tab while another is looked at', async () => {
    useSession.setState({ status: signedIn });
    await renderWithBackend(<SettingsPage />, answers);
    await userEvent.click(screen.getByRole('tab', { name: 'Cases' }));
    const protocol = await screen.findByLabelText('Escalation protocol');
    await waitFor(() => expect(protocol).toBeEnabled());
    await userEvent.clear(protocol);
    await userEvent.type(protocol, 'Call Bu Sari first');
    await userEvent.click(screen.getByRole('tab', { name: 'School year' }));
    await userEvent.click(screen.getByRole('tab', { name: 'Cases' }));
    expect(screen.getByLabelText('Escalation protocol')).toHaveValue('Call Bu Sari first');
  });

  it('shows a peer or supervisor only their own password, without tabs', async () => {
    useSession.setState({ status: { ...signedIn, user: { ...signedIn.user!, role: 'supervisor' } } });
    await renderWithBackend(<SettingsPage />, answers);
    expect(screen.queryAllByRole('tab')).toEqual([]);
    expect(screen.getByLabelText('Current password')).toBeVisible();
    expect(screen.queryByRole('region', { name: 'School and classes' })).toBeNull();
  });
});
