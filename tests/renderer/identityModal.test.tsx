import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { IdentityModal } from '../../src/features/sessions/HelpSeekersPanel';
import { DiscardPrompt } from '../../src/ui/DiscardPrompt';
import { renderWithBackend } from './render';

const helpSeeker = { id: 4, code: 'HS-2026-004', createdAt: '2026-11-02T08:00:00.000Z', logs: 2, lastSessionOn: '2026-11-20', openCases: 1, hasIdentity: true };
const identity = {
  fullName: 'Nadia Putri',
  className: '8B',
  contact: '',
  parentContact: '',
  version: 1,
  updatedAt: '2026-11-02T08:00:00.000Z',
  updatedByName: 'Bu Sari',
};

describe('who is behind a code', () => {
  it('asks before the Cancel of a correction throws the typed changes away, and "Keep editing" keeps them', async () => {
    await renderWithBackend(
      <>
        <IdentityModal helpSeeker={helpSeeker} onClose={vi.fn()} onSaved={vi.fn()} />
        <DiscardPrompt />
      </>,
      { 'helpSeekers.revealIdentity': () => ({ ok: true, value: { code: helpSeeker.code, identity } }) },
    );
    const dialog = await screen.findByRole('dialog', { name: 'Who is HS-2026-004' });
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Record or correct' }));
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    fireEvent.change(name, { target: { value: 'Nadia Putri Lestari' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    const prompt = await screen.findByRole('dialog', { name: 'Discard your changes?' });
    fireEvent.click(within(prompt).getByRole('button', { name: 'Keep editing' }));
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveValue('Nadia Putri Lestari');
  });
});
