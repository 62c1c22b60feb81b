import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { hasUnsavedText } from '../../src/drafts/registry';
import { SchoolProfileSettings } from '../../src/features/peers/SchoolProfileSettings';
import { sampleSettings } from './formTestSupport';
import { renderWithBackend } from './render';

describe('a Settings section just saved', () => {
  it('holds no unsaved text while its settings are fetched again, so leaving at once asks nothing', async () => {
    let answered = 0;
    let release!: () => void;
    const refetch = new Promise<void>((resolve) => (release = resolve));
    const { calls } = await renderWithBackend(<SchoolProfileSettings />, {
      'settings.get': async () => {
        answered += 1;
        // The first answer comes at once; the refetch after the save is slow, as on a busy PC.
        if (answered > 1) await refetch;
        return { ok: true, value: sampleSettings() };
      },
      'settings.update': () => ({ ok: true, value: {} }),
    });
    const section = await screen.findByRole('region', { name: 'School and classes' });
    const count = within(section).getByLabelText('Number of students');
    await waitFor(() => expect(count).toBeEnabled());
    fireEvent.change(count, { target: { value: '700' } });
    expect(hasUnsavedText()).toBe(true);
    fireEvent.click(within(section).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'settings.get').length).toBeGreaterThan(1));
    expect(calls.some((c) => c.method === 'settings.update')).toBe(true);
    expect(hasUnsavedText()).toBe(false);
    release();
  });
});
