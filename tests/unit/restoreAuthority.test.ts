import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupCredential } from '../../src/contract';
import {
  addStaff,
  call,
  coordinator,
  createdVault,
  failure,
  newBackend,
  seconds,
  supervisor,
  tempDir,
  TestClock,
  unlockAsCoordinator,
} from './support/backend';
import { folderDigest } from './support/files';

/**
 * Issue 11: a restore over a vault needs *current* authority, and every secret
 * tried on the PC (unlock, backup verify, restore) passes one back-off.
 */
const leaver = { username: 'rina', fullName: 'Rina Marlina', role: 'coordinator' as const, password: 'the leaver passphrase' };
const asLeaver: BackupCredential = { kind: 'password', username: leaver.username, password: leaver.password };
const asCoordinator: BackupCredential = { kind: 'password', username: coordinator.username, password: coordinator.password };

/** A school whose second coordinator left after a backup was made: she still holds that backup and her old password. */
async function aSchoolWhoseCoordinatorLeft(clock = new TestClock()) {
  const backend = newBackend({ clock });
  const recoveryKey = await createdVault(backend);
  const leaverId = await addStaff(backend, leaver);
  const stick = tempDir('sebaya-usb-');
  const oldBackup = await call(backend, 'backups.create', { folder: stick });
  await call(backend, 'users.remove', { userId: leaverId });
  await call(backend, 'peers.create', { fullName: 'Ditulis Setelah Rina Pergi', className: '9A' });
  return { backend, clock, recoveryKey, stick, oldBackup };
}

async function peerNames(backend: ReturnType<typeof newBackend>): Promise<string[]> {
  return (await call(backend, 'peers.list', {})).peers.map((p) => p.fullName);
}

describe('restoring over the vault on this computer', () => {
  it('is refused to a removed coordinator holding an old backup and her old password, and the live vault stays as it was', async () => {
    const { backend, oldBackup } = await aSchoolWhoseCoordinatorLeft();
    await call(backend, 'session.lock', {});
    const dataDir = backend.session.config.dataDir;
    const before = folderDigest(dataDir, { withShm: false });

    // Her backup opens with her password (it was valid then) …
    expect((await call(backend, 'backups.verify', { file: oldBackup.file, credential: asLeaver })).ok).toBe(true);
    // … but it is not authority over the vault in force.
    expect(await failure(backend, 'backups.restore', { file: oldBackup.file, credential: asLeaver })).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'current-authority-required',
    });
    expect(await failure(backend, 'backups.restore', { file: oldBackup.file, credential: asLeaver, authority: asLeaver })).toMatchObject({
      code: 'WRONG_CREDENTIALS',
      reason: 'current-authority',
    });
    expect(folderDigest(dataDir, { withShm: false })).toEqual({ ...before, 'unlock-attempts.json': expect.any(String) });
    await unlockAsCoordinator(backend);
    expect(await peerNames(backend)).toContain('Ditulis Setelah Rina Pergi');
  });

  it('is refused to her after a data-key rotation too, and the current coordinator can still restore that backup', async () => {
    const { backend, oldBackup } = await aSchoolWhoseCoordinatorLeft();
    await call(backend, 'vault.rotateDataKey', { password: coordinator.password });
    await call(backend, 'session.lock', {});
    expect((await failure(backend, 'backups.restore', { file: oldBackup.file, credential: asLeaver })).reason).toBe('current-authority-required');

    // The current coordinator's password opens the old backup and is authority over the vault in force.
    const restored = await call(backend, 'backups.restore', { file: oldBackup.file, credential: asCoordinator });
    expect(restored.status).toMatchObject({ state: 'locked', lockReason: 'restored' });
    await unlockAsCoordinator(backend);
    expect(await peerNames(backend)).not.toContain('Ditulis Setelah Rina Pergi');
  });

  it('accepts the current recovery key as authority when the backup is opened with another secret', async () => {
    const { backend, recoveryKey, oldBackup } = await aSchoolWhoseCoordinatorLeft();
    await call(backend, 'session.lock', {});
    const restored = await call(backend, 'backups.restore', {
      file: oldBackup.file,
      credential: asLeaver,
      authority: { kind: 'recoveryKey', recoveryKey },
    });
    expect(restored.keptAt).toContain('previous-vaults');
  });

  it('does not take a current supervisor’s password as authority: only a coordinator may replace the vault', async () => {
    const backend = newBackend();
    await createdVault(backend);
    await addStaff(backend, supervisor);
    const made = await call(backend, 'backups.create', { folder: tempDir('sebaya-usb-') });
    await call(backend, 'session.lock', {});
    const asSupervisor: BackupCredential = { kind: 'password', username: supervisor.username, password: supervisor.password };
    expect(await failure(backend, 'backups.restore', { file: made.file, credential: asSupervisor, authority: asSupervisor })).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'current-authority-not-coordinator',
    });
  });

  it('lets a signed-in coordinator restore without a second secret', async () => {
    const { backend, oldBackup } = await aSchoolWhoseCoordinatorLeft();
    const restored = await call(backend, 'backups.restore', { file: oldBackup.file, credential: asLeaver });
    expect(restored.status.state).toBe('locked');
  });

  it('still restores on a new computer with any secret the backup accepts', async () => {
    const { oldBackup } = await aSchoolWhoseCoordinatorLeft();
    const newPc = newBackend();
    expect((await call(newPc, 'backups.restore', { file: oldBackup.file, credential: asLeaver })).keptAt).toBeNull();
  });

  it('says what is needed when the key slots of the vault here are damaged, and keeps its files', async () => {
    const { backend, oldBackup } = await aSchoolWhoseCoordinatorLeft();
    await call(backend, 'session.lock', {});
    const dataDir = backend.session.config.dataDir;
    writeFileSync(path.join(dataDir, 'keyslots.json'), '{"format": "sebaya-keyslots", "damaged": true');
    expect(await failure(backend, 'backups.restore', { file: oldBackup.file, credential: asCoordinator })).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'current-authority-key-slots-damaged',
    });
    expect(existsSync(path.join(dataDir, 'vault.db'))).toBe(true);
  });
});

