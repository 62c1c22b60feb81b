import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { defaultDriver } from '../../electron/backend/db/drivers';
import { openSlot, openSlotWithCredential, readKeySlotFile, usernameLookup, type KeySlot, type KeySlotFile } from '../../electron/backend/vault/keySlots';
import { vaultPaths } from '../../electron/backend/vault/paths';
import {
  addPeerAccount,
  addStaff,
  call,
  coordinator,
  createdVault,
  errorOf,
  failure,
  newBackend,
  seconds,
  supervisor,
  tempDir,
  TestClock,
  shownOnScreen,
  unlockAsCoordinator,
} from './support/backend';
import { fileNames, filesContaining, filesUnder, folderBytes, folderDigest, mode } from './support/files';

const wrongPassword = 'not the right password';

function keySlots(dataDir: string): KeySlotFile {
  return JSON.parse(readFileSync(vaultPaths(dataDir).keySlots, 'utf8')) as KeySlotFile;
}

function editKeySlots(dataDir: string, edit: (file: KeySlotFile) => void): void {
  const file = keySlots(dataDir);
  edit(file);
  writeFileSync(vaultPaths(dataDir).keySlots, JSON.stringify(file));
}

function slotOfUser(file: KeySlotFile, userId: number): KeySlot {
  const slot = file.slots.find((s) => s.kind === 'user' && s.userId === userId);
  if (!slot) throw new Error(`no key slot for user ${userId}`);
  return slot;
}

/** Changes one base64 character, so the decoded bytes differ (the first character never only carries padding bits). */
function flipBase64(text: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const next = alphabet[(alphabet.indexOf(text[0]!) + 1) % alphabet.length]!;
  return next + text.slice(1);
}

async function coordinatorId(backend: Backend): Promise<number> {
  const status = await call(backend, 'app.status', {});
  if (!status.user) throw new Error('nobody is signed in');
  return status.user.userId;
}

/** A vault in its own folder, created and then locked. */
async function lockedVault(options: { clock?: TestClock } = {}) {
  const dataDir = tempDir();
  const backend = newBackend({ dataDir, ...options });
  const recoveryKey = await createdVault(backend);
  await call(backend, 'session.lock', {});
  return { backend, dataDir, recoveryKey };
}

describe('creating, unlocking and locking a vault', () => {
  it('reports "no-vault" for a folder that holds no vault yet', async () => {
    const status = await call(newBackend(), 'app.status', {});
    expect(status).toMatchObject({ state: 'no-vault', user: null, schoolName: null });
  });

  it('creates a vault, signs the coordinator in and shows a recovery key in groups for writing down', async () => {
    const backend = newBackend();
    const created = await call(backend, 'vault.create', coordinator);
    expect(created.recoveryKey).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(created.status).toMatchObject({
      state: 'unlocked',
      schoolName: coordinator.schoolName,
      user: { username: coordinator.username, fullName: coordinator.fullName, role: 'coordinator', language: 'id' },
    });
  });

  it('locks: the status then names no school and no user, and records why', async () => {
    const backend = newBackend();
    await createdVault(backend);
    const status = await call(backend, 'session.lock', {});
    expect(status).toMatchObject({ state: 'locked', user: null, schoolName: null, autoLockMinutes: null, lockReason: 'manual' });
    expect(errorOf(await backend.invoke('peers.list', {})).code).toBe('LOCKED');
  });

  it('unlocks with the right password and everything saved before the lock is back', async () => {
    const { backend } = await lockedVault();
    const status = await call(backend, 'vault.unlock', { username: coordinator.username, password: coordinator.password });
    expect(status).toMatchObject({ state: 'unlocked', schoolName: coordinator.schoolName, user: { username: 'sari' } });
    expect((await call(backend, 'settings.get', {})).schoolName).toBe(coordinator.schoolName);
  });

  it('accepts the username in any case and with spaces around it', async () => {
    const { backend } = await lockedVault();
    const status = await call(backend, 'vault.unlock', { username: '  SARI ', password: coordinator.password });
    expect(status.state).toBe('unlocked');
  });

  it('remembers the language a user picked, across a lock', async () => {
    const { backend } = await lockedVault();
    await unlockAsCoordinator(backend);
    expect(await call(backend, 'session.setLanguage', { language: 'en' })).toEqual({ language: 'en' });
    expect((await call(backend, 'app.status', {})).user?.language).toBe('en');
    await call(backend, 'session.lock', {});
    expect((await call(backend, 'vault.unlock', { username: 'sari', password: coordinator.password })).user?.language).toBe('en');
  });

  it('finds a locked vault when the app starts again on the same folder', async () => {
    const { dataDir } = await lockedVault();
    const restarted = newBackend({ dataDir });
    expect(await call(restarted, 'app.status', {})).toMatchObject({ state: 'locked', lockReason: 'startup' });
    await unlockAsCoordinator(restarted);
  });

  it('refuses to create a second vault over an existing one and leaves the first untouched', async () => {
    const { backend, dataDir } = await lockedVault();
    const before = folderDigest(dataDir);
    const error = await failure(backend, 'vault.create', { ...coordinator, username: 'intruder', password: 'intruder password' });
    expect(error).toMatchObject({ code: 'CONFLICT', reason: 'vault-exists' });
    expect(folderDigest(dataDir)).toEqual(before);
    await unlockAsCoordinator(backend);
  });
});

