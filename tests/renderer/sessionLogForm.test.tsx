import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AppStatus, MethodOutput } from '../../src/contract';
import { SessionLogForm } from '../../src/features/sessions/SessionLogForm';
import { Snippet } from '../../src/features/sessions/SearchPanel';
import { useSession } from '../../src/stores/session';
import { renderWithBackend } from './render';

const peerStatus: AppStatus = {
  state: 'unlocked',
  user: { userId: 3, username: 'budi', fullName: 'Budi Santoso', role: 'peer', peerId: 1, language: 'en' },
} as AppStatus;

const options: MethodOutput<'sessionLogs.formOptions'> = { hasHelpSeekers: false };

async function fillTheRest() {
  fireEvent.change(screen.getByLabelText(/Start time/), { target: { value: '10:15' } });
  fireEvent.change(screen.getByLabelText(/Duration/), { target: { value: '30' } });
  fireEvent.click(screen.getByText('Friendship'));
  fireEvent.change(screen.getByLabelText(/What was talked about/), { target: { value: 'Bertengkar dengan teman sebangku.' } });
  fireEvent.change(screen.getByLabelText(/What you did/), { target: { value: 'Mendengarkan.' } });
  fireEvent.click(screen.getByText('Not worried'));
}

describe('the session log form', () => {
  beforeEach(() => {
    useSession.setState({ status: peerStatus });
  });

  it('asks for the risk screen before sending a log for review, and sends nothing until it is answered', async () => {
    const { calls } = await renderWithBackend(<SessionLogForm id={null} />, { 'sessionLogs.formOptions': () => ({ ok: true, value: options }) });
    await screen.findByLabelText(/What was talked about/);
    await fillTheRest();
    fireEvent.click(screen.getByRole('button', { name: 'Submit for review' }));
    expect(await screen.findByText('Tick what came up on the risk screen, or confirm that none of it did.')).toBeTruthy();
    expect(calls.map((c) => c.method)).not.toContain('sessionLogs.create');
  });

  it('greys out “none of these” once a risk item is ticked, so the two cannot both be said', async () => {
    await renderWithBackend(<SessionLogForm id={null} />, { 'sessionLogs.formOptions': () => ({ ok: true, value: options }) });
    await screen.findByLabelText(/What was talked about/);
    const none = screen.getByRole('checkbox', { name: 'None of these came up' }) as HTMLInputElement;
    expect(none.disabled).toBe(false);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Alcohol or drugs' }));
    await waitFor(() => expect(none.disabled).toBe(true));
    expect(screen.getByText(/this goes straight to the counselor/)).toBeTruthy();
  });

  it('saves an unfinished draft without asking for the rest', async () => {
    const { calls } = await renderWithBackend(<SessionLogForm id={null} />, {
      'sessionLogs.formOptions': () => ({ ok: true, value: options }),
      'sessionLogs.create': () => ({ ok: false, error: { code: 'INTERNAL', message: 'stop here' } }),
    });
    await screen.findByLabelText(/What was talked about/);
    fireEvent.change(screen.getByLabelText(/What was talked about/), { target: { value: 'Baru setengah.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(calls.map((c) => c.method)).toContain('sessionLogs.create'));
    expect(calls.find((c) => c.method === 'sessionLogs.create')?.input).toMatchObject({ submit: false, summary: 'Baru setengah.', peerId: 1, concern: null });
  });
});

describe('a search result', () => {
  it('marks the matched words and shows anything else as plain text, never as markup', async () => {
    await renderWithBackend(<Snippet text={'<b>x</b> di \uE000kantin\uE001 sekolah'} />, {});
    expect(screen.getByText('kantin').tagName).toBe('MARK');
    expect(document.querySelector('b')).toBeNull();
  });
});
