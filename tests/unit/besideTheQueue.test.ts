import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jobSteps } from '../../src/contract';
import type { Backend } from '../../electron/backend/backend';
import { RunningJobs } from '../../electron/backend/session';
import { heldReaders } from './support/heldReaders';
import { addPeerAccount, call, coordinator, createdVault, failure, handOverTo, minutes, newBackend, tempDir, TestClock } from './support/backend';

/**
 * Issue 12: a long job runs beside the call queue, on its own read connection, while every
 * other call keeps answering. The job's statements are held until the test lets them go
 * (support/heldReaders.ts), so "while it runs" is a fact, not a timing guess.
 */

/** Where the caller's one running job is, as its screen sees it. */
async function progressOf(backend: Backend) {
  const { jobs } = await call(backend, 'jobs.progress', {});
  expect(jobs).toHaveLength(1);
  return jobs[0]!;
}

const asCoordinator = { kind: 'password' as const, username: coordinator.username, password: coordinator.password };

describe('a full check of the audit chain', () => {
  it('runs beside the queue: other calls answer while it reads, and it counts what was there when it began', async () => {
    const held = heldReaders();
    const backend = newBackend({ driver: held.driver });
    await createdVault(backend);
    const before = (await call(backend, 'audit.list', { limit: 500 })).entries.length;

    const checking = backend.invoke('audit.verify', { full: true });
    await held.started;
    // The check is still reading; a screen's call and a write both go through meanwhile.
    expect((await call(backend, 'session.heartbeat', {})).autoLockMinutes).toBeGreaterThan(0);
    expect(await progressOf(backend)).toMatchObject({ kind: 'audit-check', step: 'checking-audit', done: 0, total: before });
    await call(backend, 'peers.create', { fullName: 'Written During The Check', className: '8A' });
    held.release();

    const result = await checking;
    expect(result).toMatchObject({ ok: true, value: { ok: true, full: true, brokenAtId: null } });
    // Its snapshot began before the peer was written: the entries of that write wait for the next check.
    expect(result.ok && result.value.checked).toBe(before);
    const next = await call(backend, 'audit.verify', {});
    expect(next).toMatchObject({ ok: true, full: false });
    expect(next.checked).toBeGreaterThan(0);
  });

  it('ends as LOCKED when the vault locks while it reads, and the vault opens again as before', async () => {
    const held = heldReaders();
    const backend = newBackend({ driver: held.driver });
    await createdVault(backend);
    const checking = backend.invoke('audit.verify', { full: true });
    await held.started;
    await call(backend, 'session.lock', {});
    held.release();
    expect(await checking).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    await call(backend, 'vault.unlock', { username: coordinator.username, password: coordinator.password });
    expect((await call(backend, 'audit.verify', { full: true })).ok).toBe(true);
  });
});

describe('a backup made from the app', () => {
  /** Inside the backup's read transaction on an empty log (backup/write.ts), before any page is copied. */
  const whileItsSnapshotIsRead = (sql: string) => sql === 'PRAGMA page_count';

  it('is written beside the queue: the screens answer while its snapshot is taken, and a second one waits its turn', async () => {
    const held = heldReaders(whileItsSnapshotIsRead);
    const backend = newBackend({ driver: held.driver });
    await createdVault(backend);
    await call(backend, 'peers.create', { fullName: 'In The Backup', className: '8A' });
    const stick = tempDir('sebaya-usb-');

    const backingUp = backend.invoke('backups.create', { folder: stick });
    await held.started;
    expect((await call(backend, 'peers.list', {})).peers.map((p) => p.fullName)).toEqual(['In The Backup']);
    expect(await progressOf(backend)).toMatchObject({ kind: 'backup', step: 'snapshot', percent: 0 });
    expect(await backend.invoke('backups.create', { folder: stick })).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'backup-running' } });
    held.release();

    const made = await backingUp;
    expect(made).toMatchObject({ ok: true, value: { verified: true } });
    const file = made.ok ? made.value.file : '';
    expect((await call(backend, 'backups.verify', { file, credential: asCoordinator })).contents).not.toBeNull();
    expect((await call(backend, 'audit.list', { action: 'backup.created' })).entries).toHaveLength(1);
  });

  it('stops when the vault locks while it is written, leaving nothing on the stick that looks like a backup', async () => {
    const held = heldReaders(whileItsSnapshotIsRead);
    const backend = newBackend({ driver: held.driver });
    await createdVault(backend);
    const stick = tempDir('sebaya-usb-');
    const backingUp = backend.invoke('backups.create', { folder: stick });
    await held.started;
    await call(backend, 'session.lock', {});
    held.release();
    expect(await backingUp).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(readdirSync(stick)).toEqual([]);
  });
});

