import { Notifications } from '@mantine/notifications';
import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { ImportPreview, JobProgress, MethodOutput } from '../../src/contract';
import { theme } from '../../src/app/theme';
import { ImportModal } from '../../src/features/peers/ImportModal';
import { renderWithBackend } from './render';

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** The roster screen's part of it: a button that opens the import dialog, as PeersPage has. */
function RosterWithImport({ onImported }: { onImported(): void }) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Notifications />
      <button type="button" onClick={() => setOpened(true)}>
        Import
      </button>
      <ImportModal
        opened={opened}
        onClose={() => setOpened(false)}
        onImported={() => {
          setOpened(false);
          onImported();
        }}
      />
    </>
  );
}

const checked: ImportPreview = {
  columns: [{ header: 'Nama', field: 'fullName' }],
  rows: [{ line: 2, fullName: 'Ayu Lestari', className: '7A', status: null, outcome: 'ready', duplicateOfLine: null, errors: [] }],
  fileError: null,
};

function aBackendReadingARoster() {
  const preview = deferred<{ ok: true; value: ImportPreview }>();
  const commit = deferred<{ ok: true; value: MethodOutput<'peers.importCommit'> }>();
  let progress: JobProgress = { kind: 'roster-import', step: 'reading-rows', percent: 35, done: 2_000, total: 5_000, startedAt: '2026-08-03T08:00:00.000Z' };
  return {
    preview,
    commit,
    moveTo(next: Partial<JobProgress>) {
      progress = { ...progress, ...next };
    },
    answers: {
      'peers.importPreview': () => preview.promise,
      'peers.importCommit': () => commit.promise,
      'jobs.progress': () => ({ ok: true, value: { jobs: [progress] } }),
    },
  };
}

async function chooseFile(text: string) {
  await screen.findByRole('dialog');
  const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
  await act(async () => {
    // jsdom's File cannot read itself back; a browser's can.
    const file = Object.assign(new File([text], 'roster.csv', { type: 'text/csv' }), { text: async () => text });
    fireEvent.change(input, { target: { files: [file] } });
  });
}

/** The dialog closed, another area opened and the roster again: nothing of the dialog's own state is left. */
async function leaveAndComeBack(screenShown: { unmount(): void }, onImported: () => void = () => undefined) {
  fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  screenShown.unmount();
  render(
    <MantineProvider theme={theme}>
      <RosterWithImport onImported={onImported} />
    </MantineProvider>,
  );
  fireEvent.click(screen.getByRole('button', { name: 'Import' }));
}

describe('the roster import dialog', () => {
  it('shows the running import again when it is closed mid-import and opened again, then the file as it was checked', async () => {
    const backend = aBackendReadingARoster();
    const shown = await renderWithBackend(<RosterWithImport onImported={() => undefined} />, backend.answers);
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await chooseFile('Nama,Kelas\nAyu Lestari,7A\n');
    expect(await screen.findByText("Reading the file's rows… 35%")).toBeInTheDocument();

    backend.moveTo({ percent: 60, done: 4_000 });
    await leaveAndComeBack(shown);
    expect(await screen.findByText("Reading the file's rows… 60%", {}, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getByText('(4,000 of 5,000)')).toBeInTheDocument();

    await act(async () => backend.preview.resolve({ ok: true, value: checked }));
    expect(await screen.findByText('1 ready to import · 0 already on the roster or repeated · 0 with errors')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(shown.calls.filter((c) => c.method === 'peers.importPreview')).toHaveLength(1);
  });
});
