import type { MethodInput, MethodName, MethodOutput } from '../../../src/contract';
import type { Harness } from '../../../harness/server';
import { coordinator } from './fixtures';

/** What the coordinator set up in earlier weeks is entered through the contract, like the screens do, not clicked again. */
export async function must<M extends MethodName>(harness: Harness, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await harness.backend.invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

export const supervisor = { username: 'dewi', fullName: 'Dewi Anggraini', password: 'supervisi setiap kamis' };

/** A supervisor who has already chosen her own password; the coordinator is signed in again afterwards. */
export async function aSupervisor(harness: Harness) {
  const staff = await must(harness, 'users.createStaff', { username: supervisor.username, fullName: supervisor.fullName, role: 'supervisor' });
  await must(harness, 'session.lock', {});
  await must(harness, 'vault.unlock', { username: supervisor.username, password: staff.temporaryPassword });
  await must(harness, 'vault.setNewPassword', { newPassword: supervisor.password });
  await must(harness, 'session.lock', {});
  await must(harness, 'vault.unlock', { username: coordinator.username, password: coordinator.password });
  return staff.user;
}

/** A peer taken through selection to active (training kept on paper, so activated with a reason), under a supervisor. */
export async function anActivePeer(harness: Harness, fullName: string, className: string, supervisorUserId: number) {
  let { peer: p } = await must(harness, 'peers.create', { fullName, className });
  ({ peer: p } = await must(harness, 'peers.transition', { id: p.id, version: p.version, to: 'interviewing' }));
  ({ peer: p } = await must(harness, 'peers.recordInterview', {
    id: p.id,
    version: p.version,
    interviewedOn: '2026-01-10',
    interviewer: coordinator.fullName,
    criteria: { trusted: true, listener: true, confidential: true, steady: true, reliable: true, motivated: true },
    notes: '',
    decision: 'selected',
  }));
  ({ peer: p } = await must(harness, 'peers.transition', { id: p.id, version: p.version, to: 'selected' }));
  ({ peer: p } = await must(harness, 'peers.transition', { id: p.id, version: p.version, to: 'in_training' }));
  ({ peer: p } = await must(harness, 'peers.transition', { id: p.id, version: p.version, to: 'active', override: true, reason: 'Pelatihan tercatat di kertas.' }));
  ({ peer: p } = await must(harness, 'peers.update', { id: p.id, version: p.version, fullName: p.fullName, className: p.className, supervisorUserId }));
  return p;
}
