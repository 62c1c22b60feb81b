import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, expect } from 'vitest';
import type { AppErrorPayload, MethodInput, MethodName, MethodOutput, Result } from '../../../src/contract';
import { createBackend, type Backend, type BackendOptions } from '../../../electron/backend/backend';
import type { Clock } from '../../../electron/backend/clock';

/** Cheap scrypt so the suite is fast; the real cost is measured by `npm run bench`. */
export const fastKdf = { N: 2 ** 10, r: 8, p: 1 };

const made: string[] = [];
const madeForFile: string[] = [];
const backends: Backend[] = [];
const backendsForFile: Backend[] = [];

/** Locks every backend a test made (closing its database) before its folder is removed. */
async function closeAndRemove(open: Backend[], dirs: string[]): Promise<void> {
  while (open.length) await open.pop()!.lockNow('manual').catch(() => undefined);
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
}

afterEach(() => closeAndRemove(backends, made));
afterAll(() => closeAndRemove(backendsForFile, madeForFile));

export function tempDir(prefix = 'sebaya-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export class TestClock implements Clock {
  constructor(private current = new Date('2026-08-03T08:00:00.000Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(date: Date): void {
    this.current = new Date(date);
  }
}

export const minutes = (n: number) => n * 60_000;
export const seconds = (n: number) => n * 1000;

export function newBackend(options: Partial<BackendOptions> = {}): Backend {
  const backend = createBackend({ dataDir: options.dataDir ?? tempDir(), kdfCost: fastKdf, ...options });
  backends.push(backend);
  return backend;
}

/**
 * A backend that lives until the end of the test file, for a table of tests
 * that share one vault (the per-test cleanup would remove its folder).
 */
export function newBackendForFile(options: Partial<BackendOptions> = {}): Backend {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'sebaya-test-'));
  madeForFile.push(dataDir);
  const backend = createBackend({ kdfCost: fastKdf, ...options, dataDir });
  backendsForFile.push(backend);
  return backend;
}

export const coordinator = {
  schoolName: 'SMP Negeri 3 Contoh',
  fullName: 'Sari Wulandari',
  username: 'sari',
  password: 'correct horse battery',
  language: 'id' as const,
};

export const supervisor = {
  username: 'dewi',
  fullName: 'Dewi Lestari',
  role: 'supervisor' as const,
  password: 'supervisor passphrase',
};

export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`Expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function errorOf<T>(result: Result<T>): AppErrorPayload {
  if (result.ok) throw new Error('Expected an error, got success');
  return result.error;
}

export async function call<M extends MethodName>(backend: Backend, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  return value(await backend.invoke(method, input));
}

/** The error a call returns; fails the test when the call succeeds. */
export async function failure<M extends MethodName>(backend: Backend, method: M, input: MethodInput<M>): Promise<AppErrorPayload> {
  return errorOf(await backend.invoke(method, input));
}

/** What the screen does once a generated secret is on it (ShownOnce): from then on the old secret stops working. */
export async function shownOnScreen(backend: Backend, answer: { changeId: string | null }): Promise<void> {
  if (answer.changeId) await call(backend, 'vault.confirmSecretShown', { changeId: answer.changeId });
}

/** A vault with its first coordinator signed in; returns the recovery key. */
export async function createdVault(backend: Backend): Promise<string> {
  const created = await call(backend, 'vault.create', coordinator);
  expect(created.status.state).toBe('unlocked');
  return created.recoveryKey;
}

export async function unlockAsCoordinator(backend: Backend): Promise<void> {
  await call(backend, 'vault.unlock', { username: coordinator.username, password: coordinator.password });
}

/** Adds a staff user and gives them their own password (skipping the first-sign-in change). */
export async function addStaff(
  backend: Backend,
  user: { username: string; fullName: string; role: 'coordinator' | 'supervisor'; password: string },
): Promise<number> {
  const created = await call(backend, 'users.createStaff', { username: user.username, fullName: user.fullName, role: user.role });
  await call(backend, 'session.lock', {});
  await call(backend, 'vault.unlock', { username: user.username, password: created.temporaryPassword });
  await call(backend, 'vault.setNewPassword', { newPassword: user.password });
  await call(backend, 'session.lock', {});
  await unlockAsCoordinator(backend);
  return created.user.id;
}

/**
 * Moves a nominated peer through the life cycle to active, the way a coordinator
 * would who records the interview and then overrides the missing consent, pledge
 * and training with a written reason. A coordinator must be signed in.
 */
export async function activatePeer(backend: Backend, peerId: number): Promise<void> {
  let { peer } = await call(backend, 'peers.get', { id: peerId });
  ({ peer } = await call(backend, 'peers.transition', { id: peerId, version: peer.version, to: 'interviewing' }));
  ({ peer } = await call(backend, 'peers.recordInterview', {
    id: peerId,
    version: peer.version,
    interviewedOn: '2026-07-20',
    interviewer: 'Guru BK',
    criteria: { trusted: true, listener: true, confidential: true, steady: true, reliable: true, motivated: true },
    notes: '',
    decision: 'selected',
  }));
  ({ peer } = await call(backend, 'peers.transition', { id: peerId, version: peer.version, to: 'selected' }));
  ({ peer } = await call(backend, 'peers.transition', { id: peerId, version: peer.version, to: 'in_training' }));
  await call(backend, 'peers.transition', { id: peerId, version: peer.version, to: 'active', override: true, reason: 'Set up for a test.' });
}

/** The peer's current version, for an edit that must not be refused as stale. */
export async function peerVersion(backend: Backend, peerId: number): Promise<number> {
  return (await call(backend, 'peers.get', { id: peerId })).peer.version;
}

/** Adds an active peer to the roster and gives them an account with a PIN; a coordinator must be signed in. */
export async function addPeerAccount(
  backend: Backend,
  peer: { fullName: string; username: string; pin: string; className?: string },
): Promise<{ peerId: number; userId: number }> {
  const created = await call(backend, 'peers.create', { fullName: peer.fullName, className: peer.className ?? '8A' });
  await activatePeer(backend, created.peer.id);
  const account = await call(backend, 'users.createPeerAccount', { peerId: created.peer.id, username: peer.username, pin: peer.pin });
  return { peerId: created.peer.id, userId: account.user.id };
}

/** The signed-in staff member steps away and the peer signs in with their PIN. */
export async function handOverTo(backend: Backend, peer: { username: string; pin: string }): Promise<void> {
  await call(backend, 'session.handOverToPeer', {});
  await call(backend, 'session.peerSignIn', { username: peer.username, pin: peer.pin });
}

/**
 * A student's feedback form as it is given: the signed-in coordinator hands the
 * PC over for it (one form per hand-over), then unlocks again.
 */
export async function giveFeedback(backend: Backend, answers: MethodInput<'feedback.submit'>): Promise<void> {
  await call(backend, 'session.handOverForFeedback', {});
  await call(backend, 'feedback.submit', answers);
  await call(backend, 'session.lock', {});
  await call(backend, 'vault.unlock', { username: coordinator.username, password: coordinator.password });
}
