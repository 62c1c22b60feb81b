import { describe, expect, it } from 'vitest';
import { addStaff, call, createdVault, failure, newBackend, supervisor, TestClock } from './support/backend';

async function vaultWithPeer() {
  const clock = new TestClock();
  const backend = newBackend({ clock });
  await createdVault(backend);
  const { peer } = await call(backend, 'peers.create', { fullName: 'Budi Santoso', className: '8A' });
  return { clock, backend, peer };
}

describe('the peer roster', () => {
  it('adds a peer as nominated at version 0 and shows them in the list', async () => {
    const { backend, peer } = await vaultWithPeer();
    expect(peer).toMatchObject({ fullName: 'Budi Santoso', className: '8A', status: 'nominated', version: 0, supervisorUserId: null });
    const { peers } = await call(backend, 'peers.list', {});
    expect(peers).toEqual([
      expect.objectContaining({ ...peer, statusSince: peer.createdAt, trained: false, consent: false, pledge: false, requiredDone: 0, requiredTotal: 5 }),
    ]);
  });

  it('records who nominated a student, and from where', async () => {
    const { backend } = await vaultWithPeer();
    const nomination = { source: 'staff' as const, nominatedBy: 'Pak Joko (wali kelas 9B)', nominatedOn: '2026-07-28', reason: 'Dipercaya teman sekelas' };
    const { peer } = await call(backend, 'peers.create', { fullName: 'Citra Ayu', className: '9B', nomination });
    expect((await call(backend, 'peers.profile', { id: peer.id })).nomination).toEqual(nomination);
  });

  it('trims spaces around a name before saving it', async () => {
    const { backend } = await vaultWithPeer();
    const { peer } = await call(backend, 'peers.create', { fullName: '  Citra Ayu ', className: ' 9B' });
    expect(peer).toMatchObject({ fullName: 'Citra Ayu', className: '9B' });
  });

  it('saves an edit of name and class and moves the version on by one, leaving the status alone', async () => {
    const { clock, backend, peer } = await vaultWithPeer();
    clock.advance(60_000);
    const { peer: edited } = await call(backend, 'peers.update', { id: peer.id, version: 0, fullName: 'Budi Santoso', className: '8B' });
    expect(edited).toMatchObject({ className: '8B', status: 'nominated', version: 1, createdAt: peer.createdAt, updatedAt: clock.now().toISOString() });
  });

  it('refuses the second of two edits started from the same version with CONFLICT "stale", keeping the first', async () => {
    const { backend, peer } = await vaultWithPeer();
    const first = await call(backend, 'peers.update', { id: peer.id, version: peer.version, fullName: 'Budi Santoso', className: '8B' });
    const second = await failure(backend, 'peers.update', { id: peer.id, version: peer.version, fullName: 'Budi S.', className: '8C' });
    expect(second).toMatchObject({ code: 'CONFLICT', reason: 'stale' });
    expect((await call(backend, 'peers.get', { id: peer.id })).peer).toEqual(first.peer);
    const { entries } = await call(backend, 'audit.list', { action: 'peer.updated' });
    expect(entries).toHaveLength(1);
  });

  it('answers an edit of a peer that does not exist with NOT_FOUND', async () => {
    const { backend } = await vaultWithPeer();
    const error = await failure(backend, 'peers.update', { id: 999, version: 0, fullName: 'Nobody', className: '8A' });
    expect(error).toMatchObject({ code: 'NOT_FOUND', reason: 'peer' });
  });

  it('lists the roster by name, whatever the case', async () => {
    const { backend } = await vaultWithPeer();
    await call(backend, 'peers.create', { fullName: 'andi Wijaya', className: '7A' });
    await call(backend, 'peers.create', { fullName: 'Citra Ayu', className: '9B' });
    expect((await call(backend, 'peers.list', {})).peers.map((p) => p.fullName)).toEqual(['andi Wijaya', 'Budi Santoso', 'Citra Ayu']);
  });

  it('assigns a supervisor, shows their name on the roster and the profile, and audits only the id', async () => {
    const { backend, peer } = await vaultWithPeer();
    const supervisorId = await addStaff(backend, supervisor);
    await call(backend, 'peers.update', { id: peer.id, version: peer.version, fullName: peer.fullName, className: peer.className, supervisorUserId: supervisorId });
    expect((await call(backend, 'peers.list', {})).peers[0]).toMatchObject({ supervisorUserId: supervisorId, supervisorName: supervisor.fullName });
    expect((await call(backend, 'peers.profile', { id: peer.id })).supervisorName).toBe(supervisor.fullName);
    const [entry] = (await call(backend, 'audit.list', { action: 'peer.updated' })).entries;
    expect(entry?.details).toEqual({ supervisorUserId: supervisorId });
  });

  it('refuses a peer account or an unknown user as supervisor, naming the field', async () => {
    const { backend, peer } = await vaultWithPeer();
    const error = await failure(backend, 'peers.update', { id: peer.id, version: 0, fullName: 'Budi', className: '8A', supervisorUserId: 99 });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'supervisorUserId', reason: 'not_staff' });
  });
});
