import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { BackupContents, MethodOutput } from '../../src/contract';
import { BackupReminder } from '../../src/features/backups/BackupReminder';
import { RestoreFlow } from '../../src/features/backups/RestoreFlow';
import { renderWithBackend } from './render';

const overview = (change: Partial<MethodOutput<'backups.overview'>>): MethodOutput<'backups.overview'> => ({
  folder: null,
  keepLast: 10,
  reminderDays: 7,
  lastBackupAt: null,
  reminderDue: true,
  history: [],
  ...change,
});

const contents: BackupContents = {
  schoolName: 'SMP Negeri 3 Contoh',
  createdAt: '2026-11-20T07:05:00.000Z',
  appVersion: '0.1.0',
  schemaVersion: 3,
  counts: [
    { table: 'peers', rows: 31 },
    { table: 'users', rows: 4 },
    { table: 'settings', rows: 6 },
    { table: 'drafts', rows: 2 },
    { table: 'audit_log', rows: 120 },
  ],
  checks: { cipherIntegrity: true, databaseIntegrity: true, auditChain: { ok: true, checked: 120 } },
  openedWith: { kind: 'password', username: 'sari' },
};

const backup = {
  file: '/media/usb/sebaya-smp-negeri-3-contoh-20261120-1405.sebaya-backup',
  name: 'sebaya-smp-negeri-3-contoh-20261120-1405.sebaya-backup',
  bytes: 320_000,
  createdAt: contents.createdAt,
  appVersion: '0.1.0',
  schemaVersion: 3,
  thisVault: null,
  problem: null,
  lastCheck: null,
};

describe('the dashboard backup reminder', () => {
  it('says there is no backup yet', async () => {
    await renderWithBackend(<BackupReminder />, { 'backups.overview': () => ({ ok: true, value: overview({}) }) });
    expect(await screen.findByText('There is no backup of this vault yet.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Back up now' })).toBeInTheDocument();
  });

  it('says how old the last verified backup is once it is too old', async () => {
    await renderWithBackend(<BackupReminder />, {
      'backups.overview': () => ({ ok: true, value: overview({ lastBackupAt: '2026-11-01T08:00:00.000Z', reminderDays: 7 }) }),
    });
    expect(await screen.findByText(/The last verified backup is from .*, more than 7 days ago\./)).toBeInTheDocument();
  });

  it('shows nothing while the last backup is recent', async () => {
    const { calls, container } = await renderWithBackend(<BackupReminder />, {
      'backups.overview': () => ({ ok: true, value: overview({ lastBackupAt: '2026-11-27T08:00:00.000Z', reminderDue: false }) }),
    });
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(container).not.toHaveTextContent('backup');
  });
});

