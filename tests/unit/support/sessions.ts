import type { MethodInput, MethodOutput } from '../../../src/contract';
import type { Backend } from '../../../electron/backend/backend';
import {
  addPeerAccount,
  addStaff,
  call,
  coordinator,
  createdVault,
  handOverTo,
  newBackend,
  newBackendForFile,
  peerVersion,
  supervisor,
  TestClock,
  unlockAsCoordinator,
} from './backend';

export const budi = { fullName: 'Budi Santoso', username: 'budi', pin: '4321' };
export const citra = { fullName: 'Citra Ayu', username: 'citra', pin: '8765', className: '9B' };
export const eko = { username: 'eko', fullName: 'Eko Prasetyo', role: 'supervisor' as const, password: 'eko supervisor pass' };

/** A complete log for `peerId` about a new help-seeker, nothing on the risk screen; override what a test needs. */
export function aLog(peerId: number, overrides: Partial<MethodInput<'sessionLogs.create'>> = {}): MethodInput<'sessionLogs.create'> {
  return {
    peerId,
    helpSeekerId: null,
    newHelpSeeker: { identity: null },
    heldOn: '2026-08-03',
    // Before the test clock's 08:00 on the same day: a log is written after its session started.
    startTime: '07:15',
    durationMinutes: 30,
    mode: 'in_person',
    groupSize: null,
    topics: ['friendship'],
    summary: 'Merasa ditinggalkan teman sebangku setelah pindah kelompok.',
    actions: 'Mendengarkan, lalu mengajak memikirkan siapa yang bisa diajak bicara.',
    followUpOn: null,
    risks: [],
    noRisks: true,
    concern: 'low',
    submit: true,
    ...overrides,
  };
}

/** The fields of a saved log as an update's input, to change a few of them. */
export function asUpdate(log: MethodOutput<'sessionLogs.get'>['log'], overrides: Partial<MethodInput<'sessionLogs.update'>> = {}): MethodInput<'sessionLogs.update'> {
  return {
    id: log.id,
    version: log.version,
    peerId: log.peerId,
    helpSeekerId: log.helpSeekerId,
    heldOn: log.heldOn,
    startTime: log.startTime,
    durationMinutes: log.durationMinutes,
    mode: log.mode,
    groupSize: log.groupSize,
    topics: log.topics,
    summary: log.summary,
    actions: log.actions,
    followUpOn: log.followUpOn,
    risks: log.risks,
    noRisks: log.noRisks,
    concern: log.concern,
    submit: false,
    ...overrides,
  };
}

export interface Program {
  backend: Backend;
  clock: TestClock;
  supervisorId: number;
  otherSupervisorId: number;
  budi: { peerId: number; userId: number };
  citra: { peerId: number; userId: number };
}

/**
 * A school with a coordinator (signed in), supervisor Dewi who supervises Budi,
 * supervisor Eko who supervises Citra, and both peers active with accounts.
 */
export async function aProgram(options: { forFile?: boolean } = {}): Promise<Program> {
  const clock = new TestClock();
  // forFile: the vault lives until the end of the test file, for a table of tests that share it.
  const backend = options.forFile ? newBackendForFile({ clock }) : newBackend({ clock });
  await createdVault(backend);
  const supervisorId = await addStaff(backend, supervisor);
  const otherSupervisorId = await addStaff(backend, eko);
  const b = await addPeerAccount(backend, budi);
  const c = await addPeerAccount(backend, citra);
  for (const [peer, sup] of [
    [b.peerId, supervisorId],
    [c.peerId, otherSupervisorId],
  ] as const) {
    const { peer: p } = await call(backend, 'peers.get', { id: peer });
    await call(backend, 'peers.update', { id: peer, version: await peerVersion(backend, peer), fullName: p.fullName, className: p.className, supervisorUserId: sup });
  }
  return { backend, clock, supervisorId, otherSupervisorId, budi: b, citra: c };
}

export async function signInAsPeer(backend: Backend, who: { username: string; pin: string } = budi): Promise<void> {
  await call(backend, 'session.lock', {});
  await unlockAsCoordinator(backend);
  await handOverTo(backend, who);
}

export async function signInAsSupervisor(backend: Backend, who: { username: string; password: string } = supervisor): Promise<void> {
  await call(backend, 'session.lock', {});
  await call(backend, 'vault.unlock', { username: who.username, password: who.password });
}

export async function signInAsCoordinator(backend: Backend): Promise<void> {
  await call(backend, 'session.lock', {});
  await call(backend, 'vault.unlock', { username: coordinator.username, password: coordinator.password });
}
