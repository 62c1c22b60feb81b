import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { SessionLog } from '../../src/contract';
import { SessionLogPage } from '../../src/features/sessions/SessionLogPage';
import { sessionLog } from './formDialogCases';
import { renderWithBackend } from './render';

/** A paper log waiting for review, typed in by the coordinator for Dani, who has no account. */
const paperLog: SessionLog = {
  ...sessionLog,
  id: 61,
  peerId: 9,
  peerName: 'Dani Kurniawan',
  helpSeekerCode: 'HS-2026-042',
  enteredByStaff: true,
  summary: 'Bertengkar dengan teman sebangku.',
  actions: 'Mendengarkan.',
  enteredByName: 'Bu Sari',
  peerHasAccount: false,
  canEdit: true,
  canReturn: false,
  canAddAddendum: false,
};

const answered = (log: SessionLog) => ({ 'sessionLogs.get': () => ({ ok: true, value: { log } }) });

describe('the review of a log whose peer cannot take it back (issue 14)', () => {
  it('offers no "Return to the peer" for a paper log of a peer without an account, says why, and offers to correct it or approve it with a note', async () => {
    await renderWithBackend(<SessionLogPage id={paperLog.id} />, answered(paperLog));
    await screen.findByText('Dani Kurniawan has no account in Sebaya, so a log sent back would never reach them.', { exact: false });
    expect(screen.queryByRole('button', { name: 'Return to the peer' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Correct it yourself' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Approve with a note' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Approve' })).toBeInTheDocument();
  });

  it('approves it with the note typed, which the backend keeps with the decision', async () => {
    const approved: SessionLog = { ...paperLog, status: 'approved', canReview: false, canEdit: false, version: 3 };
    let current = paperLog;
    const { calls } = await renderWithBackend(<SessionLogPage id={paperLog.id} />, {
      'sessionLogs.get': () => ({ ok: true, value: { log: current } }),
      'sessionLogs.approve': () => {
        current = approved;
        return { ok: true, value: { log: approved } };
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Approve with a note' }));
    const dialog = await screen.findByRole('dialog', { name: 'Approve the log with a note' });
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }));
    expect(await within(dialog).findByText('Review note is required.')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /Review note/ }), 'Checked the time with Dani.');
    await user.click(within(dialog).getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(calls).toContainEqual({ method: 'sessionLogs.approve', input: { id: 61, version: 2, comment: 'Checked the time with Dani.' } }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
  });

  it('says a peer who is not active cannot change it, and offers only the note for a log the peer wrote from their account', async () => {
    const ownLog: SessionLog = { ...paperLog, enteredByStaff: false, enteredByName: null, peerHasAccount: true, canEdit: false };
    await renderWithBackend(<SessionLogPage id={ownLog.id} />, answered(ownLog));
    await screen.findByText('Dani Kurniawan is not active now and cannot change the log.', { exact: false });
    expect(screen.getByText(/Approve it with a note on what is missing or wrong\./)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Return to the peer' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Correct it yourself' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Approve with a note' })).toBeInTheDocument();
  });

  it('offers "Return to the peer" when the peer has an active account, and no explanation', async () => {
    const returnable: SessionLog = { ...paperLog, peerHasAccount: true, canReturn: true };
    await renderWithBackend(<SessionLogPage id={returnable.id} />, answered(returnable));
    expect(await screen.findByRole('button', { name: 'Return to the peer' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Approve with a note' })).not.toBeInTheDocument();
    expect(screen.queryByText(/would never reach them/)).not.toBeInTheDocument();
  });
});
