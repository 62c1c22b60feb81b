import { fireEvent, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { describe, expect, it, vi } from 'vitest';
import { theme } from '../../src/app/theme';
import { LoadState } from '../../src/ui/LoadState';
import { renderWithBackend } from './render';

describe('a list while its next page or filter loads', () => {
  it('stays in view but says it is busy and takes no click, so a slow answer cannot open a row of the list just left', async () => {
    const open = vi.fn();
    const list = (stale: boolean) => (
      <LoadState loading={false} error={null} retry={() => undefined} stale={stale}>
        <button onClick={open}>Open the meeting of 17 Dec 2026</button>
      </LoadState>
    );
    const { rerender } = await renderWithBackend(list(true), {});
    const row = screen.getByRole('button', { name: 'Open the meeting of 17 Dec 2026' });
    expect(row.parentElement).toHaveAttribute('aria-busy', 'true');
    expect(getComputedStyle(row.parentElement!).pointerEvents).toBe('none');
    rerender(<MantineProvider theme={theme}>{list(false)}</MantineProvider>);
    // The same element: the wait did not rebuild the list (no lost focus or scroll).
    expect(screen.getByRole('button', { name: 'Open the meeting of 17 Dec 2026' })).toBe(row);
    expect(row.parentElement).toHaveAttribute('aria-busy', 'false');
    fireEvent.click(row);
    expect(open).toHaveBeenCalledOnce();
  });
});