describe('restoring from a backup', () => {
  function answers(verify: () => unknown) {
    return {
      'backups.drives': () => ({ ok: true, value: { drives: [{ path: 'E:\\', label: 'KINGSTON', description: 'DataTraveler', sizeBytes: 16e9 }] } }),
      'backups.folder': () => ({ ok: true, value: { folder: 'E:\\', exists: true, sameDiskAsVault: null, backups: [backup] } }),
      'backups.verify': verify,
    };
  }

  it('finds the backups on a USB drive, opens one and shows the named record counts, other tables summed', async () => {
    const { calls } = await renderWithBackend(<RestoreFlow mode="new" onDone={() => undefined} />, answers(() => ({
      ok: true,
      value: { file: backup.file, name: backup.name, level: 'full', ok: true, problem: null, header: null, contents },
    })));
    fireEvent.click(await screen.findByRole('button', { name: /KINGSTON/ }));
    expect(await screen.findByRole('radio', { name: backup.name })).toBeChecked();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'sari' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'kopi pagi di ruang BK' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open and check' }));
    expect(await screen.findByText('The backup opens and passes every check.')).toBeInTheDocument();
    const counts = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(counts).toEqual(expect.arrayContaining(['Peers31', 'Accounts4', 'Audit log entries120', 'Other records8']));
    expect(calls.find((c) => c.method === 'backups.verify')?.input).toEqual({
      file: backup.file,
      credential: { kind: 'password', username: 'sari', password: 'kopi pagi di ruang BK' },
    });
  });

  it('says plainly when the password does not open the backup', async () => {
    await renderWithBackend(<RestoreFlow mode="locked" onDone={() => undefined} />, answers(() => ({
      ok: false,
      error: { code: 'WRONG_CREDENTIALS', message: 'x', reason: 'backup' },
    })));
    fireEvent.change(screen.getByLabelText('Folder with backups, or a backup file'), { target: { value: 'E:\\' } });
    fireEvent.click(screen.getByRole('button', { name: 'Look for backups' }));
    expect(await screen.findByRole('radio', { name: backup.name })).toBeChecked();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.click(screen.getByRole('radio', { name: 'The recovery key' }));
    fireEvent.change(screen.getByLabelText('Recovery key'), { target: { value: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open and check' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('does not open this backup. It must be one that was valid when the backup was made.');
  });

  /** Opens the backup in the locked screen's restore with the given verify answer; leaves it checked. */
  async function openChecked(extra: Record<string, () => unknown>, belongsTo: 'this-vault' | 'other-vault', school = contents.schoolName) {
    const rendered = await renderWithBackend(<RestoreFlow mode="locked" onDone={() => undefined} />, {
      ...answers(() => ({
        ok: true,
        value: { file: backup.file, name: backup.name, level: 'full', ok: true, problem: null, header: null, belongsTo, contents: { ...contents, schoolName: school } },
      })),
      ...extra,
    });
    fireEvent.change(screen.getByLabelText('Folder with backups, or a backup file'), { target: { value: 'E:\\' } });
    fireEvent.click(screen.getByRole('button', { name: 'Look for backups' }));
    expect(await screen.findByRole('radio', { name: backup.name })).toBeChecked();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'rina' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'an old passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open and check' }));
    expect(await screen.findByText('The backup opens and passes every check.')).toBeInTheDocument();
    return rendered;
  }

  const restored = { ok: true, value: { status: { state: 'locked' }, keptAt: '/vault/previous-vaults/2026-12-03-101500', contents } };

  it('asks for a current coordinator’s password or the recovery key when the backup’s own password is not current, and keeps the checked backup', async () => {
    let tries = 0;
    const { calls } = await openChecked(
      {
        'backups.restore': () =>
          tries++ === 0
            ? { ok: false, error: { code: 'FORBIDDEN', message: 'x', reason: 'current-authority-required' } }
            : tries === 2
              ? { ok: false, error: { code: 'WRONG_CREDENTIALS', message: 'x', reason: 'current-authority' } }
              : restored,
      },
      'this-vault',
    );
    expect(screen.getByText('This is a backup of the vault on this computer.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Restore this backup…' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Restore' }));
    expect(await screen.findByText('Only current staff may replace this vault')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'sari' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'a wrong guess' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm and restore' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That is not the password of a current coordinator');

    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'the current passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm and restore' }));
    expect(await screen.findByText('The backup was restored')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'backups.restore').at(-1)?.input).toEqual({
      file: backup.file,
      credential: { kind: 'password', username: 'rina', password: 'an old passphrase' },
      authority: { kind: 'password', username: 'sari', password: 'the current passphrase' },
    });
  });

  it('restores a backup of another school only after its name is typed, and sends the name typed', async () => {
    const { calls } = await openChecked({ 'backups.restore': () => restored }, 'other-vault', 'SMA Swasta Lain');
    expect(screen.getByText('A backup of another vault')).toBeInTheDocument();
    const restore = screen.getByRole('button', { name: 'Restore this backup…' });
    expect(restore).toBeDisabled();
    const typed = screen.getByLabelText("Type the school's name: SMA Swasta Lain");
    fireEvent.change(typed, { target: { value: 'SMA Swasta' } });
    expect(screen.getByText('Type the name exactly as shown: SMA Swasta Lain')).toBeInTheDocument();
    fireEvent.change(typed, { target: { value: 'sma swasta lain' } });
    expect(restore).toBeEnabled();
    fireEvent.click(restore);
    fireEvent.click(await screen.findByRole('button', { name: 'Restore' }));
    expect(await screen.findByText('The backup was restored')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'backups.restore')?.input).toMatchObject({ confirmSchoolName: 'sma swasta lain' });
  });
});