describe('wrong passwords', () => {
  it('refuses a wrong password with WRONG_CREDENTIALS and stays locked', async () => {
    const { backend } = await lockedVault();
    const error = await failure(backend, 'vault.unlock', { username: coordinator.username, password: wrongPassword });
    expect(error).toEqual({ code: 'WRONG_CREDENTIALS', message: 'The username or password is not correct.' });
    expect((await call(backend, 'app.status', {})).state).toBe('locked');
  });

  it('answers an unknown username exactly as it answers a wrong password, so neither part is hinted', async () => {
    const { backend } = await lockedVault();
    const wrongPasswordError = await failure(backend, 'vault.unlock', { username: coordinator.username, password: wrongPassword });
    const unknownUserError = await failure(backend, 'vault.unlock', { username: 'nobody', password: coordinator.password });
    expect(unknownUserError).toEqual(wrongPasswordError);
  });

  it('makes the next attempt wait after three wrong passwords, even when it has the right password', async () => {
    const clock = new TestClock();
    const { backend } = await lockedVault({ clock });
    for (let i = 0; i < 3; i++) {
      expect((await failure(backend, 'vault.unlock', { username: 'sari', password: wrongPassword })).code).toBe('WRONG_CREDENTIALS');
    }
    const error = await failure(backend, 'vault.unlock', { username: 'sari', password: coordinator.password });
    expect(error).toMatchObject({ code: 'RATE_LIMITED', params: { retryAfterSeconds: 5 } });
    expect((await call(backend, 'app.status', {})).retryAfterSeconds).toBe(5);

    clock.advance(seconds(5));
    expect((await call(backend, 'vault.unlock', { username: 'sari', password: coordinator.password })).state).toBe('unlocked');
  });

  it('doubles the wait with each further wrong password, up to five minutes', async () => {
    const clock = new TestClock();
    const { backend } = await lockedVault({ clock });
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      await failure(backend, 'vault.unlock', { username: 'sari', password: wrongPassword });
      const wait = (await call(backend, 'app.status', {})).retryAfterSeconds;
      waits.push(wait);
      clock.advance(seconds(wait));
    }
    expect(waits).toEqual([0, 0, 5, 10, 20, 40, 80, 160, 300, 300]);
  });

  it('keeps the wait when the app is restarted on the same folder', async () => {
    const clock = new TestClock();
    const { dataDir, backend } = await lockedVault({ clock });
    for (let i = 0; i < 4; i++) {
      await backend.invoke('vault.unlock', { username: 'sari', password: wrongPassword });
      clock.advance(seconds(5));
    }
    const restarted = newBackend({ dataDir, clock });
    const error = await failure(restarted, 'vault.unlock', { username: 'sari', password: coordinator.password });
    expect(error).toMatchObject({ code: 'RATE_LIMITED' });
    expect(error.params?.retryAfterSeconds).toBeGreaterThan(0);
    expect((await call(restarted, 'app.status', {})).retryAfterSeconds).toBe(error.params?.retryAfterSeconds);
  });

  it('starts counting afresh after a successful unlock', async () => {
    const clock = new TestClock();
    const { backend } = await lockedVault({ clock });
    for (let i = 0; i < 3; i++) await backend.invoke('vault.unlock', { username: 'sari', password: wrongPassword });
    clock.advance(seconds(5));
    await unlockAsCoordinator(backend);
    await call(backend, 'session.lock', {});
    expect((await failure(backend, 'vault.unlock', { username: 'sari', password: wrongPassword })).code).toBe('WRONG_CREDENTIALS');
    expect((await call(backend, 'app.status', {})).retryAfterSeconds).toBe(0);
  });

  it('writes failed unlocks into the audit log at the next successful unlock, naming only known usernames', async () => {
    const { backend } = await lockedVault();
    await backend.invoke('vault.unlock', { username: 'sari', password: wrongPassword });
    // People type their password into the username box; an unknown username is not written down.
    await backend.invoke('vault.unlock', { username: 'typed-password-here', password: wrongPassword });
    await unlockAsCoordinator(backend);

    const { entries } = await call(backend, 'audit.list', {});
    const failed = entries.filter((e) => e.action === 'session.unlock-failed').reverse();
    expect(failed.map((e) => e.details.username)).toEqual(['sari', null]);
    expect(failed.every((e) => e.actorUserId === null)).toBe(true);
    expect(JSON.stringify(entries)).not.toContain('typed-password-here');
    expect(entries[0]).toMatchObject({ action: 'session.unlocked', actorName: 'sari' });
  });
});

