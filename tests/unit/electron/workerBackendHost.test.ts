/**
 * The backend in a worker thread (issue 7): the Electron main thread only
 * passes messages, so a synchronous driver call or a long query cannot freeze
 * the window. These tests start the real worker entry (through tsx) with the
 * driver this run selects, and stand-in workers for crashes and stalls.
 */
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/backend';
import { defaultDriver } from '../../../electron/backend/db/drivers';
import type { WorkerMessage } from '../../../electron/backend/host/protocol';
import { serveBackend } from '../../../electron/backend/host/serve';
import { WorkerBackendHost, type BackendWorker } from '../../../electron/main/workerBackendHost';
import { spawnScriptWorker, spawnTsBackendWorker } from '../support/backendWorker';
import { coordinator, newBackend, tempDir } from '../support/backend';

const hosts: WorkerBackendHost[] = [];

afterEach(async () => {
  while (hosts.length) await hosts.pop()!.stop();
});

function recordingLogger() {
  const lines: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push({ level, message, fields });
  return { lines, logger: { info: at('info'), warn: at('warn'), error: at('error') } };
}

function hostFor(spawn: () => BackendWorker) {
  const { lines, logger } = recordingLogger();
  const spawned: BackendWorker[] = [];
  const host = new WorkerBackendHost({
    spawn: () => {
      const worker = spawn();
      spawned.push(worker);
      return worker;
    },
    logger,
  });
  hosts.push(host);
  return { host, lines, spawned };
}