describe('the vault check', () => {
  it('runs beside the queue: while it reads, other calls answer and a write commits, and it passes on the vault as it was when it began', async () => {
    const held = heldReaders((sql) => sql === 'PRAGMA integrity_check');
    const backend = newBackend({ driver: held.driver });
    await createdVault(backend);
    const entries = (await call(backend, 'audit.list', { limit: 500 })).entries.length;

    const checking = backend.invoke('vault.check', {});
    await held.started;
    expect((await call(backend, 'session.heartbeat', {})).autoLockMinutes).toBeGreaterThan(0);
    await call(backend, 'peers.create', { fullName: 'Written During The Check', className: '8A' });
    expect(await failure(backend, 'vault.check', {})).toMatchObject({ code: 'CONFLICT', reason: 'vault-check-running' });
    held.release();

    const result = await checking;
    expect(result).toMatchObject({ ok: true, value: { ok: true, cipherIntegrity: { problems: 0 }, databaseIntegrity: { problems: 0 } } });
    // The chain as it was when the check began: the write's entry was not half in it.
    expect(result.ok && result.value.auditChain).toEqual({ ok: true, checked: entries, brokenAtId: null });
    // The next check walks the write's entry and the first check's own.
    expect((await call(backend, 'vault.check', {})).auditChain.checked).toBe(entries + 2);
  });

  it('shows its steps in order, each percent at least the one before, and the audit log entry by entry', async () => {
    const held = heldReaders((sql) => sql.includes('FROM audit_log WHERE id >=') || sql === 'PRAGMA integrity_check');
    const backend = newBackend({ driver: held.driver });
    await createdVault(backend);
    const checking = backend.invoke('vault.check', {});
    const seen = [];
    for (let i = 0; i < 2; i += 1) {
      const stop = await held.next();
      seen.push(await progressOf(backend));
      stop.go();
    }
    expect(await checking).toMatchObject({ ok: true, value: { ok: true } });
    expect(seen.map((p) => p.step)).toEqual(['checking-audit', 'checking-structure']);
    expect(seen[0]).toMatchObject({ done: 0 });
    expect(seen[0]!.total).toBeGreaterThan(0);
    expect(seen[1]!.percent).toBeGreaterThan(seen[0]!.percent);
    expect(seen.every((p) => p.percent < 100)).toBe(true);
    expect((await call(backend, 'jobs.progress', {})).jobs).toEqual([]);
  });
});

describe('a full check of a backup', () => {
  it('runs beside the queue: the screens answer while it checks the copy, and a second one waits its turn', async () => {
    let armed = false;
    const held = heldReaders((sql) => armed && sql === 'PRAGMA integrity_check');
    const backend = newBackend({ driver: held.driver });
    await createdVault(backend);
    const made = await call(backend, 'backups.create', { folder: tempDir('sebaya-usb-') });
    armed = true;

    const checking = backend.invoke('backups.verify', { file: made.file, credential: asCoordinator });
    await held.started;
    expect((await call(backend, 'session.heartbeat', {})).autoLockMinutes).toBeGreaterThan(0);
    expect(await progressOf(backend)).toMatchObject({ kind: 'backup-check', step: 'checking-structure' });
    expect(await failure(backend, 'backups.verify', { file: made.file, credential: asCoordinator })).toMatchObject({
      code: 'CONFLICT',
      reason: 'backup-check-running',
    });
    held.release();

    expect(await checking).toMatchObject({ ok: true, value: { ok: true, level: 'full', contents: { schoolName: coordinator.schoolName } } });
    expect((await call(backend, 'audit.list', { action: 'backup.checked' })).entries).toHaveLength(1);
  });

  it('tries each secret through the back-off one at a time, so guesses made at once are counted as if made one after another', async () => {
    const backend = newBackend();
    await createdVault(backend);
    const made = await call(backend, 'backups.create', { folder: tempDir('sebaya-usb-') });
    await call(backend, 'session.lock', {});
    const wrong = { ...asCoordinator, password: 'a guess' };
    // Four full checks beside the queue and an unlock in it, all at once, all for the same account.
    const outcomes = await Promise.all([
      ...Array.from({ length: 4 }, () => backend.invoke('backups.verify', { file: made.file, credential: wrong })),
      backend.invoke('vault.unlock', { username: coordinator.username, password: 'another guess' }),
    ]);
    const codes = outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.error.code)).sort();
    // Three free tries per account, then a wait: had two tries passed the back-off together, more would be WRONG_CREDENTIALS.
    expect(codes).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'WRONG_CREDENTIALS', 'WRONG_CREDENTIALS', 'WRONG_CREDENTIALS']);
  });
});