describe('peers hold no key to the vault', () => {
  const peer = { fullName: 'Budi Santoso', username: 'budi', pin: '4321' };

  it('refuses a peer PIN sign-in while the vault is locked', async () => {
    const backend = newBackend();
    await createdVault(backend);
    await addPeerAccount(backend, peer);
    await call(backend, 'session.lock', {});

    expect((await failure(backend, 'session.peerSignIn', { username: peer.username, pin: peer.pin })).code).toBe('LOCKED');
    expect((await failure(backend, 'vault.unlock', { username: peer.username, password: peer.pin })).code).toBe('WRONG_CREDENTIALS');
    expect((await call(backend, 'app.status', {})).state).toBe('locked');
  });

  it('keeps no key slot for a peer account: only staff and the recovery key have one', async () => {
    const dataDir = tempDir();
    const backend = newBackend({ dataDir });
    await createdVault(backend);
    const supervisorId = await addStaff(backend, supervisor);
    const { userId: peerUserId } = await addPeerAccount(backend, peer);

    const slots = keySlots(dataDir).slots;
    expect(slots.some((s) => s.userId === peerUserId)).toBe(false);
    expect(slots.map((s) => [s.kind, s.userId]).sort()).toEqual([
      ['recovery', null],
      ['user', await coordinatorId(backend)],
      ['user', supervisorId],
    ].sort());
  });
});

