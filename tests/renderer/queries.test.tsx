import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { call } from '../../src/api/client';
import { useCall } from '../../src/api/useCall';
import { useSession } from '../../src/stores/session';
import type { AppStatus } from '../../src/contract';
import { renderWithBackend } from './render';

/** Issue 12: one cache of backend answers, one rule for when it is refreshed, nothing kept past the person. */
function Roster() {
  const { data } = useCall('outreach.list', {});
  return (
    <>
      <output>{data ? `${data.events.length} events` : 'loading'}</output>
      <button type="button" onClick={() => void call('outreach.delete', { id: 1 })}>
        Delete
      </button>
    </>
  );
}

function answersCounting() {
  let events = 2;
  return {
    'outreach.list': () => ({ ok: true, value: { events: Array.from({ length: events }, (_, i) => ({ id: i + 1 })) } }),
    'outreach.delete': () => {
      events -= 1;
      return { ok: true, value: {} };
    },
  };
}

const unlocked = (userId: number) => ({ state: 'unlocked', user: { userId, username: 'x', fullName: 'X', role: 'coordinator', peerId: null, language: 'en' } }) as AppStatus;

describe('the renderer’s cache of answers', () => {
  it('fetches again what is on screen after a call that changes records, and not after a read', async () => {
    const { calls } = await renderWithBackend(<Roster />, answersCounting());
    expect(await screen.findByText('2 events')).toBeTruthy();
    await act(async () => {
      await call('outreach.list', {});
    });
    expect(calls.filter((c) => c.method === 'outreach.list')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('1 events')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'outreach.list')).toHaveLength(3);
  });

  it('shows a screen opened again with its last answer at once, while it asks again', async () => {
    const first = await renderWithBackend(<Roster />, answersCounting());
    expect(await screen.findByText('2 events')).toBeTruthy();
    first.unmount();
    render(<Roster />);
    expect(screen.getByText('2 events')).toBeTruthy();
  });

  it('forgets every answer when the vault locks or another person signs in', async () => {
    useSession.setState({ status: unlocked(1) });
    const first = await renderWithBackend(<Roster />, answersCounting());
    expect(await screen.findByText('2 events')).toBeTruthy();
    first.unmount();
    await act(async () => {
      await useSession.getState().applyStatus({ state: 'handover', user: null } as unknown as AppStatus);
    });
    render(<Roster />);
    expect(screen.getByText('loading')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('2 events')).toBeTruthy());
  });

  it('asks nothing for a screen that has no valid input yet, and asks once it has', async () => {
    function Report({ termId }: { termId: string }) {
      const { data } = useCall('outreach.list', termId === '' ? null : {});
      return <output>{data ? `${data.events.length} events` : 'nothing asked'}</output>;
    }
    const { calls, rerender } = await renderWithBackend(<Report termId="" />, answersCounting());
    expect(screen.getByText('nothing asked')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'outreach.list')).toHaveLength(0);
    rerender(<Report termId="2026-1" />);
    expect(await screen.findByText('2 events')).toBeTruthy();
  });
});
