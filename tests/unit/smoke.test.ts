import { describe, expect, it } from 'vitest';
import { call, coordinator, createdVault, newBackend } from './support/backend';

describe('smoke', () => {
  it('creates a vault, adds a peer, locks and unlocks', async () => {
    const backend = newBackend();
    await createdVault(backend);
    await call(backend, 'peers.create', { fullName: 'Budi', className: '8A' });
    await call(backend, 'session.lock', {});
    await call(backend, 'vault.unlock', { username: coordinator.username, password: coordinator.password });
    const { peers } = await call(backend, 'peers.list', {});
    expect(peers.map((p) => p.fullName)).toEqual(['Budi']);
  });
});
