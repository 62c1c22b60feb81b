import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDriver } from '../../electron/backend/db/drivers';
import { WrongKeyError, type Driver } from '../../electron/backend/db/driver';
import { openSlot, parseKeySlotFile, usernameLookup } from '../../electron/backend/vault/keySlots';
import {
  addStaff,
  call,
  coordinator,
  createdVault,
  failure,
  newBackend,
  supervisor,
  tempDir,
  shownOnScreen,
  unlockAsCoordinator,
} from './support/backend';

async function vaultWithPeopleAndRecords() {
  const dataDir = tempDir();
  const backend = newBackend({ dataDir });
  const recoveryKey = await createdVault(backend);
  await addStaff(backend, supervisor);
  await call(backend, 'peers.create', { fullName: 'Budi Santoso', className: '8B' });
  await call(backend, 'peers.create', { fullName: 'Citra Lestari', className: '9A' });
  return { dataDir, backend, recoveryKey };
}

describe('rotating the data key', () => {
  it('keeps every record and the coordinator signed in, and records the rotation in the audit log', async () => {
    const { backend } = await vaultWithPeopleAndRecords();
    const before = (await call(backend, 'peers.list', {})).peers.map((p) => p.fullName).sort();

    const rotated = await call(backend, 'vault.rotateDataKey', { password: coordinator.password });

    expect((await call(backend, 'app.status', {})).state).toBe('unlocked');
    expect((await call(backend, 'peers.list', {})).peers.map((p) => p.fullName).sort()).toEqual(before);
    expect(rotated.temporaryPasswords.map((t) => t.username)).toEqual([supervisor.username]);
    const { entries } = await call(backend, 'audit.list', { action: 'vault.data-key-rotated' });
    expect(entries).toHaveLength(1);
    expect(entries[0]?.details).toEqual({ temporaryPasswords: 1 });
    expect((await call(backend, 'audit.verify', {})).ok).toBe(true);
    expect((await call(backend, 'vault.check', {})).ok).toBe(true);
  });

  it('makes the old data key useless: it no longer opens the database', async () => {
    const { dataDir, backend } = await vaultWithPeopleAndRecords();
    const oldSlots = parseKeySlotFile(readFileSync(path.join(dataDir, 'keyslots.json'), 'utf8'));
    const slot = oldSlots.slots.find((s) => s.lookup === usernameLookup(oldSlots.vaultId, coordinator.username));
    const oldKey = await openSlot(oldSlots.vaultId, slot!, coordinator.password);
    expect(oldKey).not.toBeNull();

    await shownOnScreen(backend, await call(backend, 'vault.rotateDataKey', { password: coordinator.password }));
    await call(backend, 'session.lock', {});

    await expect(defaultDriver().open(path.join(dataDir, 'vault.db'), { key: oldKey!, create: false })).rejects.toBeInstanceOf(WrongKeyError);
  });

  it('stops old passwords and the old recovery key, and gives other staff a temporary password they must replace', async () => {
    const { backend, recoveryKey } = await vaultWithPeopleAndRecords();
    const rotated = await call(backend, 'vault.rotateDataKey', { password: coordinator.password });
    await shownOnScreen(backend, rotated);
    await call(backend, 'session.lock', {});

    expect((await failure(backend, 'vault.unlock', { username: supervisor.username, password: supervisor.password })).code).toBe('WRONG_CREDENTIALS');
    expect((await failure(backend, 'vault.unlockWithRecoveryKey', { username: coordinator.username, recoveryKey })).code).toBe('WRONG_CREDENTIALS');

    const temporary = rotated.temporaryPasswords[0]!.temporaryPassword;
    const status = await call(backend, 'vault.unlock', { username: supervisor.username, password: temporary });
    expect(status.state).toBe('password-required');
    await call(backend, 'vault.setNewPassword', { newPassword: 'a brand new supervisor phrase' });
    await call(backend, 'session.lock', {});

    const recovered = await call(backend, 'vault.unlockWithRecoveryKey', { username: coordinator.username, recoveryKey: rotated.recoveryKey });
    expect(recovered.state).toBe('password-required');
  });

  it('leaves no copy of the old vault in the data folder once the new secrets are on screen', async () => {
    const { dataDir, backend } = await vaultWithPeopleAndRecords();
    const rotated = await call(backend, 'vault.rotateDataKey', { password: coordinator.password });
    // Until then the old vault waits beside the new one, in case they never reach the screen.
    expect(readdirSync(dataDir).filter((name) => name.startsWith('.rotation-') || name === 'rotation-pending.json')).toHaveLength(2);
    await shownOnScreen(backend, rotated);
    await call(backend, 'session.lock', {});
    expect(readdirSync(dataDir).filter((name) => !name.startsWith('vault.db')).sort()).toEqual(['keyslots.json', 'last-user.json']);
  });

  it('gives an account created just before it, whose first password was still on its way to the screen, the rotation’s temporary password', async () => {
    const { backend } = await vaultWithPeopleAndRecords();
    await call(backend, 'users.createStaff', { username: 'eka', fullName: 'Eka Putri', role: 'supervisor' });
    const rotated = await call(backend, 'vault.rotateDataKey', { password: coordinator.password });
    await shownOnScreen(backend, rotated);
    await call(backend, 'session.lock', {});
    const eka = rotated.temporaryPasswords.find((p) => p.username === 'eka');
    expect((await call(backend, 'vault.unlock', { username: 'eka', password: eka!.temporaryPassword })).state).toBe('password-required');
  });

  it('is undone at the next start when its new secrets never reached the screen, keeping what was written since in previous-vaults', async () => {
    const { dataDir, backend, recoveryKey } = await vaultWithPeopleAndRecords();
    await call(backend, 'vault.rotateDataKey', { password: coordinator.password });
    await call(backend, 'peers.create', { fullName: 'Written After The Rotation', className: '9B' });
    await call(backend, 'session.lock', {});

    // The old vault is back: the passwords and the recovery key people know open it.
    await call(backend, 'vault.unlock', { username: supervisor.username, password: supervisor.password });
    await call(backend, 'session.lock', {});
    expect((await call(backend, 'vault.unlockWithRecoveryKey', { username: coordinator.username, recoveryKey })).state).toBe('password-required');
    await call(backend, 'vault.setNewPassword', { newPassword: coordinator.password });
    const { entries } = await call(backend, 'audit.list', { action: 'vault.data-key-rotation-withdrawn' });
    expect(entries).toHaveLength(1);
    expect((await call(backend, 'peers.list', {})).peers.map((p) => p.fullName)).not.toContain('Written After The Rotation');
    // The withdrawn vault, with what was written in it, is kept whole.
    const kept = readdirSync(path.join(dataDir, 'previous-vaults'));
    expect(kept).toHaveLength(1);
    expect(readdirSync(path.join(dataDir, 'previous-vaults', kept[0]!))).toEqual(expect.arrayContaining(['keyslots.json', 'vault.db']));
    expect(readdirSync(dataDir).filter((name) => name.startsWith('.rotation-') || name.startsWith('rotation-'))).toEqual([]);
  });

  it('refuses a wrong password, naming the field, and changes nothing', async () => {
    const { dataDir, backend } = await vaultWithPeopleAndRecords();
    const slotsBefore = readFileSync(path.join(dataDir, 'keyslots.json'), 'utf8');

    const error = await failure(backend, 'vault.rotateDataKey', { password: 'not my password' });

    expect(error).toMatchObject({ code: 'VALIDATION', field: 'password', reason: 'wrong_password' });
    expect(readFileSync(path.join(dataDir, 'keyslots.json'), 'utf8')).toBe(slotsBefore);
    await call(backend, 'session.lock', {});
    await call(backend, 'vault.unlock', { username: supervisor.username, password: supervisor.password });
  });

  it('changes nothing and leaves no half-made copy when the new copy cannot be made', async () => {
    const dataDir = tempDir();
    const real = defaultDriver();
    // Stands in for a full disk: opening the re-keyed copy fails.
    const failingCopies: Driver = {
      name: real.name,
      open: (file, options) => (file.includes('.rotation-') ? Promise.reject(new Error('no space left')) : real.open(file, options)),
    };
    const backend = newBackend({ dataDir, driver: failingCopies });
    await createdVault(backend);
    await call(backend, 'peers.create', { fullName: 'Budi Santoso', className: '8B' });
    const slotsBefore = readFileSync(path.join(dataDir, 'keyslots.json'), 'utf8');

    expect((await failure(backend, 'vault.rotateDataKey', { password: coordinator.password })).code).toBe('INTERNAL');

    expect(readFileSync(path.join(dataDir, 'keyslots.json'), 'utf8')).toBe(slotsBefore);
    expect(readdirSync(dataDir).filter((name) => name.startsWith('.rotation-'))).toEqual([]);
    expect((await call(backend, 'peers.list', {})).peers).toHaveLength(1);
    await call(backend, 'session.lock', {});
    await unlockAsCoordinator(backend);
  });
});