describe('what the vault leaves on disk', () => {
  it('writes no saved name, draft or username in clear to the database, -wal, -shm, key slots or any temp file', async () => {
    const marker = `Marker${randomUUID().replace(/-/g, '')}`;
    const userMarker = `u${marker.slice(6, 30).toLowerCase()}`;
    const before = filesUnder(os.tmpdir());
    const dataDir = tempDir();
    const backend = newBackend({ dataDir });
    await call(backend, 'vault.create', { ...coordinator, fullName: `Coordinator ${marker}`, schoolName: `School ${marker}` });
    await call(backend, 'peers.create', { fullName: `Peer ${marker}`, className: '8A' });
    await call(backend, 'users.createStaff', { username: userMarker, fullName: `Staff ${marker}`, role: 'supervisor' });
    expect((await call(backend, 'peers.list', {})).peers[0]?.fullName).toBe(`Peer ${marker}`);

    const paths = vaultPaths(dataDir);
    const whileOpen = [paths.database, `${paths.database}-wal`, `${paths.database}-shm`, paths.keySlots];
    // last-user.json holds the username that unlocked last (the coordinator who made the vault), for the unlock screen.
    expect(fileNames(dataDir)).toEqual(['keyslots.json', 'last-user.json', 'vault.db', 'vault.db-shm', 'vault.db-wal']);
    expect(filesContaining(whileOpen, marker)).toEqual([]);

    await call(backend, 'session.lock', { drafts: [{ formKey: 'peer-form', area: 'peers', payload: JSON.stringify({ note: marker }) }] });
    await backend.invoke('vault.unlock', { username: userMarker, password: wrongPassword });

    const created = [...filesUnder(os.tmpdir())].filter((file) => !before.has(file));
    expect(created).toEqual(expect.arrayContaining([paths.database, paths.keySlots, paths.unlockAttempts]));
    expect(filesContaining(created, marker)).toEqual([]);
    expect(filesContaining(created, userMarker)).toEqual([]);
    expect(filesContaining([paths.keySlots, paths.unlockAttempts], coordinator.username)).toEqual([]);

    // The search itself works: a file that does hold the marker is found.
    writeFileSync(path.join(dataDir, 'control.txt'), `x${marker}x`);
    expect(filesContaining(filesUnder(dataDir), marker)).toEqual([path.join(dataDir, 'control.txt')]);
  });

  it('encrypts the whole database file, header included', async () => {
    const { dataDir } = await lockedVault();
    const head = readFileSync(vaultPaths(dataDir).database).subarray(0, 16);
    expect(head.toString('latin1')).not.toBe('SQLite format 3\0');
    expect(head.toString('latin1')).not.toContain('SQLite');
  });

  it.skipIf(process.platform === 'win32')('makes the database, its -wal and -shm, and the key files readable by their owner only', async () => {
    const dataDir = path.join(tempDir(), 'Sebaya', 'vault');
    const backend = newBackend({ dataDir });
    await createdVault(backend);
    const paths = vaultPaths(dataDir);
    expect(mode(dataDir)).toBe(0o700);
    for (const file of [paths.database, `${paths.database}-wal`, `${paths.database}-shm`, paths.keySlots]) {
      expect([file, mode(file)]).toEqual([file, 0o600]);
    }
    await call(backend, 'users.changeOwnPassword', { currentPassword: coordinator.password, newPassword: 'another long password' });
    expect(mode(paths.keySlots)).toBe(0o600);
    await call(backend, 'session.lock', {});
    await backend.invoke('vault.unlock', { username: 'sari', password: wrongPassword });
    expect(mode(paths.unlockAttempts)).toBe(0o600);
    expect(mode(paths.database)).toBe(0o600);
  });

  it('keeps nothing in its folder but the database, its -wal and -shm, the key slots, the failed-attempts file and the last username', async () => {
    const dataDir = tempDir();
    const backend = newBackend({ dataDir });
    const allowed = ['keyslots.json', 'last-user.json', 'unlock-attempts.json', 'vault.db', 'vault.db-shm', 'vault.db-wal'];
    const expectOnlyVaultFiles = () => expect(allowed).toEqual(expect.arrayContaining(fileNames(dataDir)));

    await createdVault(backend);
    expectOnlyVaultFiles();
    await addStaff(backend, supervisor);
    await call(backend, 'users.changeOwnPassword', { currentPassword: coordinator.password, newPassword: 'another long password' });
    expectOnlyVaultFiles();
    await call(backend, 'session.lock', {});
    expect(fileNames(dataDir)).toEqual(['keyslots.json', 'last-user.json', 'vault.db']);
    await backend.invoke('vault.unlock', { username: 'sari', password: wrongPassword });
    expect(fileNames(dataDir)).toEqual(['keyslots.json', 'last-user.json', 'unlock-attempts.json', 'vault.db']);
    await call(backend, 'vault.unlock', { username: 'sari', password: 'another long password' });
    expectOnlyVaultFiles();
    expect(fileNames(dataDir)).not.toContain('unlock-attempts.json');
  });
});

