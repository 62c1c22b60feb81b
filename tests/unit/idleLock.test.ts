import { describe, expect, it } from 'vitest';
import {
  addPeerAccount,
  call,
  coordinator,
  createdVault,
  failure,
  minutes,
  newBackend,
  seconds,
  TestClock,
  unlockAsCoordinator,
} from './support/backend';
import { writeSetting } from '../../electron/backend/repositories/settings';

const peer = { fullName: 'Budi Santoso', username: 'budi', pin: '4321' };

/** The default auto-lock (10 minutes) plus the backend's grace minute after the renderer's warning. */
const idleLimit = minutes(10) + minutes(1);

async function unlockedVault() {
  const clock = new TestClock();
  const backend = newBackend({ clock });
  const recoveryKey = await createdVault(backend);
  return { clock, backend, recoveryKey };
}

describe('locking when nobody uses the app', () => {
  it('locks after the auto-lock time plus a minute without calls, and the next call gets LOCKED', async () => {
    const { clock, backend } = await unlockedVault();
    clock.advance(idleLimit);
    expect(await backend.lockIfIdle()).toBe(true);
    expect(await call(backend, 'app.status', {})).toMatchObject({ state: 'locked', lockReason: 'idle', user: null });
    expect((await failure(backend, 'peers.list', {})).code).toBe('LOCKED');
  });

  it('does not lock a second before that', async () => {
    const { clock, backend } = await unlockedVault();
    clock.advance(idleLimit - seconds(1));
    expect(await backend.lockIfIdle()).toBe(false);
    expect((await call(backend, 'app.status', {})).state).toBe('unlocked');
  });

  it('counts a heartbeat from the renderer as activity, postponing the lock', async () => {
    const { clock, backend } = await unlockedVault();
    clock.advance(minutes(9));
    expect(await call(backend, 'session.heartbeat', {})).toEqual({ autoLockMinutes: 10 });
    clock.advance(minutes(9));
    expect(await backend.lockIfIdle()).toBe(false);
    clock.advance(minutes(2));
    expect(await backend.lockIfIdle()).toBe(true);
  });

  it('counts any call made by the signed-in user as activity', async () => {
    const { clock, backend } = await unlockedVault();
    clock.advance(minutes(9));
    await call(backend, 'peers.list', {});
    clock.advance(minutes(9));
    expect(await backend.lockIfIdle()).toBe(false);
  });

  it('does not count status checks as activity', async () => {
    const { clock, backend } = await unlockedVault();
    clock.advance(minutes(6));
    await call(backend, 'app.status', {});
    clock.advance(minutes(5));
    expect(await backend.lockIfIdle()).toBe(true);
  });

  it('finds the vault locked at the next call after the idle time, even when no timer ran', async () => {
    const { clock, backend } = await unlockedVault();
    clock.advance(idleLimit);
    expect((await failure(backend, 'peers.list', {})).code).toBe('LOCKED');
    expect((await call(backend, 'app.status', {})).lockReason).toBe('idle');
  });

  it('follows the auto-lock time set in Settings', async () => {
    const { clock, backend } = await unlockedVault();
    await call(backend, 'settings.update', { autoLockMinutes: 3 });
    expect(await call(backend, 'session.heartbeat', {})).toEqual({ autoLockMinutes: 3 });
    clock.advance(minutes(4) - seconds(1));
    expect(await backend.lockIfIdle()).toBe(false);
    clock.advance(seconds(1));
    expect(await backend.lockIfIdle()).toBe(true);
  });

  it('writes the idle lock into the audit log with its reason', async () => {
    const { clock, backend } = await unlockedVault();
    clock.advance(idleLimit);
    await backend.lockIfIdle();
    await unlockAsCoordinator(backend);
    const { entries } = await call(backend, 'audit.list', { action: 'session.locked' });
    expect(entries[0]).toMatchObject({ actorName: coordinator.username, details: { reason: 'idle' } });
  });

  it('locks a handover nobody signed into after the same idle time', async () => {
    const { clock, backend } = await unlockedVault();
    await call(backend, 'session.handOverToPeer', {});
    clock.advance(idleLimit);
    expect(await backend.lockIfIdle()).toBe(true);
    expect((await call(backend, 'app.status', {})).state).toBe('locked');
  });

  it('does not let a peer sign in to a handover left idle past the auto-lock time, even when no timer ran', async () => {
    const { clock, backend } = await unlockedVault();
    await addPeerAccount(backend, peer);
    await call(backend, 'session.handOverToPeer', {});
    clock.advance(idleLimit);
    expect((await failure(backend, 'session.peerSignIn', { username: peer.username, pin: peer.pin })).code).toBe('LOCKED');
    expect(await call(backend, 'app.status', {})).toMatchObject({ state: 'locked', lockReason: 'idle' });
  });

  it('does not let a new password be set on a recovery unlock left waiting past the idle time', async () => {
    const { clock, backend, recoveryKey } = await unlockedVault();
    await call(backend, 'session.lock', {});
    await call(backend, 'vault.unlockWithRecoveryKey', { username: coordinator.username, recoveryKey });
    clock.advance(idleLimit);
    expect((await failure(backend, 'vault.setNewPassword', { newPassword: 'someone else’s password' })).code).toBe('LOCKED');
    expect((await call(backend, 'app.status', {})).state).toBe('locked');
    await unlockAsCoordinator(backend);
  });

  it('locks a signed-in peer after the idle time too', async () => {
    const { clock, backend } = await unlockedVault();
    await addPeerAccount(backend, peer);
    await call(backend, 'session.handOverToPeer', {});
    await call(backend, 'session.peerSignIn', { username: peer.username, pin: peer.pin });
    clock.advance(idleLimit);
    expect((await failure(backend, 'peers.list', {})).code).toBe('LOCKED');
  });
});

