import { describe, expect, it } from 'vitest';
import { callWithDesktop, type DesktopActions } from '../../../electron/main/desktopCalls';
import type { Backend } from '../../../electron/backend/backend';
import { addPeerAccount, addStaff, call, coordinator, createdVault, handOverTo, newBackend, supervisor } from '../support/backend';

/**
 * Issue 11: the folder picker and "Open folder" are contract methods. The backend's one policy
 * decides who may use them; main does the OS part only for a call the backend allowed.
 */
function desktopFor(backend: Backend) {
  const done: string[] = [];
  const desktop: DesktopActions = {
    chooseFolder: async (title) => {
      done.push(`picker: ${title}`);
      return 'E:\\Sebaya';
    },
    openVaultFolder: async () => {
      done.push('file manager');
      return true;
    },
    warn: () => undefined,
  };
  const ask = (method: string, input: unknown) => callWithDesktop(method, input, (m, i) => backend.call(m, i), desktop);
  return { ask, done };
}

describe('the desktop shell’s folder picker and file manager', () => {
  it('open for the coordinator, and answer with what the OS gave', async () => {
    const backend = newBackend();
    await createdVault(backend);
    const { ask, done } = desktopFor(backend);
    expect(await ask('desktop.chooseFolder', { title: 'Where to save backups' })).toEqual({ ok: true, value: { folder: 'E:\\Sebaya' } });
    expect(await ask('desktop.openVaultFolder', {})).toEqual({ ok: true, value: { opened: true } });
    expect(done).toEqual(['picker: Where to save backups', 'file manager']);
  });

  it('let a supervisor open the vault folder from Settings but not browse folders for backups', async () => {
    const backend = newBackend();
    await createdVault(backend);
    await addStaff(backend, supervisor);
    await call(backend, 'session.lock', {});
    await call(backend, 'vault.unlock', { username: supervisor.username, password: supervisor.password });
    const { ask, done } = desktopFor(backend);
    expect(await ask('desktop.chooseFolder', { title: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await ask('desktop.openVaultFolder', {})).toMatchObject({ ok: true });
    expect(done).toEqual(['file manager']);
  });

  it('never open for a signed-in peer, while locked, or with input the contract refuses', async () => {
    const backend = newBackend();
    await createdVault(backend);
    const peer = { fullName: 'Budi Santoso', username: 'budi', pin: '482913' };
    await addPeerAccount(backend, peer);
    const { ask, done } = desktopFor(backend);
    await handOverTo(backend, peer);
    expect(await ask('desktop.chooseFolder', { title: 'x' })).toMatchObject({ ok: false });
    expect(await ask('desktop.openVaultFolder', {})).toMatchObject({ ok: false });
    await call(backend, 'session.lock', {});
    expect(await ask('desktop.openVaultFolder', {})).toMatchObject({ ok: false });
    await call(backend, 'vault.unlock', { username: coordinator.username, password: coordinator.password });
    expect(await ask('desktop.openVaultFolder', { path: 'C:\\Windows' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await ask('desktop.chooseFolder', { title: 'x'.repeat(201) })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(done).toEqual([]);
  });
});