describe('the term report PDF', () => {
  it('is made beside the queue from one snapshot while other calls answer and write, and is audited once made', async () => {
    const held = heldReaders((sql) => sql.includes('FROM session_logs'));
    const backend = newBackend({ driver: held.driver });
    await createdVault(backend);
    const { currentTermId } = await call(backend, 'reports.terms', {});

    const making = backend.invoke('reports.exportPdf', { termId: currentTermId, language: 'id' });
    const stop = await held.next();
    expect(await progressOf(backend)).toMatchObject({ kind: 'term-pdf', step: 'figures', total: 12 });
    await call(backend, 'peers.create', { fullName: 'Written During The Report', className: '8A' });
    expect(await failure(backend, 'reports.exportPdf', { termId: currentTermId, language: 'id' })).toMatchObject({ reason: 'term-pdf-running' });
    stop.go();
    held.release();

    const made = await making;
    expect(made.ok && Buffer.from(made.value.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await call(backend, 'audit.list', { action: 'report.exported' })).entries).toHaveLength(1);
  });
});

describe('a roster import', () => {
  it('reads the file beside the queue; a peer added meanwhile is skipped as on the roster, and an edit made meanwhile stands', async () => {
    let armed = false;
    const held = heldReaders((sql) => armed && sql.includes('FROM peers p'));
    const backend = newBackend({ driver: held.driver });
    await createdVault(backend);
    const ani = (await call(backend, 'peers.create', { fullName: 'Ani Lestari', className: '8A' })).peer;
    armed = true;

    const importing = backend.invoke('peers.importCommit', { csv: 'Nama;Kelas\nBudi Santoso;8A\nCitra Ayu;8B\nDodi Saputra;9A\n' });
    await held.started;
    expect(await progressOf(backend)).toMatchObject({ kind: 'roster-import', step: 'reading-rows' });
    await call(backend, 'peers.create', { fullName: 'Citra Ayu', className: '8B' });
    await call(backend, 'peers.update', { id: ani.id, version: ani.version, fullName: 'Ani Rahmawati', className: '8A' });
    held.release();

    expect(await importing).toMatchObject({ ok: true, value: { imported: 2, skippedDuplicates: 1, skippedInvalid: 0 } });
    expect((await call(backend, 'peers.list', {})).peers.map((p) => p.fullName).sort()).toEqual(['Ani Rahmawati', 'Budi Santoso', 'Citra Ayu', 'Dodi Saputra']);
  });
});

describe('the progress of a long job', () => {
  it('is seen by the person whose job it is and nobody else', () => {
    const jobs = new RunningJobs();
    const job = jobs.start('vault-check', 1, '2026-08-03T08:00:00.000Z');
    job.report('checking-audit', 50, 200);
    expect(jobs.of(1)).toEqual([{ kind: 'vault-check', step: 'checking-audit', percent: 41, done: 50, total: 200, startedAt: '2026-08-03T08:00:00.000Z' }]);
    expect(jobs.of(2)).toEqual([]);
    job.end();
    expect(jobs.of(1)).toEqual([]);
  });

  it('never goes back to an earlier step or a lower percent, and stays under 100 until its call has answered', () => {
    const job = new RunningJobs().start('backup', 1, '2026-08-03T08:00:00.000Z');
    const seen: Array<{ step: string; percent: number }> = [];
    for (const [step, done, total] of [['snapshot', 0, 0], ['writing', 50, 100], ['snapshot', 0, 0], ['writing', 10, 100], ['verifying', 0, 0], ['rotating', 1, 1]] as const) {
      job.report(step, done, total);
      seen.push({ step: job.progress.step, percent: job.progress.percent });
    }
    expect(seen.map((p) => p.step)).toEqual(['snapshot', 'writing', 'writing', 'writing', 'verifying', 'rotating']);
    const percents = seen.map((p) => p.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(Math.max(...percents)).toBe(99);
    expect(jobSteps.backup.indexOf(job.progress.step as never)).toBe(jobSteps.backup.length - 1);
  });

  it('is refused to a peer who signs in while a staff member’s job runs', async () => {
    const held = heldReaders((sql) => sql === 'PRAGMA integrity_check');
    const backend = newBackend({ driver: held.driver });
    await createdVault(backend);
    const peer = { fullName: 'Budi Santoso', username: 'budi', pin: '4321' };
    await addPeerAccount(backend, peer);
    const checking = backend.invoke('vault.check', {});
    await held.started;
    await handOverTo(backend, peer);
    expect(await failure(backend, 'jobs.progress', {})).toMatchObject({ code: 'FORBIDDEN' });
    held.release();
    expect(await checking).toMatchObject({ ok: true });
  });

  it('is asked for by the screen on its own, so asking does not keep an unattended vault from locking', async () => {
    const clock = new TestClock();
    const backend = newBackend({ clock });
    await createdVault(backend);
    clock.advance(minutes(9));
    expect((await call(backend, 'jobs.progress', {})).jobs).toEqual([]);
    // Ten minutes of auto-lock and the backend's grace minute since the last thing a person did.
    clock.advance(minutes(2) + 1000);
    expect(await failure(backend, 'jobs.progress', {})).toMatchObject({ code: 'LOCKED' });
  });
});