describe('the auto-lock time Settings allows (issue 14)', () => {
  it('refuses fewer than 3 minutes or more than 60 with an error on the field, and keeps the time set before', async () => {
    const { backend } = await unlockedVault();
    await call(backend, 'settings.update', { autoLockMinutes: 15 });
    expect(await failure(backend, 'settings.update', { autoLockMinutes: 1 })).toMatchObject({ code: 'VALIDATION', field: 'autoLockMinutes', reason: 'too_small' });
    expect(await failure(backend, 'settings.update', { autoLockMinutes: 61 })).toMatchObject({ code: 'VALIDATION', field: 'autoLockMinutes', reason: 'too_big' });
    expect((await call(backend, 'settings.get', {})).autoLockMinutes).toBe(15);
    await call(backend, 'settings.update', { autoLockMinutes: 3 });
    await call(backend, 'settings.update', { autoLockMinutes: 60 });
    expect((await call(backend, 'settings.get', {})).autoLockMinutes).toBe(60);
  });

  it('reads a minute stored by an older Sebaya as 3, and locks after 3 minutes (and the grace minute), not 1', async () => {
    const { clock, backend } = await unlockedVault();
    // As a vault from before the range kept it.
    await writeSetting(backend.session.db, 'autoLockMinutes', 1);
    expect((await call(backend, 'settings.get', {})).autoLockMinutes).toBe(3);
    expect(await call(backend, 'session.heartbeat', {})).toEqual({ autoLockMinutes: 3 });
    expect((await call(backend, 'app.status', {})).autoLockMinutes).toBe(3);
    clock.advance(minutes(2) + seconds(30));
    expect(await backend.lockIfIdle()).toBe(false);
    clock.advance(minutes(1) + seconds(30));
    expect(await backend.lockIfIdle()).toBe(true);
  });

  it('reads two hours stored by an older Sebaya as the hour now allowed', async () => {
    const { backend } = await unlockedVault();
    await writeSetting(backend.session.db, 'autoLockMinutes', 120);
    expect((await call(backend, 'settings.get', {})).autoLockMinutes).toBe(60);
  });
});
