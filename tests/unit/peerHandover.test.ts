import { describe, expect, it } from 'vitest';
import {
  addPeerAccount,
  call,
  createdVault,
  failure,
  minutes,
  newBackend,
  peerVersion,
  seconds,
  TestClock,
  unlockAsCoordinator,
} from './support/backend';

const budi = { fullName: 'Budi Santoso', username: 'budi', pin: '4321' };
const citra = { fullName: 'Citra Ayu', username: 'citra', pin: '8765' };
const wrongPin = '0000';

async function vaultWithPeers() {
  const clock = new TestClock();
  const backend = newBackend({ clock });
  await createdVault(backend);
  const accounts = { budi: await addPeerAccount(backend, budi), citra: await addPeerAccount(backend, citra) };
  return { clock, backend, accounts };
}

describe('handing the PC over to a peer', () => {
  it('lets a peer sign in with their PIN only after a staff member hands over', async () => {
    const { backend, accounts } = await vaultWithPeers();
    expect((await failure(backend, 'session.peerSignIn', { username: budi.username, pin: budi.pin })).code).toBe('LOCKED');

    const handedOver = await call(backend, 'session.handOverToPeer', {});
    expect(handedOver).toMatchObject({ state: 'handover', user: null });
    const status = await call(backend, 'session.peerSignIn', { username: budi.username, pin: budi.pin });
    expect(status).toMatchObject({ state: 'unlocked', user: { username: 'budi', role: 'peer', peerId: accounts.budi.peerId } });
  });

  it('answers a wrong PIN and an unknown username alike, and stays in handover', async () => {
    const { backend } = await vaultWithPeers();
    await call(backend, 'session.handOverToPeer', {});
    const wrong = await failure(backend, 'session.peerSignIn', { username: budi.username, pin: wrongPin });
    const unknown = await failure(backend, 'session.peerSignIn', { username: 'nobody', pin: budi.pin });
    expect(wrong).toMatchObject({ code: 'WRONG_CREDENTIALS', reason: 'pin' });
    expect(unknown).toEqual(wrong);
    expect((await call(backend, 'app.status', {})).state).toBe('handover');
  });

  it('locks a peer account for five minutes after five wrong PINs, even against the right PIN', async () => {
    const { clock, backend } = await vaultWithPeers();
    await call(backend, 'session.handOverToPeer', {});
    for (let i = 0; i < 5; i++) {
      expect((await failure(backend, 'session.peerSignIn', { username: budi.username, pin: wrongPin })).code).toBe('WRONG_CREDENTIALS');
    }
    const refused = await failure(backend, 'session.peerSignIn', { username: budi.username, pin: budi.pin });
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', params: { retryAfterSeconds: 300 } });

    clock.advance(minutes(5) - seconds(1));
    expect((await failure(backend, 'session.peerSignIn', { username: budi.username, pin: budi.pin })).params).toEqual({ retryAfterSeconds: 1 });
    clock.advance(seconds(1));
    expect((await call(backend, 'session.peerSignIn', { username: budi.username, pin: budi.pin })).state).toBe('unlocked');
  });

  it('does not lock a peer out for four wrong PINs', async () => {
    const { backend } = await vaultWithPeers();
    await call(backend, 'session.handOverToPeer', {});
    for (let i = 0; i < 4; i++) await failure(backend, 'session.peerSignIn', { username: budi.username, pin: wrongPin });
    expect((await call(backend, 'session.peerSignIn', { username: budi.username, pin: budi.pin })).state).toBe('unlocked');
  });

  it('locks out only the account with the wrong PINs: another peer still signs in', async () => {
    const { backend } = await vaultWithPeers();
    await call(backend, 'session.handOverToPeer', {});
    for (let i = 0; i < 5; i++) await failure(backend, 'session.peerSignIn', { username: budi.username, pin: wrongPin });
    expect((await call(backend, 'session.peerSignIn', { username: citra.username, pin: citra.pin })).user?.username).toBe('citra');
  });

  it('returns to the staff lock screen when the peer signs out', async () => {
    const { backend } = await vaultWithPeers();
    await call(backend, 'session.handOverToPeer', {});
    await call(backend, 'session.peerSignIn', { username: budi.username, pin: budi.pin });
    const status = await call(backend, 'session.lock', {});
    expect(status).toMatchObject({ state: 'locked', lockReason: 'peer-signed-out', user: null });
    expect((await failure(backend, 'session.peerSignIn', { username: budi.username, pin: budi.pin })).code).toBe('LOCKED');
    await unlockAsCoordinator(backend);
  });

  it('lets staff take the PC back from a handover by locking', async () => {
    const { backend } = await vaultWithPeers();
    await call(backend, 'session.handOverToPeer', {});
    expect(await call(backend, 'session.lock', {})).toMatchObject({ state: 'locked', lockReason: 'manual' });
    await unlockAsCoordinator(backend);
  });

  it('refuses a disabled peer account with the same answer as a wrong PIN', async () => {
    const { backend, accounts } = await vaultWithPeers();
    await call(backend, 'users.disable', { userId: accounts.budi.userId });
    await call(backend, 'session.handOverToPeer', {});
    expect(await failure(backend, 'session.peerSignIn', { username: budi.username, pin: budi.pin })).toMatchObject({
      code: 'WRONG_CREDENTIALS',
      reason: 'pin',
    });
  });

  it('accepts a new PIN set by the coordinator, and no longer the old one', async () => {
    const { backend, accounts } = await vaultWithPeers();
    await call(backend, 'users.setPeerPin', { userId: accounts.budi.userId, pin: '246810' });
    await call(backend, 'session.handOverToPeer', {});
    expect((await failure(backend, 'session.peerSignIn', { username: budi.username, pin: budi.pin })).code).toBe('WRONG_CREDENTIALS');
    expect((await call(backend, 'session.peerSignIn', { username: budi.username, pin: '246810' })).state).toBe('unlocked');
  });

  it('lifts a PIN lockout when the coordinator sets a new PIN', async () => {
    const { backend, accounts } = await vaultWithPeers();
    await call(backend, 'session.handOverToPeer', {});
    for (let i = 0; i < 5; i++) await failure(backend, 'session.peerSignIn', { username: budi.username, pin: wrongPin });
    await call(backend, 'session.lock', {});
    await unlockAsCoordinator(backend);
    await call(backend, 'users.setPeerPin', { userId: accounts.budi.userId, pin: '135790' });
    await call(backend, 'session.handOverToPeer', {});
    expect((await call(backend, 'session.peerSignIn', { username: budi.username, pin: '135790' })).state).toBe('unlocked');
  });

  it('shows a peer under their current roster name after the coordinator renames them', async () => {
    const { backend, accounts } = await vaultWithPeers();
    await call(backend, 'peers.update', {
      id: accounts.budi.peerId,
      version: await peerVersion(backend, accounts.budi.peerId),
      fullName: 'Budi Santoso Putra',
      className: '8A',
    });
    const account = (await call(backend, 'users.list', {})).users.find((u) => u.id === accounts.budi.userId);
    expect(account).toMatchObject({ fullName: 'Budi Santoso Putra', peerName: 'Budi Santoso Putra' });
    await call(backend, 'session.handOverToPeer', {});
    const status = await call(backend, 'session.peerSignIn', { username: budi.username, pin: budi.pin });
    expect(status.user?.fullName).toBe('Budi Santoso Putra');
  });

  it('lists peer accounts apart from staff, found by the roster name they show or their username', async () => {
    const { backend, accounts } = await vaultWithPeers();
    await call(backend, 'peers.update', { id: accounts.citra.peerId, version: await peerVersion(backend, accounts.citra.peerId), fullName: 'Citra Ayu Lestari', className: '8A' });
    const found = async (input: { kind?: 'staff' | 'peer'; text?: string }) => (await call(backend, 'users.list', input)).users.map((u) => u.username);
    expect(await found({ kind: 'peer' })).toEqual(['budi', 'citra']);
    expect(await found({ kind: 'staff' })).not.toContain('budi');
    expect(await found({ kind: 'peer', text: 'lestari' })).toEqual(['citra']);
    expect(await found({ text: 'BUD' })).toEqual(['budi']);
    const page = await call(backend, 'users.list', { kind: 'peer', sort: 'fullName', direction: 'desc', limit: 1 });
    expect([page.users.map((u) => u.username), page.total]).toEqual([['citra'], 2]);
  });
});