describe('tampered key slots', () => {
  const tamperings: Array<[string, (slot: KeySlot) => void]> = [
    ['its ciphertext', (slot) => void (slot.ciphertext = flipBase64(slot.ciphertext))],
    ['its authentication tag', (slot) => void (slot.tag = flipBase64(slot.tag))],
    ['its nonce', (slot) => void (slot.iv = flipBase64(slot.iv))],
    ['the KDF cost N', (slot) => void (slot.kdf.N *= 2)],
    ['the KDF block size r', (slot) => void (slot.kdf.r += 1)],
    ['the KDF salt', (slot) => void (slot.kdf.salt = flipBase64(slot.kdf.salt))],
    ['an absurd KDF cost', (slot) => void (slot.kdf.N = 2 ** 40)],
  ];

  it.each(tamperings)('refuses to unlock when a slot has %s changed, and opens again once the file is restored', async (_what, tamper) => {
    const { backend, dataDir } = await lockedVault();
    const original = readFileSync(vaultPaths(dataDir).keySlots);
    editKeySlots(dataDir, (file) => tamper(slotOfUser(file, 1)));

    const error = await failure(backend, 'vault.unlock', { username: 'sari', password: coordinator.password });
    expect(error.code).toBe('WRONG_CREDENTIALS');
    expect((await call(backend, 'app.status', {})).state).toBe('locked');

    writeFileSync(vaultPaths(dataDir).keySlots, original);
    await unlockAsCoordinator(backend);
  });

  it('does not let a supervisor slot be re-labelled as the coordinator’s to sign in as the coordinator', async () => {
    const dataDir = tempDir();
    const backend = newBackend({ dataDir });
    await createdVault(backend);
    const supervisorId = await addStaff(backend, supervisor);
    await call(backend, 'session.lock', {});
    editKeySlots(dataDir, (file) => {
      file.slots = file.slots.filter((s) => !(s.kind === 'user' && s.userId === 1));
      slotOfUser(file, supervisorId).userId = 1;
    });
    const error = await failure(backend, 'vault.unlock', { username: supervisor.username, password: supervisor.password });
    expect(error.code).toBe('WRONG_CREDENTIALS');
  });

  it('refuses the recovery key when the recovery slot was tampered with', async () => {
    const { backend, dataDir, recoveryKey } = await lockedVault();
    editKeySlots(dataDir, (file) => {
      const slot = file.slots.find((s) => s.kind === 'recovery')!;
      slot.ciphertext = flipBase64(slot.ciphertext);
    });
    const error = await failure(backend, 'vault.unlockWithRecoveryKey', { username: 'sari', recoveryKey });
    expect(error).toMatchObject({ code: 'WRONG_CREDENTIALS', reason: 'recovery-key' });
  });

  it('reports a key slot file that is not JSON as a damaged vault', async () => {
    const { backend, dataDir } = await lockedVault();
    writeFileSync(vaultPaths(dataDir).keySlots, '{"format": "sebaya-keyslots", ');
    expect((await failure(backend, 'vault.unlock', { username: 'sari', password: coordinator.password })).code).toBe('VAULT_DAMAGED');
  });

  it('refuses key slots copied from another vault as damaged, without touching the database', async () => {
    const { backend, dataDir } = await lockedVault();
    const other = await lockedVault();
    writeFileSync(vaultPaths(dataDir).keySlots, readFileSync(vaultPaths(other.dataDir).keySlots));
    const before = folderDigest(dataDir);
    // The other vault's slot opens with the same password, but its key does not decrypt this database.
    expect((await failure(backend, 'vault.unlock', { username: 'sari', password: coordinator.password })).code).toBe('VAULT_DAMAGED');
    expect(folderDigest(dataDir)).toEqual(before);
  });
});

/** Whether a recovery key opens the vault's recovery slot right now. */
async function recoveryKeyOpensSlot(backend: Backend, recoveryKey: string): Promise<boolean> {
  const opened = await openSlotWithCredential(await readKeySlotFile(backend.session.openVault.paths.keySlots), { kind: 'recoveryKey', recoveryKey });
  opened?.key.fill(0);
  return opened !== null;
}