describe('the backend in a worker thread', () => {
  it('creates, locks and unlocks a vault through the worker, with the driver this machine selects', async () => {
    const dataDir = tempDir();
    const { host, lines } = hostFor(() => spawnTsBackendWorker({ dataDir }));
    expect(await host.call('app.status', {})).toMatchObject({ ok: true, value: { state: 'no-vault' } });
    expect(lines).toContainEqual({ level: 'info', message: 'backend worker ready', fields: expect.objectContaining({ driver: defaultDriver().name }) });

    expect(await host.call('vault.create', { ...coordinator, language: 'en' })).toMatchObject({ ok: true, value: { status: { state: 'unlocked' } } });
    expect(lines).toContainEqual({ level: 'info', message: 'vault created', fields: undefined });
    await host.lockNow('manual');
    expect(await host.call('app.status', {})).toMatchObject({ ok: true, value: { state: 'locked', lockReason: 'manual' } });
    expect(await host.lockIfIdle()).toBe(false);
    expect(await host.call('vault.unlock', { username: coordinator.username, password: coordinator.password })).toMatchObject({
      ok: true,
      value: { state: 'unlocked' },
    });
  });

  it('passes the dispatcher’s refusals back unchanged: unknown methods and invalid input', async () => {
    const { host } = hostFor(() => spawnTsBackendWorker({ dataDir: tempDir() }));
    expect(await host.call('no.such.method', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await host.call('vault.create', { schoolName: 42 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('answers a call waiting on a worker that dies with INTERNAL, and the next call finds the vault locked in a new worker', async () => {
    const dataDir = tempDir();
    const { host, spawned, lines } = hostFor(() => spawnTsBackendWorker({ dataDir }));
    await host.call('vault.create', { ...coordinator, language: 'en' });
    await host.lockNow('manual');
    const waiting = host.call('vault.unlock', { username: coordinator.username, password: coordinator.password });
    await spawned[0]!.terminate();
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(lines.some((line) => line.message === 'backend worker exited')).toBe(true);

    expect(await host.call('app.status', {})).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(spawned).toHaveLength(2);
  });

  it('treats a lock as done when the worker dies during it, and a lock with no worker as nothing to do', async () => {
    const { host, spawned } = hostFor(() => spawnScriptWorker(`require('node:worker_threads').parentPort.on('message', () => process.exit(3));`));
    await host.lockNow('os');
    expect(spawned).toHaveLength(0);
    host.start();
    await expect(host.lockNow('os')).resolves.toBeUndefined();
    expect(await host.call('app.status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('keeps the main thread responsive while the worker is busy for half a second', async () => {
    // A stand-in backend that blocks its own thread, as a long synchronous query would.
    const { host } = hostFor(() =>
      spawnScriptWorker(`
        const { parentPort } = require('node:worker_threads');
        parentPort.on('message', (request) => {
          const until = Date.now() + 500;
          while (Date.now() < until);
          parentPort.postMessage({ type: 'reply', id: request.id, op: 'call', result: { ok: true, value: 'done' } });
        });`),
    );
    const gaps: number[] = [];
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    }, 10);
    const result = await host.call('app.status', {});
    clearInterval(ticker);
    expect(result).toEqual({ ok: true, value: 'done' });
    expect(gaps.length).toBeGreaterThan(20);
    // Generous for a loaded 2-core machine: a blocked main thread would show one gap of about 500 ms.
    expect(Math.max(...gaps)).toBeLessThan(200);
  });

  it('logs and reports a backend that cannot start, and answers the waiting call with INTERNAL', async () => {
    const { host, lines } = hostFor(() => spawnTsBackendWorker({ notTheDataDir: true }));
    expect(await host.call('app.status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(lines.map((line) => line.message)).toContain('backend worker could not start');
  });
});

describe('the worker side of the protocol', () => {
  function served(backend: Partial<Backend>) {
    const { port1, port2 } = new MessageChannel();
    const { lines, logger } = recordingLogger();
    serveBackend(port2, Promise.resolve(backend as Backend), logger);
    const replies: WorkerMessage[] = [];
    port1.on('message', (message: WorkerMessage) => replies.push(message));
    const close = () => {
      port1.close();
      port2.close();
    };
    return { port: port1, replies, lines, close };
  }

  it('refuses a request of the wrong shape, answering INTERNAL when it can tell which request it was', async () => {
    const { port, replies, lines, close } = served({});
    port.postMessage({ id: 7, op: 'format-disk' });
    port.postMessage({ op: 'call' });
    port.postMessage({ id: 8, op: 'lockNow', reason: 'because' });
    await expect.poll(() => replies.length).toBe(2);
    expect(replies).toEqual([
      { type: 'reply', id: 7, op: 'call', result: expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'INTERNAL' }) }) },
      { type: 'reply', id: 8, op: 'call', result: expect.objectContaining({ ok: false }) },
    ]);
    expect(lines.filter((line) => line.message === 'worker request refused')).toHaveLength(3);
    close();
  });

  it('answers INTERNAL when a result cannot cross to the main thread', async () => {
    const { port, replies, close } = served({ call: async () => ({ ok: true, value: () => 'a function' }) as never });
    port.postMessage({ id: 1, op: 'call', method: 'app.status', input: {} });
    await expect.poll(() => replies.length).toBe(1);
    expect(replies[0]).toMatchObject({ type: 'reply', id: 1, op: 'call', result: { ok: false, error: { code: 'INTERNAL' } } });
    close();
  });

  it('reports a lock that failed as failed, not as done', async () => {
    const { port, replies, close } = served({
      lockNow: async () => {
        throw new Error('disk full');
      },
    });
    port.postMessage({ id: 2, op: 'lockNow', reason: 'os' });
    await expect.poll(() => replies.length).toBe(1);
    expect(replies[0]).toEqual({ type: 'reply', id: 2, op: 'lockNow', failed: 'Error' });
    close();
  });
});

describe('the worker and the in-process backend', () => {
  it('give the same answers to the same calls', async () => {
    const inProcess = newBackend({ dataDir: tempDir() });
    const { host } = hostFor(() => spawnTsBackendWorker({ dataDir: tempDir() }));
    for (const [method, input] of [
      ['app.status', {}],
      ['peers.list', {}],
      ['vault.unlock', { username: 'nobody', password: 'x' }],
    ] as const) {
      expect(await host.call(method, input)).toEqual(await inProcess.call(method, input));
    }
  });
});