describe('a backup of another school', () => {
  it('says whose it is, and replaces this vault only after the coordinator types that school’s name', async () => {
    const other = newBackend();
    await call(other, 'vault.create', { ...coordinator, schoolName: 'SMA Swasta Lain' });
    const theirs = await call(other, 'backups.create', { folder: tempDir('sebaya-usb-') });
    const { backend } = await aSchoolWhoseCoordinatorLeft();

    expect((await call(backend, 'backups.verify', { file: theirs.file })).belongsTo).toBe('other-vault');
    expect(await failure(backend, 'backups.restore', { file: theirs.file, credential: asCoordinator })).toMatchObject({
      code: 'CONFLICT',
      reason: 'other-school',
      params: { schoolName: 'SMA Swasta Lain' },
    });
    expect((await failure(backend, 'backups.restore', { file: theirs.file, credential: asCoordinator, confirmSchoolName: 'SMP Negeri 3' })).reason).toBe(
      'other-school',
    );
    const restored = await call(backend, 'backups.restore', { file: theirs.file, credential: asCoordinator, confirmSchoolName: '  sma swasta  LAIN ' });
    expect(restored.backup.schoolName).toBe('SMA Swasta Lain');
  });
});

describe('one back-off for every secret', () => {
  const wrong: BackupCredential = { kind: 'password', username: coordinator.username, password: 'a wrong guess' };

  it('slows guessing through the backup check exactly like the unlock screen, and the audit log names the guesses', async () => {
    const clock = new TestClock();
    const { backend, oldBackup } = await aSchoolWhoseCoordinatorLeft(clock);
    await call(backend, 'session.lock', {});
    for (let i = 0; i < 3; i += 1) {
      expect((await failure(backend, 'backups.verify', { file: oldBackup.file, credential: wrong })).code).toBe('WRONG_CREDENTIALS');
    }
    const limited = await failure(backend, 'backups.verify', { file: oldBackup.file, credential: wrong });
    expect(limited).toMatchObject({ code: 'RATE_LIMITED', params: { retryAfterSeconds: 5 } });
    // The same username is held back at the unlock screen and at a restore, even with the right password.
    expect((await failure(backend, 'vault.unlock', { username: coordinator.username, password: coordinator.password })).code).toBe('RATE_LIMITED');
    expect((await failure(backend, 'backups.restore', { file: oldBackup.file, credential: asCoordinator })).code).toBe('RATE_LIMITED');

    clock.advance(seconds(5));
    await unlockAsCoordinator(backend);
    const guesses = (await call(backend, 'audit.list', { action: 'backup.open-failed' })).entries;
    expect(guesses).toHaveLength(3);
    expect(guesses[0]).toMatchObject({ actorName: null, details: { username: coordinator.username, with: 'password' } });
  });

  it('slows guessing of the current vault’s secret at a restore, and records it as a refused restore', async () => {
    const clock = new TestClock();
    const { backend, oldBackup } = await aSchoolWhoseCoordinatorLeft(clock);
    await call(backend, 'session.lock', {});
    for (let i = 0; i < 3; i += 1) {
      expect((await failure(backend, 'backups.restore', { file: oldBackup.file, credential: asLeaver, authority: wrong })).code).toBe('WRONG_CREDENTIALS');
    }
    expect((await failure(backend, 'backups.restore', { file: oldBackup.file, credential: asLeaver, authority: wrong })).code).toBe('RATE_LIMITED');
    clock.advance(seconds(5));
    await unlockAsCoordinator(backend);
    expect((await call(backend, 'audit.list', { action: 'backup.restore-refused' })).entries).toHaveLength(3);
  });

  it('holds back the whole computer after ten wrong secrets across usernames, which the lock screen counts down', async () => {
    const clock = new TestClock();
    const backend = newBackend({ clock });
    await createdVault(backend);
    await call(backend, 'session.lock', {});
    for (let i = 0; i < 10; i += 1) {
      const code = (await failure(backend, 'vault.unlock', { username: `guess${i}`, password: 'nope' })).code;
      expect(code).toBe('WRONG_CREDENTIALS');
    }
    expect((await call(backend, 'app.status', {})).retryAfterSeconds).toBe(5);
    expect((await failure(backend, 'vault.unlock', { username: 'another', password: 'nope' })).code).toBe('RATE_LIMITED');
  });

  it('does not forgive the guesses against one account when another signs in', async () => {
    const clock = new TestClock();
    const backend = newBackend({ clock });
    await createdVault(backend);
    await addStaff(backend, supervisor);
    await call(backend, 'session.lock', {});
    for (let i = 0; i < 3; i += 1) await failure(backend, 'vault.unlock', { username: coordinator.username, password: 'nope' });
    clock.advance(seconds(5));
    await call(backend, 'vault.unlock', { username: supervisor.username, password: supervisor.password });
    await call(backend, 'session.lock', {});
    // The fourth wrong guess against the coordinator still waits its 10 s.
    await failure(backend, 'vault.unlock', { username: coordinator.username, password: 'nope' });
    expect((await failure(backend, 'vault.unlock', { username: coordinator.username, password: coordinator.password })).code).toBe('RATE_LIMITED');
  });

  it('holds back guesses of the signed-in coordinator’s own password too, and writes each to the audit log', async () => {
    const clock = new TestClock();
    const backend = newBackend({ clock });
    await createdVault(backend);
    for (let i = 0; i < 3; i += 1) {
      expect(await failure(backend, 'vault.rotateDataKey', { password: 'a guess' })).toMatchObject({ code: 'VALIDATION', field: 'password' });
    }
    expect((await failure(backend, 'vault.rotateDataKey', { password: coordinator.password })).code).toBe('RATE_LIMITED');
    expect((await call(backend, 'audit.list', { action: 'session.password-check-failed' })).entries).toHaveLength(3);
  });
});
