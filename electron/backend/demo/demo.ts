import type { Backend } from '../backend';
import type { MethodInput, MethodName, MethodOutput } from '../../../src/contract';
import { generateTemporaryPassword } from '../vault/secrets';
import { seedPeerProgram } from './peerProgram';
import { seedSessionsAndCases } from './sessionsAndCases';
import { seedSupervisionAndEvaluation } from './supervisionAndEvaluation';

/** A small deterministic generator, so the same seed gives the same school every time. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface DemoAccounts {
  coordinator: { username: string; password: string };
  supervisor: { username: string; password: string };
  /** A peer supporter's account that writes its own session logs (issue 4). */
  peer: { username: string; pin: string };
}

async function must<M extends MethodName>(backend: Backend, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await backend.invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/**
 * Fills a new vault with a plausible school: a coordinator, a supervisor and
 * about 30 peers. Goes through the contract like any caller, so demo data
 * obeys every rule the app enforces. Later areas add their data here.
 */
export async function seedDemo(backend: Backend, options: { seed?: number; schoolName?: string } = {}): Promise<DemoAccounts> {
  const random = seededRandom(options.seed ?? 2026);
  const accounts: DemoAccounts = {
    coordinator: { username: 'bk.sari', password: generateTemporaryPassword() },
    supervisor: { username: 'dewi.psikolog', password: generateTemporaryPassword() },
    peer: { username: '', pin: '' },
  };

  await must(backend, 'vault.create', {
    schoolName: options.schoolName ?? 'SMP Negeri 3 Contoh',
    fullName: 'Sari Wulandari, S.Pd.',
    username: accounts.coordinator.username,
    password: accounts.coordinator.password,
    language: 'id',
  });

  const supervisor = await must(backend, 'users.createStaff', {
    username: accounts.supervisor.username,
    fullName: 'Dewi Anggraini, M.Psi., Psikolog',
    role: 'supervisor',
  });

  const coordinatorUserId = (await must(backend, 'app.status', {})).user?.userId ?? 1;
  await seedPeerProgram(backend, { random, supervisorUserId: supervisor.user.id, coordinatorUserId });

  // The supervisor chooses their own password, as a real one would at first unlock.
  await must(backend, 'session.lock', {});
  await must(backend, 'vault.unlock', { username: accounts.supervisor.username, password: supervisor.temporaryPassword });
  await must(backend, 'vault.setNewPassword', { newPassword: accounts.supervisor.password });

  // A term of session logs, cases and referrals, written by the peers, the coordinator and the supervisor.
  await must(backend, 'session.lock', {});
  await must(backend, 'vault.unlock', accounts.coordinator);
  accounts.peer = await seedSessionsAndCases(backend, {
    random,
    coordinator: accounts.coordinator,
    supervisor: accounts.supervisor,
    supervisorUserId: supervisor.user.id,
  });
  // Supervision groups, meetings and action items, peer evaluations, WHO-5 and feedback over the same term.
  await seedSupervisionAndEvaluation(backend, { random, supervisorUserId: supervisor.user.id, coordinatorUserId });
  await must(backend, 'session.lock', {});
  return accounts;
}
