import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { PeerMultiPicker, PeerPicker } from '../../src/ui/PeerPicker';
import { renderWithBackend } from './render';

/** A district's roster: the backend finds peers, the form never holds them all. */
const roster = Array.from({ length: 1000 }, (_, i) => ({
  id: i + 1,
  fullName: i === 741 ? 'Rina Kartika' : `Siswa ${String(i + 1).padStart(4, '0')}`,
  className: `${7 + (i % 3)}${'ABC'[i % 3]}`,
  status: i % 10 === 0 ? 'alumni' : 'active',
}));

const found = (input: unknown) => {
  const { text = '', limit, ids, statuses } = input as { text?: string; limit: number; ids?: number[]; statuses?: string[] };
  const matches = roster.filter(
    (p) =>
      (ids === undefined || ids.includes(p.id)) &&
      (statuses === undefined || statuses.includes(p.status)) &&
      `${p.fullName} ${p.className}`.toLowerCase().includes(text.toLowerCase()),
  );
  return { ok: true, value: { peers: matches.slice(0, limit), total: matches.length } };
};

function One() {
  const [value, setValue] = useState<string | null>(null);
  return (
    <>
      <PeerPicker choice={{ statuses: ['active'] }} label="Peer" placeholder="Type a name or class" value={value} onChange={setValue} />
      <output>{value ?? 'none'}</output>
    </>
  );
}

function Several({ initial, known = [] }: { initial: string[]; known?: Array<{ value: string; label: string }> }) {
  const [value, setValue] = useState<string[]>(initial);
  return (
    <>
      <PeerMultiPicker choice={{ statuses: ['active'] }} known={known} label="Peers" value={value} onChange={setValue} />
      <output>{value.join(',') || 'none'}</output>
    </>
  );
}

describe('the peer picker', () => {
  it('finds a peer by typing part of the name, asking the backend for a few of the form’s statuses', async () => {
    const { calls } = await renderWithBackend(<One />, { 'peers.list': found });
    await waitFor(() => expect(calls.map((c) => c.input)).toEqual([{ statuses: ['active'], limit: 20 }]));
    await userEvent.type(screen.getByPlaceholderText('Type a name or class'), 'rina');
    await waitFor(() => expect(calls.at(-1)?.input).toEqual({ statuses: ['active'], text: 'rina', limit: 20 }));
    // The dropdown's transition never ends in jsdom, so its options count as hidden here.
    fireEvent.click(await screen.findByRole('option', { name: 'Rina Kartika (7A)', hidden: true }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('742'));
  });

  it('names the peers a draft brings back though they are not among the first found, in one call by their ids', async () => {
    const { calls } = await renderWithBackend(<Several initial={['742', '901']} />, { 'peers.list': found });
    await waitFor(() => expect(calls.map((c) => c.input)).toContainEqual({ ids: [742, 901], limit: 200 }));
    expect(await screen.findByText('Rina Kartika (7A)')).toBeTruthy();
    // Peer 901 is an alumnus now: the picker would not offer him, but the record still names him.
    expect(await screen.findByText('Siswa 0901 (7A)')).toBeTruthy();
  });

  it('shows the names a saved record already has without asking for them again', async () => {
    const { calls } = await renderWithBackend(<Several initial={['5']} known={[{ value: '5', label: 'Siswa 0005' }]} />, { 'peers.list': found });
    expect(await screen.findByText('Siswa 0005')).toBeTruthy();
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.input).toEqual({ statuses: ['active'], limit: 20 });
  });

  it('adds a second peer found by typing and keeps the first', async () => {
    await renderWithBackend(<Several initial={['742']} />, { 'peers.list': found });
    expect(await screen.findByText('Rina Kartika (7A)')).toBeTruthy();
    await userEvent.type(screen.getByRole('combobox', { name: 'Peers' }), '0012');
    fireEvent.click(await screen.findByRole('option', { name: 'Siswa 0012 (9C)', hidden: true }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('742,12'));
    expect(screen.getByText('Rina Kartika (7A)')).toBeTruthy();
  });
});
