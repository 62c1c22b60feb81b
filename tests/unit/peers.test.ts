import { describe, expect, it } from 'vitest';
import { call, createdVault, failure, newBackend, TestClock } from './support/backend';

async function vaultWithPeer() {
  const clock = new TestClock();
  const backend = newBackend({ clock });
  await createdVault(backend);
  const { peer } = await call(backend, 'peers.create', { fullName: 'Budi Santoso', className: '8A', status: 'nominated' });
  return { clock, backend, peer };
}

describe('the peer roster', () => {
  it('adds a peer at version 0 and shows them in the list', async () => {
    const { backend, peer } = await vaultWithPeer();
    expect(peer).toMatchObject({ fullName: 'Budi Santoso', className: '8A', status: 'nominated', version: 0 });
    expect((await call(backend, 'peers.list', {})).peers).toEqual([peer]);
  });

  it('trims spaces around a name before saving it', async () => {
    const { backend } = await vaultWithPeer();
    const { peer } = await call(backend, 'peers.create', { fullName: '  Citra Ayu ', className: ' 9B', status: 'active' });
    expect(peer).toMatchObject({ fullName: 'Citra Ayu', className: '9B' });
  });

  it('saves an edit and moves the version on by one', async () => {
    const { clock, backend, peer } = await vaultWithPeer();
    clock.advance(60_000);
    const { peer: edited } = await call(backend, 'peers.update', { id: peer.id, version: 0, fullName: 'Budi Santoso', className: '8B', status: 'selected' });
    expect(edited).toMatchObject({ className: '8B', status: 'selected', version: 1, createdAt: peer.createdAt, updatedAt: clock.now().toISOString() });
  });

  it('refuses the second of two edits started from the same version with CONFLICT "stale", keeping the first', async () => {
    const { backend, peer } = await vaultWithPeer();
    const first = await call(backend, 'peers.update', { id: peer.id, version: peer.version, fullName: 'Budi Santoso', className: '8B', status: 'interviewing' });
    const second = await failure(backend, 'peers.update', { id: peer.id, version: peer.version, fullName: 'Budi S.', className: '8C', status: 'withdrawn' });
    expect(second).toMatchObject({ code: 'CONFLICT', reason: 'stale' });
    expect((await call(backend, 'peers.get', { id: peer.id })).peer).toEqual(first.peer);
    const { entries } = await call(backend, 'audit.list', { action: 'peer.updated' });
    expect(entries).toHaveLength(1);
  });

  it('answers an edit of a peer that does not exist with NOT_FOUND', async () => {
    const { backend } = await vaultWithPeer();
    const error = await failure(backend, 'peers.update', { id: 999, version: 0, fullName: 'Nobody', className: '8A', status: 'active' });
    expect(error).toMatchObject({ code: 'NOT_FOUND', reason: 'peer' });
  });

  it('lists the roster by name, whatever the case', async () => {
    const { backend } = await vaultWithPeer();
    await call(backend, 'peers.create', { fullName: 'andi Wijaya', className: '7A', status: 'active' });
    await call(backend, 'peers.create', { fullName: 'Citra Ayu', className: '9B', status: 'active' });
    expect((await call(backend, 'peers.list', {})).peers.map((p) => p.fullName)).toEqual(['andi Wijaya', 'Budi Santoso', 'Citra Ayu']);
  });
});
