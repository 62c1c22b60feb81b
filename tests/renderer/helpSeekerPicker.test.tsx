import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { HelpSeekerPicker } from '../../src/ui/HelpSeekerPicker';
import { renderWithBackend } from './render';

/** Ten years of codes: the backend finds them, the form never holds them all. */
const codes = Array.from({ length: 3000 }, (_, i) => ({ id: i + 1, code: `HS-20${String(16 + Math.floor(i / 300)).padStart(2, '0')}-${String((i % 300) + 1).padStart(3, '0')}` }));
const found = (input: unknown) => {
  const { text = '', limit, id } = input as { text?: string; limit: number; id?: number };
  const matches = codes.filter((c) => (id === undefined || c.id === id) && c.code.startsWith(text.toUpperCase())).reverse();
  const helpSeekers = matches.slice(0, limit).map((c) => ({ ...c, logs: 1, lastSessionOn: null, openCases: 0, hasIdentity: false }));
  return { ok: true, value: { helpSeekers, total: matches.length } };
};

function Picker({ initial = null }: { initial?: string | null }) {
  const [value, setValue] = useState<string | null>(initial);
  return (
    <>
      <HelpSeekerPicker value={value} onChange={setValue} />
      <output>{value ?? 'none'}</output>
    </>
  );
}

describe('the help-seeker picker', () => {
  it('finds a code by typing its beginning, asking the backend for a few instead of loading every code', async () => {
    const { calls } = await renderWithBackend(<Picker />, { 'helpSeekers.list': found });
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.input).toEqual({ limit: 20 });
    const box = screen.getByPlaceholderText('Type the code');
    await userEvent.type(box, 'hs-2019-04');
    await waitFor(() => expect(calls.at(-1)?.input).toEqual({ limit: 20, text: 'hs-2019-04' }));
    // The dropdown's transition never ends in jsdom, so its options count as hidden here.
    fireEvent.click(await screen.findByRole('option', { name: 'HS-2019-040', hidden: true }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(String(codes.find((c) => c.code === 'HS-2019-040')!.id)));
  });

  it('names a code chosen earlier (a draft brought back) that is not among the newest', async () => {
    const { calls } = await renderWithBackend(<Picker initial="5" />, { 'helpSeekers.list': found });
    await waitFor(() => expect(calls.map((c) => c.input)).toContainEqual({ id: 5, limit: 1 }));
    await waitFor(() => expect((screen.getByPlaceholderText('Type the code') as HTMLInputElement).value).toBe('HS-2016-005'));
  });
});
