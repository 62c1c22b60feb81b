import { Notifications } from '@mantine/notifications';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { useCall } from '../../src/api/useCall';
import { theme } from '../../src/app/theme';
import type { JobProgress, MethodOutput } from '../../src/contract';
import { VaultCheck } from '../../src/features/settings/VaultCheck';
import { renderWithBackend } from './render';

/** Issue 12: the screen that started a long job shows where it is, and the rest of the app keeps answering. */
function OutreachCount() {
  const { data } = useCall('outreach.list', {});
  return <output>{data ? `${data.events.length} outreach events` : 'loading outreach'}</output>;
}

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

const intact: MethodOutput<'vault.check'> = {
  ok: true,
  cipherIntegrity: { ok: true, problems: 0 },
  databaseIntegrity: { ok: true, problems: 0 },
  auditChain: { ok: true, checked: 300, brokenAtId: null },
};

function aBackendWithACheckInProgress() {
  const answer = deferred<{ ok: true; value: MethodOutput<'vault.check'> }>();
  let progress: JobProgress = { kind: 'vault-check', step: 'checking-audit', percent: 40, done: 120, total: 300, startedAt: '2026-08-03T08:00:00.000Z' };
  return {
    answer,
    moveTo(next: Partial<JobProgress>) {
      progress = { ...progress, ...next };
    },
    answers: {
      'vault.check': () => answer.promise,
      'jobs.progress': () => ({ ok: true, value: { jobs: [progress] } }),
      'outreach.list': () => ({ ok: true, value: { events: [{ id: 1 }, { id: 2 }] } }),
    },
  };
}

const withNotifications = (ui: React.ReactElement) => (
  <>
    <Notifications />
    {ui}
  </>
);

describe('a long job on the screen that started it', () => {
  it('shows its step and percent while other screens load, and says a second click is already under way', async () => {
    const backend = aBackendWithACheckInProgress();
    const { calls } = await renderWithBackend(withNotifications(<VaultCheck />), backend.answers);
    fireEvent.click(screen.getByRole('button', { name: 'Check the vault now' }));
    expect(await screen.findByText('Checking the audit log, entry by entry… 40%')).toBeInTheDocument();
    expect(screen.getByText('(120 of 300)')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Checking the audit log, entry by entry… 40%' })).toBeInTheDocument();

    // Another screen asks the backend meanwhile and gets its answer.
    render(
      <MantineProvider theme={theme}>
        <OutreachCount />
      </MantineProvider>,
    );
    expect(await screen.findByText('2 outreach events')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Check the vault now' }));
    expect(await screen.findByText(/This is already under way/)).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'vault.check')).toHaveLength(1);

    backend.moveTo({ step: 'checking-structure', percent: 75, done: 0, total: 0 });
    expect(await screen.findByText('Checking that the records fit together… 75%', {}, { timeout: 3000 })).toBeInTheDocument();
    await act(async () => backend.answer.resolve({ ok: true, value: intact }));
    expect(await screen.findByText('The vault is intact')).toBeInTheDocument();
    expect(screen.getByText('The audit log is intact (300 entries checked).')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('is still running when the screen is left and opened again, and then shows what it found', async () => {
    const backend = aBackendWithACheckInProgress();
    const first = await renderWithBackend(<VaultCheck />, backend.answers);
    fireEvent.click(screen.getByRole('button', { name: 'Check the vault now' }));
    expect(await screen.findByText('Checking the audit log, entry by entry… 40%')).toBeInTheDocument();
    first.unmount();

    render(
      <MantineProvider theme={theme}>
        <VaultCheck />
      </MantineProvider>,
    );
    expect(await screen.findByText('Checking the audit log, entry by entry… 40%')).toBeInTheDocument();
    await act(async () => backend.answer.resolve({ ok: true, value: intact }));
    expect(await screen.findByText('The vault is intact')).toBeInTheDocument();
  });
});
