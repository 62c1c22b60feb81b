import { describe, expect, it } from 'vitest';
import {
  addPeerAccount,
  addStaff,
  call,
  coordinator,
  createdVault,
  newBackend,
  supervisor,
  TestClock,
  unlockAsCoordinator,
} from './support/backend';

const peerForm = { formKey: 'peers/new', area: 'peers', payload: JSON.stringify({ fullName: 'Budi Sant', className: '8' }) };
const settingsForm = { formKey: 'settings', area: 'settings', payload: JSON.stringify({ schoolName: 'SMP Negeri 3' }) };

async function vaultWithSupervisor() {
  const backend = newBackend({ clock: new TestClock() });
  await createdVault(backend);
  await addStaff(backend, supervisor);
  return backend;
}

describe('unsaved form text across a lock', () => {
  it('keeps the drafts handed over at lock and gives them back after unlocking as the same user', async () => {
    const backend = await vaultWithSupervisor();
    await call(backend, 'session.lock', { drafts: [peerForm, settingsForm] });
    await unlockAsCoordinator(backend);
    const { drafts } = await call(backend, 'drafts.list', {});
    expect(drafts.map(({ formKey, area, payload }) => ({ formKey, area, payload })).sort((a, b) => a.formKey.localeCompare(b.formKey))).toEqual([
      peerForm,
      settingsForm,
    ]);
  });

  it('does not show one user’s drafts to another', async () => {
    const backend = await vaultWithSupervisor();
    await call(backend, 'session.lock', { drafts: [peerForm] });
    await call(backend, 'vault.unlock', { username: supervisor.username, password: supervisor.password });
    expect(await call(backend, 'drafts.list', {})).toEqual({ drafts: [] });
  });

  it('keeps only the latest draft of a form', async () => {
    const backend = await vaultWithSupervisor();
    await call(backend, 'session.lock', { drafts: [peerForm] });
    await unlockAsCoordinator(backend);
    const newer = { ...peerForm, payload: JSON.stringify({ fullName: 'Budi Santoso', className: '8A' }) };
    await call(backend, 'session.lock', { drafts: [newer] });
    await unlockAsCoordinator(backend);
    expect((await call(backend, 'drafts.list', {})).drafts.map((d) => d.payload)).toEqual([newer.payload]);
  });

  it('forgets a draft once it is discarded', async () => {
    const backend = await vaultWithSupervisor();
    await call(backend, 'session.lock', { drafts: [peerForm, settingsForm] });
    await unlockAsCoordinator(backend);
    await call(backend, 'drafts.discard', { formKey: peerForm.formKey });
    expect((await call(backend, 'drafts.list', {})).drafts.map((d) => d.formKey)).toEqual([settingsForm.formKey]);
  });

  it('keeps a staff member’s drafts when they hand over to a peer, out of the peer’s sight', async () => {
    const backend = await vaultWithSupervisor();
    const peer = { fullName: 'Budi Santoso', username: 'budi', pin: '4321' };
    await addPeerAccount(backend, peer);
    await call(backend, 'session.handOverToPeer', { drafts: [peerForm] });
    await call(backend, 'session.peerSignIn', { username: peer.username, pin: peer.pin });
    expect(await call(backend, 'drafts.list', {})).toEqual({ drafts: [] });
    await call(backend, 'session.lock', {});
    await call(backend, 'vault.unlock', { username: coordinator.username, password: coordinator.password });
    expect((await call(backend, 'drafts.list', {})).drafts.map((d) => d.payload)).toEqual([peerForm.payload]);
  });

  it('keeps a peer’s own drafts for the peer when they sign out', async () => {
    const backend = await vaultWithSupervisor();
    const peer = { fullName: 'Budi Santoso', username: 'budi', pin: '4321' };
    await addPeerAccount(backend, peer);
    const peerDraft = { formKey: 'sessions/new', area: 'sessions', payload: '{"topic":"friendship"}' };
    await call(backend, 'session.handOverToPeer', {});
    await call(backend, 'session.peerSignIn', { username: peer.username, pin: peer.pin });
    await call(backend, 'session.lock', { drafts: [peerDraft] });

    await unlockAsCoordinator(backend);
    expect(await call(backend, 'drafts.list', {})).toEqual({ drafts: [] });
    await call(backend, 'session.handOverToPeer', {});
    await call(backend, 'session.peerSignIn', { username: peer.username, pin: peer.pin });
    expect((await call(backend, 'drafts.list', {})).drafts.map((d) => d.payload)).toEqual([peerDraft.payload]);
  });

  it('deletes a removed user’s drafts with the account', async () => {
    const backend = newBackend();
    await createdVault(backend);
    const supervisorId = await addStaff(backend, supervisor);
    await call(backend, 'session.lock', {});
    await call(backend, 'vault.unlock', { username: supervisor.username, password: supervisor.password });
    await call(backend, 'session.lock', { drafts: [peerForm] });
    await unlockAsCoordinator(backend);
    await call(backend, 'users.remove', { userId: supervisorId });
    const left = await backend.session.db.all('SELECT * FROM drafts WHERE user_id = ?', [supervisorId]);
    expect(left).toEqual([]);
  });
});