describe('changing a password', () => {
  it('rewraps only the user’s key slot: the database and -wal bytes stay the same', async () => {
    const dataDir = tempDir();
    const backend = newBackend({ dataDir });
    await createdVault(backend);
    await call(backend, 'peers.create', { fullName: 'Budi Santoso', className: '8A' });
    const vault = backend.session.openVault;
    const userId = await coordinatorId(backend);
    const slotsBefore = keySlots(dataDir);
    expect(folderBytes(dataDir).get('vault.db-wal')?.length).toBeGreaterThan(0);
    const before = folderDigest(dataDir, { withShm: false });

    // The vault layer's part of a password change (slotChanges.ts records it in the database around this).
    const slot = await vault.newSlot({ kind: 'user', userId, username: coordinator.username }, 'a brand new password', 'a-change');
    await vault.editSlots((slots) => [...slots.filter((s) => s.userId !== userId), { ...slot, pending: undefined }]);

    const after = folderDigest(dataDir, { withShm: false });
    expect(after['vault.db']).toBe(before['vault.db']);
    expect(after['vault.db-wal']).toBe(before['vault.db-wal']);
    expect(after['keyslots.json']).not.toBe(before['keyslots.json']);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    // Every other slot is kept exactly as it was.
    const slotsAfter = await readKeySlotFile(vault.paths.keySlots);
    const others = (file: KeySlotFile) => file.slots.filter((s) => s.userId !== userId);
    expect(others(slotsAfter)).toEqual(others(slotsBefore));

    const newSlot = slotOfUser(slotsAfter, userId);
    expect(newSlot.lookup).toBe(usernameLookup(vault.vaultId, coordinator.username));
    const unwrapped = await openSlot(vault.vaultId, newSlot, 'a brand new password');
    await vault.withDataKey(async (dataKey) => expect(unwrapped?.equals(dataKey)).toBe(true));
    expect(await openSlot(vault.vaultId, newSlot, coordinator.password)).toBeNull();
  });

  it('lets a user change their own password: the new one unlocks at once and the old one stops working', async () => {
    const { backend } = await lockedVault();
    await unlockAsCoordinator(backend);
    await call(backend, 'users.changeOwnPassword', { currentPassword: coordinator.password, newPassword: 'a brand new password' });
    await call(backend, 'session.lock', {});
    expect((await failure(backend, 'vault.unlock', { username: 'sari', password: coordinator.password })).code).toBe('WRONG_CREDENTIALS');
    expect((await call(backend, 'vault.unlock', { username: 'sari', password: 'a brand new password' })).state).toBe('unlocked');
  });

  it('asks for the current password before changing it, and names that field when it is wrong', async () => {
    const backend = newBackend();
    await createdVault(backend);
    const error = await failure(backend, 'users.changeOwnPassword', { currentPassword: wrongPassword, newPassword: 'a brand new password' });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'currentPassword', reason: 'wrong_password' });
    await call(backend, 'session.lock', {});
    await unlockAsCoordinator(backend);
  });
});

