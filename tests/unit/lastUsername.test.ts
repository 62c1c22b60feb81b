import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lastUserFile } from '../../electron/backend/session/lastUser';
import { readKeySlotFile } from '../../electron/backend/vault/keySlots';
import { vaultPaths } from '../../electron/backend/vault/paths';
import {
  addPeerAccount,
  addStaff,
  call,
  coordinator,
  createdVault,
  failure,
  handOverTo,
  minutes,
  newBackend,
  supervisor,
  tempDir,
  TestClock,
  unlockAsCoordinator,
} from './support/backend';

const peer = { fullName: 'Budi Santoso', username: 'budi', pin: '4321' };

async function aVault() {
  const clock = new TestClock();
  const dataDir = tempDir();
  const backend = newBackend({ dataDir, clock });
  await createdVault(backend);
  return { clock, dataDir, backend };
}

describe('the unlock screen remembers who last unlocked on this PC (issue 14)', () => {
  it('carries the last username in the status after a manual lock, and in no status while unlocked', async () => {
    const { backend } = await aVault();
    expect((await call(backend, 'app.status', {})).lastUsername).toBeNull();
    const status = await call(backend, 'session.lock', {});
    expect(status).toMatchObject({ state: 'locked', lockReason: 'manual', lastUsername: coordinator.username });
  });

  it('carries it after an idle lock', async () => {
    const { clock, backend } = await aVault();
    clock.advance(minutes(11));
    expect(await backend.lockIfIdle()).toBe(true);
    expect(await call(backend, 'app.status', {})).toMatchObject({ lockReason: 'idle', lastUsername: coordinator.username });
  });

  it('still carries it after the app restarts', async () => {
    const { dataDir, backend } = await aVault();
    // Quitting locks the vault first.
    await backend.lockNow('manual');
    const restarted = newBackend({ dataDir });
    expect(await call(restarted, 'app.status', {})).toMatchObject({ state: 'locked', lockReason: 'startup', lastUsername: coordinator.username });
  });

  it('follows whoever unlocked last, and not someone who only tried a wrong password', async () => {
    const { backend } = await aVault();
    await addStaff(backend, supervisor);
    await call(backend, 'session.lock', {});
    await call(backend, 'vault.unlock', { username: supervisor.username, password: supervisor.password });
    expect((await call(backend, 'session.lock', {})).lastUsername).toBe(supervisor.username);
    await failure(backend, 'vault.unlock', { username: coordinator.username, password: 'not the password' });
    expect((await call(backend, 'app.status', {})).lastUsername).toBe(supervisor.username);
  });

  it('never remembers a peer: after a peer signs out it is the staff member who handed the PC over', async () => {
    const { backend } = await aVault();
    await addPeerAccount(backend, peer);
    await handOverTo(backend, peer);
    const status = await call(backend, 'session.lock', {});
    expect(status).toMatchObject({ lockReason: 'peer-signed-out', lastUsername: coordinator.username });
  });

  it('keeps only the username and the vault it belongs to beside the vault, never the password', async () => {
    const { dataDir, backend } = await aVault();
    await call(backend, 'session.lock', {});
    const paths = vaultPaths(dataDir);
    const text = readFileSync(lastUserFile(paths), 'utf8');
    expect(JSON.parse(text)).toEqual({ version: 1, vaultId: (await readKeySlotFile(paths.keySlots)).vaultId, username: coordinator.username });
    expect(text).not.toContain(coordinator.password);
  });

  it('shows no name from another vault, such as one that was in the folder before a restore', async () => {
    const { dataDir, backend } = await aVault();
    await call(backend, 'session.lock', {});
    const file = lastUserFile(vaultPaths(dataDir));
    writeFileSync(file, JSON.stringify({ version: 1, vaultId: 'another-vault', username: 'rina' }));
    expect((await call(backend, 'app.status', {})).lastUsername).toBeNull();
    writeFileSync(file, '{ not json');
    expect((await call(backend, 'app.status', {})).lastUsername).toBeNull();
    await unlockAsCoordinator(backend);
    expect((await call(backend, 'session.lock', {})).lastUsername).toBe(coordinator.username);
  });
});
