import { describe, expect, it } from 'vitest';
import type { Logger } from '../../electron/backend/logger';
import { call, createdVault, errorOf, newBackend } from './support/backend';

/** A logger that keeps what it was told, to check nothing personal or SQL reaches the logs. */
function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (message: string, fields?: Record<string, unknown>) => void lines.push(JSON.stringify([message, fields ?? {}]));
  return { lines, info: keep, warn: keep, error: keep };
}

const internalMessage = expect.stringMatching(/^[^\n]+$/);

describe('dispatcher', () => {
  it('answers an unknown operation with NOT_FOUND, including names inherited from Object', async () => {
    const backend = newBackend();
    for (const name of ['peers.delete', 'toString', 'constructor', '__proto__', 'hasOwnProperty', '', 42, null]) {
      expect(errorOf(await backend.call(name, {}))).toMatchObject({ code: 'NOT_FOUND', reason: 'method' });
    }
  });

  it('turns an unexpected failure into INTERNAL with a plain message and nothing else', async () => {
    const logger = recordingLogger();
    const backend = newBackend({ logger });
    await createdVault(backend);
    await call(backend, 'peers.create', { fullName: 'Rahasia Marker Siswa', className: '8A' });
    // Pull the database out from under the session, as a failing disk would.
    await backend.session.db.close();

    for (const method of ['peers.list', 'peers.create', 'users.list', 'audit.verify'] as const) {
      const result = await backend.call(method, method === 'peers.create' ? { fullName: 'Another', className: '8B' } : {});
      const error = errorOf(result);
      expect(error).toEqual({ code: 'INTERNAL', message: internalMessage });
      expect(Object.keys(error).sort()).toEqual(['code', 'message']);
      expect(error.message).not.toMatch(/SQLITE|SELECT|INSERT|misuse|closed|\bat\s/i);
    }
    const logged = logger.lines.join('\n');
    expect(logged).toContain('unexpected error');
    // The log may name the error's class and code; never its message, which can quote SQL or data.
    expect(logged).not.toMatch(/Database is closed|SELECT|INSERT/);
    expect(logged).not.toContain('Rahasia Marker');
  });

  it('still locks after an internal failure, so the vault does not stay open', async () => {
    const backend = newBackend();
    await createdVault(backend);
    await backend.session.db.close();
    expect(errorOf(await backend.call('peers.list', {})).code).toBe('INTERNAL');

    const status = await call(backend, 'session.lock', {});
    expect(status.state).toBe('locked');
    expect(errorOf(await backend.call('peers.list', {})).code).toBe('LOCKED');
  });

  it('answers a failure the handler meant with its code and no stack trace', async () => {
    const backend = newBackend();
    await createdVault(backend);
    const error = errorOf(await backend.invoke('peers.get', { id: 999 }));
    expect(error).toEqual({ code: 'NOT_FOUND', message: 'peer was not found.', reason: 'peer' });
  });

  it('runs calls one at a time, so concurrent edits see each other', async () => {
    const backend = newBackend();
    await createdVault(backend);
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, i) => backend.invoke('peers.create', { fullName: `Peer ${i}`, className: '8A' })),
    );
    expect(created.every((r) => r.ok)).toBe(true);
    const { peers } = await call(backend, 'peers.list', {});
    expect(peers).toHaveLength(10);
    expect(await call(backend, 'audit.verify', {})).toMatchObject({ ok: true });
  });
});
