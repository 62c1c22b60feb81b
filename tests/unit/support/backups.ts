import path from 'node:path';
import type { Backend } from '../../../electron/backend/backend';
import { call, failure, tempDir } from './backend';

/**
 * A coordinator's backups on an ordinary day (issue 6): a backup to a USB
 * folder, a restore over the vault from Settings, a new backup and its check,
 * and a backup to a stick that is not plugged in. Done first in a walk-through,
 * because a restore returns the vault to the moment of its backup. The
 * coordinator must be signed in.
 */
export async function aDayOfBackups(backend: Backend, coordinator: { username: string; password: string }): Promise<void> {
  const stick = tempDir('sebaya-usb-');
  const first = await call(backend, 'backups.create', { folder: stick });
  const { username, password } = coordinator;
  await call(backend, 'backups.restore', { file: first.file, credential: { kind: 'password', username, password } });
  await call(backend, 'vault.unlock', { username, password });
  const second = await call(backend, 'backups.create', { folder: stick });
  await call(backend, 'backups.verify', { file: second.file });
  await failure(backend, 'backups.create', { folder: path.join(stick, 'not-plugged-in') });
}
