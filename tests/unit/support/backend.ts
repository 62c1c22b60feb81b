import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import type { AppErrorPayload, MethodInput, MethodName, MethodOutput, Result } from '../../../src/contract';
import { createBackend, type Backend, type BackendOptions } from '../../../electron/backend/backend';
import type { Clock } from '../../../electron/backend/clock';

/** Cheap scrypt so the suite is fast; the real cost is measured by `npm run bench`. */
export const fastKdf = { N: 2 ** 10, r: 8, p: 1 };

const made: string[] = [];

afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

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

export function newBackend(options: Partial<BackendOptions> = {}): Backend {
  return createBackend({ dataDir: options.dataDir ?? tempDir(), kdfCost: fastKdf, ...options });
}

export const coordinator = {
  schoolName: 'SMP Negeri 3 Contoh',
  fullName: 'Sari Wulandari',
  username: 'sari',
  password: 'correct horse battery',
  language: 'id' as const,
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

/** A vault with its first coordinator signed in; returns the recovery key. */
export async function createdVault(backend: Backend): Promise<string> {
  const created = await call(backend, 'vault.create', coordinator);
  expect(created.status.state).toBe('unlocked');
  return created.recoveryKey;
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
  await call(backend, 'vault.unlock', { username: coordinator.username, password: coordinator.password });
  return created.user.id;
}