describe('the recovery key', () => {
  it('unlocks into "password required", where nothing but setting a new password is possible', async () => {
    const { backend, recoveryKey } = await lockedVault();
    const status = await call(backend, 'vault.unlockWithRecoveryKey', { username: 'sari', recoveryKey });
    expect(status).toMatchObject({ state: 'password-required', passwordRequiredReason: 'recovery', user: { username: 'sari' } });

    for (const method of ['peers.list', 'users.list', 'settings.get', 'audit.list', 'session.heartbeat', 'drafts.list'] as const) {
      expect([method, errorOf(await backend.invoke(method, {})).code]).toEqual([method, 'LOCKED']);
    }
    expect((await failure(backend, 'session.handOverToPeer', {})).code).toBe('LOCKED');

    const unlocked = await call(backend, 'vault.setNewPassword', { newPassword: 'my new long password' });
    expect(unlocked).toMatchObject({ state: 'unlocked', user: { username: 'sari' } });
    expect(await call(backend, 'peers.list', {})).toEqual({ peers: [], total: 0 });
  });

  it('leaves the new password working after a recovery, and the forgotten one no longer', async () => {
    const { backend, recoveryKey } = await lockedVault();
    await call(backend, 'vault.unlockWithRecoveryKey', { username: 'sari', recoveryKey });
    await call(backend, 'vault.setNewPassword', { newPassword: 'my new long password' });
    await call(backend, 'session.lock', {});

    expect((await failure(backend, 'vault.unlock', { username: 'sari', password: coordinator.password })).code).toBe('WRONG_CREDENTIALS');
    expect((await call(backend, 'vault.unlock', { username: 'sari', password: 'my new long password' })).state).toBe('unlocked');
  });

  it('forgives lower case and spaces instead of dashes when the key is typed in', async () => {
    const { backend, recoveryKey } = await lockedVault();
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
    expect((await call(backend, 'vault.unlockWithRecoveryKey', { username: 'sari', recoveryKey: typed })).state).toBe('password-required');
  });

  it('refuses a wrong recovery key and counts it toward the wait', async () => {
    const clock = new TestClock();
    const { backend, recoveryKey } = await lockedVault({ clock });
    const wrong = recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    for (let i = 0; i < 3; i++) {
      expect(await failure(backend, 'vault.unlockWithRecoveryKey', { username: 'sari', recoveryKey: wrong })).toMatchObject({
        code: 'WRONG_CREDENTIALS',
        reason: 'recovery-key',
      });
    }
    expect((await failure(backend, 'vault.unlockWithRecoveryKey', { username: 'sari', recoveryKey })).code).toBe('RATE_LIMITED');
  });

  it('can be replaced by a coordinator who gives their password: the old key stops working, the new one works', async () => {
    const backend = newBackend();
    const oldKey = await createdVault(backend);
    expect(await failure(backend, 'vault.newRecoveryKey', { password: wrongPassword })).toMatchObject({ code: 'VALIDATION', field: 'password' });
    const replaced = await call(backend, 'vault.newRecoveryKey', { password: coordinator.password });
    const newKey = replaced.recoveryKey;
    expect(newKey).not.toBe(oldKey);
    // The key on paper works until the screen shows the new one.
    expect(await recoveryKeyOpensSlot(backend, oldKey)).toBe(true);
    await shownOnScreen(backend, replaced);
    expect(await recoveryKeyOpensSlot(backend, oldKey)).toBe(false);
    await call(backend, 'session.lock', {});
    expect((await failure(backend, 'vault.unlockWithRecoveryKey', { username: 'sari', recoveryKey: oldKey })).code).toBe('WRONG_CREDENTIALS');
    expect((await call(backend, 'vault.unlockWithRecoveryKey', { username: 'sari', recoveryKey: newKey })).state).toBe('password-required');
  });

  it('is not needed by anyone else: a new password set after recovery leaves other users’ passwords alone', async () => {
    const backend = newBackend();
    const recoveryKey = await createdVault(backend);
    await addStaff(backend, supervisor);
    await call(backend, 'session.lock', {});
    await call(backend, 'vault.unlockWithRecoveryKey', { username: 'sari', recoveryKey });
    await call(backend, 'vault.setNewPassword', { newPassword: 'my new long password' });
    await call(backend, 'session.lock', {});
    expect((await call(backend, 'vault.unlock', { username: supervisor.username, password: supervisor.password })).state).toBe('unlocked');
  });
});

