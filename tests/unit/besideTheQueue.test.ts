import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultDriver } from '../../electron/backend/db/drivers';
import type { Connection, Driver } from '../../electron/backend/db/driver';
import { call, coordinator, createdVault, newBackend, tempDir } from './support/backend';

/**
 * Issue 12: a long job runs beside the call queue, on its own read connection, while every
 * other call keeps answering. A driver stand-in holds the job's reads until the test lets
 * them go, so "while it runs" is a fact, not a timing guess.
 */
function heldReaders(holds: (sql: string) => boolean = (sql) => sql.includes('FROM audit_log')) {
  const real = defaultDriver();
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let reading: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (reading = resolve));
  let opened = 0;
  const driver: Driver = {
    name: real.name,
    async open(file, options) {
      const connection = await real.open(file, options);
      opened += 1;
      // The first connection is the vault's own; later ones are readers beside the queue.
      if (opened === 1) return connection;
      const held: Connection = {
        ...connection,
        exec: (sql) => connection.exec(sql),
        get: (sql, params) => connection.get(sql, params),
        all: async (sql, params) => {
          if (holds(sql)) {
            reading();
            await released;
          }
          return connection.all(sql, params);
        },
        run: async (sql, params) => {
          if (holds(sql)) {
            reading();
            await released;
          }
          return connection.run(sql, params);
        },
        cipherIntegrityCheck: () => connection.cipherIntegrityCheck(),
        close: () => connection.close(),
      };
      return held;
    },
  };
  return { driver, started, release };
}

describe('a full check of the audit chain', () => {
  it('runs beside the queue: other calls answer while it reads, and it counts what was there when it began', async () => {
    const held = heldReaders();
    const backend = newBackend({ driver: held.driver });
    await createdVault(backend);
    const before = (await call(backend, 'audit.list', { limit: 500 })).entries.length;

    const checking = backend.invoke('audit.verify', { full: true });
    await held.started;
    // The check is still reading; a screen's call and a write both go through meanwhile.
    expect((await call(backend, 'session.heartbeat', {})).autoLockMinutes).toBeGreaterThan(0);
    await call(backend, 'peers.create', { fullName: 'Written During The Check', className: '8A' });
    held.release();

    const result = await checking;
    expect(result).toMatchObject({ ok: true, value: { ok: true, full: true, brokenAtId: null } });
    // Its snapshot began before the peer was written: the entries of that write wait for the next check.
    expect(result.ok && result.value.checked).toBe(before);
    const next = await call(backend, 'audit.verify', {});
    expect(next).toMatchObject({ ok: true, full: false });
    expect(next.checked).toBeGreaterThan(0);
  });

  it('ends as LOCKED when the vault locks while it reads, and the vault opens again as before', async () => {
    const held = heldReaders();
    const backend = newBackend({ driver: held.driver });
    await createdVault(backend);
    const checking = backend.invoke('audit.verify', { full: true });
    await held.started;
    await call(backend, 'session.lock', {});
    held.release();
    expect(await checking).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    await call(backend, 'vault.unlock', { username: coordinator.username, password: coordinator.password });
    expect((await call(backend, 'audit.verify', { full: true })).ok).toBe(true);
  });
});

describe('a backup made from the app', () => {
  it('is written beside the queue: the screens answer while its snapshot is taken, and a second one waits its turn', async () => {
    const held = heldReaders((sql) => sql.startsWith('VACUUM INTO'));
    const backend = newBackend({ driver: held.driver });
    await createdVault(backend);
    await call(backend, 'peers.create', { fullName: 'In The Backup', className: '8A' });
    const stick = tempDir('sebaya-usb-');

    const backingUp = backend.invoke('backups.create', { folder: stick });
    await held.started;
    expect((await call(backend, 'peers.list', {})).peers.map((p) => p.fullName)).toEqual(['In The Backup']);
    expect(await backend.invoke('backups.create', { folder: stick })).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'backup-running' } });
    held.release();

    const made = await backingUp;
    expect(made).toMatchObject({ ok: true, value: { verified: true } });
    const file = made.ok ? made.value.file : '';
    expect((await call(backend, 'backups.verify', { file, credential: { kind: 'password', username: coordinator.username, password: coordinator.password } })).contents).not.toBeNull();
    expect((await call(backend, 'audit.list', { action: 'backup.created' })).entries).toHaveLength(1);
  });

  it('stops when the vault locks while it is written, leaving nothing on the stick that looks like a backup', async () => {
    const held = heldReaders((sql) => sql.startsWith('VACUUM INTO'));
    const backend = newBackend({ driver: held.driver });
    await createdVault(backend);
    const stick = tempDir('sebaya-usb-');
    const backingUp = backend.invoke('backups.create', { folder: stick });
    await held.started;
    await call(backend, 'session.lock', {});
    held.release();
    expect(await backingUp).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(readdirSync(stick)).toEqual([]);
  });
});
