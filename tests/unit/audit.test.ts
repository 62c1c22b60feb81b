import { describe, expect, it, vi } from 'vitest';
import { auditActions, type AuditEntry, type BackupCredential } from '../../src/contract';
import type { Backend } from '../../electron/backend/backend';
import { defaultDriver } from '../../electron/backend/db/drivers';
import { entryHash, genesisHash, verifyAuditChain } from '../../electron/backend/repositories/audit';
import {
  addPeerAccount,
  addStaff,
  call,
  coordinator,
  createdVault,
  failure,
  minutes,
  newBackend,
  peerVersion,
  supervisor,
  tempDir,
  TestClock,
  shownOnScreen,
  unlockAsCoordinator,
} from './support/backend';
import { aDayOfThePeerProgram } from './support/peerProgram';
import { aDayOfSessionsAndCases } from './support/sessionsAndCases';
import { aDayOfSupervision } from './support/supervision';
import { aDayOfBackups } from './support/backups';

interface AuditRow {
  id: number;
  at: string;
  actor_user_id: number | null;
  actor_name: string | null;
  action: string;
  target: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

const rows = (backend: Backend) => backend.session.db.all<AuditRow>('SELECT * FROM audit_log ORDER BY id');

/** A vault with a few ordinary entries in its log. */
async function vaultWithHistory() {
  const backend = newBackend({ clock: new TestClock() });
  await createdVault(backend);
  for (const name of ['Budi Santoso', 'Citra Ayu', 'Dimas Pratama']) {
    await call(backend, 'peers.create', { fullName: name, className: '8A' });
  }
  await call(backend, 'settings.update', { autoLockMinutes: 15 });
  return backend;
}

/** Edits the log outside the app, as someone holding the data key could: a second connection, the trigger dropped. */
async function editOutsideTheApp(backend: Backend, sql: string, params: Array<string | number> = []): Promise<void> {
  const key = await backend.session.openVault.withDataKey(async (k) => Buffer.from(k));
  const connection = await defaultDriver().open(backend.session.openVault.paths.database, { key, create: false });
  try {
    await connection.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    await connection.run(sql, params);
  } finally {
    await connection.close();
    key.fill(0);
  }
}

describe('the audit log as a hash chain', () => {
  it('links every entry to the hash of the one before it', async () => {
    const backend = await vaultWithHistory();
    const log = await rows(backend);
    expect(log.length).toBeGreaterThanOrEqual(5);
    log.forEach((row, i) => {
      expect(row.prev_hash).toBe(i === 0 ? genesisHash : log[i - 1]!.hash);
      expect(row.hash).toBe(entryHash(row.prev_hash, row));
    });
  });

  it('verifies on a vault nobody tampered with', async () => {
    const backend = await vaultWithHistory();
    const count = (await rows(backend)).length;
    expect(await call(backend, 'audit.verify', {})).toEqual({ ok: true, checked: count, brokenAtId: null, full: true, verifiedThroughId: count });
  });

  it('refuses to change or delete an entry from inside the database', async () => {
    const backend = await vaultWithHistory();
    await expect(backend.session.db.run("UPDATE audit_log SET action = 'peer.viewed' WHERE id = 2")).rejects.toThrow(/append-only/);
    await expect(backend.session.db.run('DELETE FROM audit_log WHERE id = 2')).rejects.toThrow(/append-only/);
  });

  it('names the edited entry when someone with the data key changes one', async () => {
    const backend = await vaultWithHistory();
    await editOutsideTheApp(backend, "UPDATE audit_log SET actor_name = 'someone-else' WHERE id = 3");
    expect(await call(backend, 'audit.verify', {})).toMatchObject({ ok: false, brokenAtId: 3, checked: 2 });
  });

  it('names the edited entry when the trigger is dropped through the app’s own connection', async () => {
    const backend = await vaultWithHistory();
    await backend.session.db.exec('DROP TRIGGER audit_log_no_update');
    await backend.session.db.run(`UPDATE audit_log SET details = '{"keys":["schoolName"]}' WHERE id = 4`);
    expect(await call(backend, 'audit.verify', {})).toMatchObject({ ok: false, brokenAtId: 4 });
  });

  it('breaks at the next entry when an edited entry’s own hash was recomputed to hide it', async () => {
    const backend = await vaultWithHistory();
    const row = (await rows(backend)).find((r) => r.id === 2)!;
    const forged = { ...row, action: 'peer.updated' };
    await editOutsideTheApp(backend, 'UPDATE audit_log SET action = ?, hash = ? WHERE id = 2', [forged.action, entryHash(row.prev_hash, forged)]);
    expect(await call(backend, 'audit.verify', {})).toMatchObject({ ok: false, brokenAtId: 3 });
  });

  it('breaks at the entry after one that was deleted', async () => {
    const backend = await vaultWithHistory();
    await editOutsideTheApp(backend, 'DELETE FROM audit_log WHERE id = 3');
    expect(await call(backend, 'audit.verify', {})).toMatchObject({ ok: false, brokenAtId: 4 });
  });

  it('checks long logs in batches without losing the thread between them', async () => {
    const backend = await vaultWithHistory();
    const count = (await rows(backend)).length;
    expect(await verifyAuditChain(backend.session.db, 2)).toEqual({ ok: true, checked: count, brokenAtId: null });
    await editOutsideTheApp(backend, "UPDATE audit_log SET target = 'peer:99' WHERE id = 5");
    expect(await verifyAuditChain(backend.session.db, 2)).toEqual({ ok: false, checked: 4, brokenAtId: 5 });
  });
});

describe('checking the whole vault', () => {
  it('records each check in the audit log, by whom and whether it found the vault sound', async () => {
    const backend = await vaultWithHistory();
    expect((await call(backend, 'vault.check', {})).ok).toBe(true);
    await editOutsideTheApp(backend, "UPDATE audit_log SET actor_name = 'someone-else' WHERE id = 2");
    expect((await call(backend, 'vault.check', {})).ok).toBe(false);
    const checks = (await call(backend, 'audit.list', { action: 'vault.checked' })).entries;
    expect(checks.map((e) => [e.actorName, e.details])).toEqual([
      [coordinator.username, { ok: false, cipherProblems: 0, databaseProblems: 0, auditChainOk: false }],
      [coordinator.username, { ok: true, cipherProblems: 0, databaseProblems: 0, auditChainOk: true }],
    ]);
  });
});

describe('checking the chain when the Audit log screen opens', () => {
  it('walks only the entries added since the last intact check, and the whole log on demand', async () => {
    const backend = await vaultWithHistory();
    const count = (await rows(backend)).length;
    expect(await call(backend, 'audit.verify', {})).toMatchObject({ ok: true, full: true, checked: count });
    await call(backend, 'peers.create', { fullName: 'Eka Putri', className: '8B' });
    await call(backend, 'peers.create', { fullName: 'Fajar Nugraha', className: '8B' });
    expect(await call(backend, 'audit.verify', {})).toEqual({ ok: true, full: false, checked: 2, brokenAtId: null, verifiedThroughId: count + 2 });
    expect(await call(backend, 'audit.verify', {})).toMatchObject({ ok: true, full: false, checked: 0 });
    expect(await call(backend, 'audit.verify', { full: true })).toMatchObject({ ok: true, full: true, checked: count + 2 });
  });

  it('finds an entry altered after the last check at once, and one altered before it only in the whole check', async () => {
    const backend = await vaultWithHistory();
    await call(backend, 'audit.verify', {});
    await call(backend, 'peers.create', { fullName: 'Eka Putri', className: '8B' });
    const newest = (await rows(backend)).at(-1)!.id;
    await editOutsideTheApp(backend, "UPDATE audit_log SET actor_name = 'someone-else' WHERE id = ?", [newest]);
    expect(await call(backend, 'audit.verify', {})).toMatchObject({ ok: false, brokenAtId: newest });

    const other = await vaultWithHistory();
    await call(other, 'audit.verify', {});
    await editOutsideTheApp(other, "UPDATE audit_log SET actor_name = 'someone-else' WHERE id = 2");
    expect(await call(other, 'audit.verify', {})).toMatchObject({ ok: true, full: false });
    expect(await call(other, 'audit.verify', { full: true })).toMatchObject({ ok: false, brokenAtId: 2 });
    // The check of the whole vault walks the whole log too.
    expect((await call(other, 'vault.check', {})).auditChain).toMatchObject({ ok: false, brokenAtId: 2 });
  });

  it('breaks at the entry the last check ended on when that entry is rewritten', async () => {
    const backend = await vaultWithHistory();
    const { verifiedThroughId } = await call(backend, 'audit.verify', {});
    await editOutsideTheApp(backend, "UPDATE audit_log SET hash = ? WHERE id = ?", ['f'.repeat(64), verifiedThroughId!]);
    expect(await call(backend, 'audit.verify', {})).toMatchObject({ ok: false, brokenAtId: verifiedThroughId });
  });
});

describe('what the audit log records', () => {
  const secrets = {
    peerName: 'Rahasia Budi Santoso',
    otherPeerName: 'Rahasia Citra Ayu',
    className: 'KelasRahasia',
    schoolName: 'Sekolah Rahasia Baru',
    supervisorName: 'Dewi Rahasia Lestari',
    pin: '4826',
    newPin: '9173',
    newPassword: 'rahasia new password',
    draft: 'catatan rahasia draft',
  };

  /**
   * Walks through every kind of event the issue names (sign-ins and failed ones,
   * locks, unlocks, recovery, user and settings changes) and returns the log as
   * the coordinator sees it, plus the secrets typed along the way.
   */
  async function walkThrough() {
    const clock = new TestClock();
    const backend = newBackend({ clock });
    const recoveryKey = await createdVault(backend);
    const typed: string[] = [recoveryKey];
    await aDayOfBackups(backend, coordinator);

    const peer = await addPeerAccount(backend, { fullName: secrets.peerName, className: secrets.className, username: 'budi', pin: secrets.pin });
    await call(backend, 'peers.update', { id: peer.peerId, version: await peerVersion(backend, peer.peerId), fullName: secrets.otherPeerName, className: secrets.className });
    typed.push(...(await aDayOfThePeerProgram(backend, peer.peerId)));
    await call(backend, 'users.setPeerPin', { userId: peer.userId, pin: secrets.newPin });
    const supervisorId = await addStaff(backend, { ...supervisor, fullName: secrets.supervisorName });
    typed.push(...(await aDayOfSessionsAndCases(backend, { peer: { ...peer, username: 'budi', pin: secrets.newPin }, supervisorId })));
    const [aCase] = (await call(backend, 'cases.list', {})).cases;
    const [aLog] = (await call(backend, 'sessionLogs.list', { status: 'approved' })).logs;
    typed.push(...(await aDayOfSupervision(backend, { peerId: peer.peerId, supervisorId, caseId: aCase!.id, logId: aLog!.id, helpSeekerId: aCase!.helpSeekerId })));
    await call(backend, 'settings.update', { schoolName: secrets.schoolName, autoLockMinutes: 20 });
    await call(backend, 'users.changeOwnPassword', { currentPassword: coordinator.password, newPassword: secrets.newPassword });
    const replaced = await call(backend, 'vault.newRecoveryKey', { password: secrets.newPassword });
    typed.push(replaced.recoveryKey);
    await shownOnScreen(backend, replaced);

    const lateBackup = await call(backend, 'backups.create', { folder: tempDir('sebaya-usb-') });
    await call(backend, 'vault.check', {});

    // A peer at the office PC.
    await call(backend, 'session.handOverToPeer', { drafts: [{ formKey: 'peer-form', area: 'peers', payload: secrets.draft }] });
    await failure(backend, 'session.peerSignIn', { username: 'budi', pin: secrets.pin });
    await call(backend, 'session.peerSignIn', { username: 'budi', pin: secrets.newPin });
    await call(backend, 'session.lock', {});

    // Someone at the locked PC guesses a backup's password, and a current staff password to restore it over the vault.
    const guess: BackupCredential = { kind: 'password', username: supervisor.username, password: 'a guess' };
    await failure(backend, 'backups.verify', { file: lateBackup.file, credential: guess });
    const opens: BackupCredential = { kind: 'password', username: coordinator.username, password: secrets.newPassword };
    await failure(backend, 'backups.restore', { file: lateBackup.file, credential: opens, authority: guess });

    // Staff again: a wrong password, then the right one.
    await failure(backend, 'vault.unlock', { username: coordinator.username, password: 'wrong password here' });
    await call(backend, 'vault.unlock', { username: coordinator.username, password: secrets.newPassword });
    const reset = await call(backend, 'users.resetPassword', { userId: supervisorId });
    typed.push(reset.temporaryPassword);
    await call(backend, 'users.disable', { userId: supervisorId });
    // Enabled again, but the PC goes off before the screen shows the new temporary password: withdrawn at the next unlock.
    const enabled = await call(backend, 'users.enable', { userId: supervisorId });
    typed.push(enabled.temporaryPassword!);
    await call(backend, 'session.lock', {});

    // Forgotten password: a wrong recovery key, then the right one, then a new password.
    await failure(backend, 'vault.unlockWithRecoveryKey', { username: coordinator.username, recoveryKey: recoveryKey });
    await call(backend, 'vault.unlockWithRecoveryKey', { username: coordinator.username, recoveryKey: replaced.recoveryKey });
    await call(backend, 'vault.setNewPassword', { newPassword: `${secrets.newPassword} 2` });
    await call(backend, 'users.remove', { userId: supervisorId });
    await failure(backend, 'vault.rotateDataKey', { password: 'not my password' });
    const rotated = await call(backend, 'vault.rotateDataKey', { password: `${secrets.newPassword} 2` });
    typed.push(rotated.recoveryKey);
    await shownOnScreen(backend, rotated);
    // Another rotation whose secrets never reached the screen (the PC went off) is undone at the next start.
    typed.push((await call(backend, 'vault.rotateDataKey', { password: `${secrets.newPassword} 2` })).recoveryKey);
    await call(backend, 'session.lock', {});
    await call(backend, 'vault.unlock', { username: coordinator.username, password: `${secrets.newPassword} 2` });

    const { entries, hasMore } = await call(backend, 'audit.list', { limit: 500 });
    expect(hasMore).toBe(false);
    return { backend, entries, typed };
  }

  it('records every action the contract names, each at least once in an ordinary day’s work', async () => {
    const { entries } = await walkThrough();
    const recorded = new Set(entries.map((e) => e.action));
    expect(auditActions.filter((action) => !recorded.has(action))).toEqual([]);
  });

  it('names who did it for everything done while signed in, and the username tried for failed unlocks', async () => {
    const { entries } = await walkThrough();
    const signedOut = new Set(['session.unlock-failed', 'session.recovery-failed', 'session.peer-sign-in-failed', 'backup.open-failed', 'backup.restore-refused']);
    // Done by Sebaya itself at the next unlock after a crash, for nobody in particular.
    const bySebaya = ['vault.secret-withdrawn', 'vault.data-key-rotation-withdrawn'];
    for (const action of bySebaya) signedOut.add(action);
    for (const entry of entries.filter((e) => !signedOut.has(e.action))) {
      expect([entry.action, entry.actorName]).toEqual([entry.action, expect.stringMatching(/^(sari|budi|dewi)$/)]);
    }
    const byAction = (action: string) => entries.filter((e) => e.action === action);
    expect(byAction('session.unlock-failed')[0]?.details).toEqual({ username: coordinator.username });
    expect(byAction('session.peer-signed-in')[0]?.actorName).toBe('budi');
    expect(byAction('session.peer-signed-out')[0]?.actorName).toBe('budi');
    expect(byAction('session.recovery-key-used')[0]?.actorName).toBe('sari');
    expect(byAction('settings.changed')[0]?.details).toEqual({ keys: ['schoolName', 'autoLockMinutes'] });
  });

  it('names the peer account tried in a failed sign-in, whether or not it exists', async () => {
    const { backend, entries } = await walkThrough();
    const tried = entries.find((e) => e.action === 'session.peer-sign-in-failed')!;
    expect([tried.actorUserId, tried.details]).toEqual([null, { username: 'budi' }]);
    await call(backend, 'session.handOverToPeer', {});
    await failure(backend, 'session.peerSignIn', { username: '  Nobody-Here ', pin: '1111' });
    await call(backend, 'session.lock', {});
    await call(backend, 'vault.unlock', { username: coordinator.username, password: `${secrets.newPassword} 2` });
    const [latest] = (await call(backend, 'audit.list', { action: 'session.peer-sign-in-failed', limit: 1 })).entries;
    expect([latest!.target, latest!.details]).toEqual([null, { username: 'nobody-here' }]);
  });

  it('names each record a page points at, its actors and the ids in its details, and leaves out only records that are gone', async () => {
    const { backend, entries } = await walkThrough();
    const { refs } = await call(backend, 'audit.list', { limit: 500 });
    const sari = Object.entries(refs).find(([, ref]) => ref.label === coordinator.fullName);
    expect(sari?.[0]).toMatch(/^user:\d+$/);
    const caseEntry = entries.find((e) => e.action === 'case.opened')!;
    expect(refs[caseEntry.target!]?.label).toMatch(/^HS-\d{4}-\d{3}$/);
    const reassigned = entries.find((e) => e.action === 'case.reassigned')!;
    expect(refs[`user:${String(reassigned.details.to)}`]?.label).toBe(secrets.supervisorName);
    const trained = entries.find((e) => e.action === 'training.session-recorded')!;
    expect(refs[`module:${String(trained.details.moduleId)}`]).toMatchObject({ label: expect.any(String), labelEn: expect.any(String) });
    expect(refs[trained.target!]?.on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // A thrown-away draft, a deleted outcome or outreach event are gone; the log still says what happened to them.
    const unresolved = new Set(entries.filter((e) => e.target && !refs[e.target]).map((e) => e.target));
    const removed = new Set(entries.filter((e) => ['outcome.deleted', 'outreach.deleted', 'session-log.draft-discarded'].includes(e.action)).map((e) => e.target));
    expect([...unresolved].sort()).toEqual([...removed].sort());
  });

  it('names a page of a hundred entries in one read per kind of record, not one per entry', async () => {
    const { backend } = await walkThrough();
    const db = backend.session.db;
    const reads = vi.spyOn(db, 'all');
    const { entries, refs } = await call(backend, 'audit.list', { limit: 100 });
    const kinds = new Set(Object.keys(refs).map((key) => key.split(':')[0]));
    expect(entries).toHaveLength(100);
    expect(reads.mock.calls.length).toBeLessThanOrEqual(1 + kinds.size + 1);
    reads.mockRestore();
  });

  it('never writes record content, names, PINs, passwords or keys into the log', async () => {
    const { entries, typed } = await walkThrough();
    const text = JSON.stringify(entries);
    for (const secret of [...Object.values(secrets), ...typed, coordinator.password, supervisor.password, coordinator.fullName]) {
      expect([secret, text.includes(secret)]).toEqual([secret, false]);
    }
  });

  it('stamps each entry with the time it happened', async () => {
    const clock = new TestClock();
    const backend = newBackend({ clock });
    await createdVault(backend);
    const createdAt = clock.now().toISOString();
    clock.advance(minutes(5));
    await call(backend, 'peers.create', { fullName: 'Budi Santoso', className: '8A' });
    const { entries } = await call(backend, 'audit.list', {});
    expect(entries.map((e: AuditEntry) => [e.action, e.at])).toEqual([
      ['peer.created', clock.now().toISOString()],
      ['vault.created', createdAt],
    ]);
  });

  it('still verifies after all of it', async () => {
    const { backend, entries } = await walkThrough();
    expect(await call(backend, 'audit.verify', { full: true })).toMatchObject({ ok: true, checked: entries.length, brokenAtId: null });
  });

  it('lists the newest first and pages back with beforeId', async () => {
    const backend = await vaultWithHistory();
    const first = await call(backend, 'audit.list', { limit: 2 });
    expect(first.hasMore).toBe(true);
    expect(first.entries.map((e) => e.id)).toEqual([...first.entries.map((e) => e.id)].sort((a, b) => b - a));
    const next = await call(backend, 'audit.list', { limit: 2, beforeId: first.entries[1]!.id });
    expect(next.entries[0]!.id).toBe(first.entries[1]!.id - 1);
  });

  it('lists only one kind of action when asked', async () => {
    const backend = await vaultWithHistory();
    await call(backend, 'session.lock', {});
    await unlockAsCoordinator(backend);
    const { entries } = await call(backend, 'audit.list', { action: 'peer.created' });
    expect(entries.map((e) => e.action)).toEqual(['peer.created', 'peer.created', 'peer.created']);
  });
});