describe('staff accounts and their keys', () => {
  it('stops a removed user from unlocking, and removes their key slot', async () => {
    const dataDir = tempDir();
    const backend = newBackend({ dataDir });
    await createdVault(backend);
    const supervisorId = await addStaff(backend, supervisor);
    await call(backend, 'users.remove', { userId: supervisorId });
    await call(backend, 'session.lock', {});

    expect(keySlots(dataDir).slots.some((s) => s.userId === supervisorId)).toBe(false);
    const error = await failure(backend, 'vault.unlock', { username: supervisor.username, password: supervisor.password });
    expect(error.code).toBe('WRONG_CREDENTIALS');
  });

  it('stops a disabled user from unlocking, and removes their key slot', async () => {
    const dataDir = tempDir();
    const backend = newBackend({ dataDir });
    await createdVault(backend);
    const supervisorId = await addStaff(backend, supervisor);
    expect((await call(backend, 'users.disable', { userId: supervisorId })).user.status).toBe('disabled');
    await call(backend, 'session.lock', {});

    expect(keySlots(dataDir).slots.some((s) => s.userId === supervisorId)).toBe(false);
    const error = await failure(backend, 'vault.unlock', { username: supervisor.username, password: supervisor.password });
    expect(error.code).toBe('WRONG_CREDENTIALS');
  });

  it('gives a re-enabled user a temporary password that must be replaced at the next unlock', async () => {
    const backend = newBackend();
    await createdVault(backend);
    const supervisorId = await addStaff(backend, supervisor);
    await call(backend, 'users.disable', { userId: supervisorId });
    const enabled = await call(backend, 'users.enable', { userId: supervisorId });
    expect(enabled.user).toMatchObject({ status: 'active', mustChangePassword: true });
    expect(enabled.temporaryPassword).toEqual(expect.any(String));
    await call(backend, 'session.lock', {});

    expect((await failure(backend, 'vault.unlock', { username: supervisor.username, password: supervisor.password })).code).toBe(
      'WRONG_CREDENTIALS',
    );
    const status = await call(backend, 'vault.unlock', { username: supervisor.username, password: enabled.temporaryPassword! });
    expect(status).toMatchObject({ state: 'password-required', passwordRequiredReason: 'temporary' });
    expect((await failure(backend, 'peers.list', {})).code).toBe('LOCKED');
    expect((await call(backend, 'vault.setNewPassword', { newPassword: 'supervisor again 2' })).state).toBe('unlocked');
    await call(backend, 'session.lock', {});
    expect((await call(backend, 'vault.unlock', { username: supervisor.username, password: 'supervisor again 2' })).state).toBe('unlocked');
  });

  it('gives a user whose password was reset a temporary one, and the old one stops working', async () => {
    const backend = newBackend();
    await createdVault(backend);
    const supervisorId = await addStaff(backend, supervisor);
    const reset = await call(backend, 'users.resetPassword', { userId: supervisorId });
    await shownOnScreen(backend, reset);
    await call(backend, 'session.lock', {});
    expect((await failure(backend, 'vault.unlock', { username: supervisor.username, password: supervisor.password })).code).toBe(
      'WRONG_CREDENTIALS',
    );
    const status = await call(backend, 'vault.unlock', { username: supervisor.username, password: reset.temporaryPassword });
    expect(status.state).toBe('password-required');
  });

  it('refuses to disable or remove the last coordinator', async () => {
    const backend = newBackend();
    await createdVault(backend);
    await addStaff(backend, supervisor);
    const self = await coordinatorId(backend);
    for (const method of ['users.disable', 'users.remove'] as const) {
      expect(await failure(backend, method, { userId: self })).toMatchObject({ code: 'CONFLICT', reason: 'last-coordinator' });
    }
    const users = (await call(backend, 'users.list', {})).users;
    expect(users.find((u) => u.id === self)?.status).toBe('active');
  });

  it('lets a coordinator remove another coordinator, but never themselves', async () => {
    const backend = newBackend();
    await createdVault(backend);
    const secondId = await addStaff(backend, { username: 'rina', fullName: 'Rina Kusuma', role: 'coordinator', password: 'second coordinator' });
    const self = await coordinatorId(backend);
    expect(await failure(backend, 'users.disable', { userId: self })).toMatchObject({ code: 'CONFLICT', reason: 'self' });
    await call(backend, 'users.remove', { userId: secondId });
    expect(await failure(backend, 'users.remove', { userId: self })).toMatchObject({ code: 'CONFLICT', reason: 'last-coordinator' });
  });
});

describe('a vault from a newer version', () => {
  it('is refused with VAULT_TOO_NEW when its schema is from the future, and its files are left byte for byte', async () => {
    const { dataDir, backend } = await lockedVault();
    await unlockAsCoordinator(backend);
    const dataKey = await backend.session.openVault.withDataKey(async (key) => Buffer.from(key));
    await call(backend, 'session.lock', {});
    const connection = await defaultDriver().open(vaultPaths(dataDir).database, { key: dataKey, create: false });
    await connection.exec('PRAGMA user_version = 999');
    await connection.close();
    const before = folderDigest(dataDir);

    const restarted = newBackend({ dataDir });
    const error = await failure(restarted, 'vault.unlock', { username: 'sari', password: coordinator.password });
    expect(error).toMatchObject({ code: 'VAULT_TOO_NEW', params: { found: 999 } });
    expect(folderDigest(dataDir)).toEqual(before);
    expect((await call(restarted, 'app.status', {})).state).toBe('locked');
  });

  it('is refused with VAULT_TOO_NEW when its key slot file is from the future, and left untouched', async () => {
    const { dataDir, backend } = await lockedVault();
    editKeySlots(dataDir, (file) => void ((file as { version: number }).version = 2));
    const before = folderDigest(dataDir);
    expect((await failure(backend, 'vault.unlock', { username: 'sari', password: coordinator.password })).code).toBe('VAULT_TOO_NEW');
    expect(folderDigest(dataDir)).toEqual(before);
  });
});
