import { fail, type Result } from '../../src/contract';
import type { HostReply, HostRequest, LockReason, WorkerMessage } from '../backend/host/protocol';
import type { Logger } from '../backend/logger';
import type { BackendHost } from './backendHost';

/** The part of a `Worker` the host uses, so tests can hand it any worker they start. */
export interface BackendWorker {
  postMessage(message: HostRequest): void;
  on(event: 'message', listener: (message: WorkerMessage) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): Promise<number>;
}

export interface WorkerBackendHostOptions {
  /** Starts a fresh backend worker; called again after a worker has died. */
  spawn: () => BackendWorker;
  logger: Logger;
}

type Pending = { op: HostRequest['op']; resolve: (reply: HostReply) => void };

const internal: Result<never> = fail({ code: 'INTERNAL', message: 'Something went wrong inside Sebaya. Nothing was changed.' });

/**
 * The backend in a worker thread (electron/backend/host/worker.ts). The main
 * thread only passes messages, so no database call, synchronous or not, can
 * stall the window. If the worker dies, every call waiting on it is answered
 * INTERNAL, the vault is closed with it (its memory, keys included, went with
 * the thread), and the next call starts a new worker, which finds the vault
 * locked.
 */
export class WorkerBackendHost implements BackendHost {
  private worker: BackendWorker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly options: WorkerBackendHostOptions) {}

  /** Starts the worker now rather than at the first call, so key-slot calibration is done before the user needs it. */
  start(): void {
    this.live();
  }

  async call(method: unknown, input: unknown): Promise<Result<unknown>> {
    const reply = await this.request({ op: 'call', method, input });
    if ('failed' in reply || reply.op !== 'call') return internal;
    return reply.result;
  }

  async lockNow(reason: LockReason): Promise<void> {
    // No worker, no open vault: nothing to close.
    if (!this.worker) return;
    const reply = await this.request({ op: 'lockNow', reason });
    if ('failed' in reply) throw new Error('The backend could not lock the vault.');
  }

  async lockIfIdle(): Promise<boolean> {
    if (!this.worker) return false;
    const reply = await this.request({ op: 'lockIfIdle' });
    if ('failed' in reply) throw new Error('The backend could not check for idleness.');
    return reply.op === 'lockIfIdle' && reply.locked;
  }

  /** Locks, then ends the worker (quitting). */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    await this.lockNow('manual').catch(() => undefined);
    this.worker = null;
    await worker.terminate();
  }

  private request(body: DistributiveOmit<HostRequest, 'id'>): Promise<HostReply> {
    const worker = this.live();
    const id = this.nextId++;
    return new Promise<HostReply>((resolve) => {
      this.pending.set(id, { op: body.op, resolve });
      try {
        worker.postMessage({ ...body, id } as HostRequest);
      } catch (error) {
        // The input could not be cloned (a renderer cannot send such a thing over IPC, but a caller here could).
        this.pending.delete(id);
        this.options.logger.warn('backend request not sent', { name: error instanceof Error ? error.name : 'unknown' });
        resolve({ type: 'reply', id, op: body.op, failed: 'DataCloneError' });
      }
    });
  }

  private live(): BackendWorker {
    if (this.worker) return this.worker;
    const worker = this.options.spawn();
    this.worker = worker;
    worker.on('message', (message) => this.receive(worker, message));
    worker.on('error', (error) => {
      this.options.logger.error('backend worker crashed', { name: error.name });
    });
    worker.on('exit', (code) => this.died(worker, code));
    return worker;
  }

  private receive(from: BackendWorker, message: WorkerMessage): void {
    if (from !== this.worker) return;
    switch (message.type) {
      case 'reply': {
        const waiting = this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id);
        waiting.resolve(message);
        return;
      }
      case 'ready':
        this.options.logger.info('backend worker ready', { driver: message.driver, kdfN: message.kdfN });
        return;
      case 'fatal':
        this.options.logger.error('backend worker could not start', message.error);
        return;
      case 'log':
        this.options.logger[message.level](message.message, message.fields);
        return;
    }
  }

  private died(worker: BackendWorker, code: number): void {
    if (worker !== this.worker) return;
    this.worker = null;
    if (code !== 0 || this.pending.size > 0) this.options.logger.error('backend worker exited', { code, waiting: this.pending.size });
    const waiting = [...this.pending.entries()];
    this.pending.clear();
    for (const [id, { op, resolve }] of waiting) {
      // A lock request is answered as done: the vault closed with the worker.
      resolve(op === 'lockNow' ? { type: 'reply', id, op } : { type: 'reply', id, op, failed: 'worker-exited' });
    }
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
