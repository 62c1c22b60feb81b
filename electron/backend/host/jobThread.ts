import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Language, TermReport } from '../../../src/contract';
import { bindableParams, WrongKeyError, type Connection, type Driver, type DriverName, type SqlValue } from '../db/driver';
import type { OffThreadWork } from '../session';
import type { JobReply, JobRequest, ThreadError } from './jobProtocol';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

function fromThread(error: ThreadError): Error {
  if (error.name === 'WrongKeyError') return new WrongKeyError();
  return Object.assign(new Error(error.message), { name: error.name, ...(error.code ? { code: error.code } : {}) });
}

/**
 * The worker is bundled beside the backend in the app (out/main/jobWorker.js, electron.vite.config.mts);
 * in development, the tests, the CLI and the bench the backend runs from its TypeScript source, and
 * so does the worker, through tsx.
 */
function spawnJobWorker(): Worker {
  const bundled = path.join(__dirname, 'jobWorker.js');
  if (existsSync(bundled)) return new Worker(bundled, { name: 'sebaya-jobs' });
  const source = path.join(__dirname, 'jobWorker.ts');
  const tsx = require.resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)});`, { eval: true, name: 'sebaya-jobs' });
}

/**
 * The backend's side of the long jobs' thread (jobWorker.ts). Started at its first request and
 * kept for the next job, but never the reason the process stays alive: it is referenced only while
 * a request waits. If the thread dies, what waited on it fails and the next request starts another.
 */
export class JobThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly spawn: () => Worker = spawnJobWorker) {}

  request(body: JobRequest): Promise<unknown> {
    const worker = this.live();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      try {
        worker.postMessage({ ...body, id });
      } catch (error) {
        this.settle(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  private settle(id: number): Pending | undefined {
    const found = this.pending.get(id);
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker?.unref();
    return found;
  }

  private live(): Worker {
    if (this.worker) return this.worker;
    const worker = this.spawn();
    worker.on('message', (reply: JobReply) => {
      const waiting = this.settle(reply.id);
      if (!waiting) return;
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(fromThread(reply.error));
    });
    const stopped = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      const waiting = [...this.pending.values()];
      this.pending.clear();
      for (const { reject } of waiting) reject(error);
    };
    worker.on('error', (error) => stopped(error));
    worker.on('exit', () => stopped(new Error('The thread of the long jobs stopped.')));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** Starts the thread now, so the first job does not wait for it (a vault was opened). */
  warmUp(): void {
    this.live();
  }

  /** Ends the thread (tests; the app's process ends it with itself). */
  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}

const asBuffer = (value: unknown) => (value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value);

/** Blobs come back from the thread as plain Uint8Arrays; the callers expect Buffers, as from the driver itself. */
function rowOf<T>(row: unknown): T {
  if (row === null || typeof row !== 'object') return row as T;
  return Object.fromEntries(Object.entries(row).map(([column, value]) => [column, asBuffer(value)])) as T;
}

/**
 * The same driver, its connections on the long jobs' thread: for a synchronous driver, whose
 * statements beside the queue would otherwise hold every other call (Driver.synchronous).
 */
export function offThreadDriver(name: DriverName, thread: JobThread): Driver {
  return {
    name,
    async open(file, { key, create }) {
      const copy = new Uint8Array(key);
      let conn: number;
      try {
        conn = (await thread.request({ op: 'open', driver: name, file, key: copy, create })) as number;
      } finally {
        // postMessage cloned it; this copy is no longer needed.
        copy.fill(0);
      }
      // Bound here as the driver would, so a value it refuses is refused on this thread, with the same error.
      const params = (values: readonly SqlValue[] = []) => bindableParams(values);
      const connection: Connection = {
        exec: async (sql) => {
          await thread.request({ op: 'exec', conn, sql });
        },
        run: async (sql, values) => (await thread.request({ op: 'run', conn, sql, params: params(values) })) as Awaited<ReturnType<Connection['run']>>,
        get: async (sql, values) => rowOf(await thread.request({ op: 'get', conn, sql, params: params(values) })),
        all: async <T>(sql: string, values?: readonly SqlValue[]) =>
          ((await thread.request({ op: 'all', conn, sql, params: params(values) })) as unknown[]).map((row) => rowOf<T>(row)),
        cipherIntegrityCheck: async (options) => (await thread.request({ op: 'cipherIntegrityCheck', conn, options })) as string[],
        close: async () => {
          await thread.request({ op: 'close', conn });
        },
      };
      return connection;
    },
  };
}

let shared: JobThread | null = null;

/** One thread for the whole process: the app has one backend, and a test file's backends share it. */
export function sharedJobThread(): JobThread {
  shared ??= new JobThread();
  return shared;
}

/**
 * What the long jobs run off the backend's thread: the connections of a synchronous driver
 * (the other driver's statements already run on SQLite's own threads), and the term PDF.
 * `connections: false` keeps the connections on this thread (a test's stand-in driver).
 */
export function offThreadWork(driver: Driver, options: { connections: boolean }, thread: JobThread = sharedJobThread()): OffThreadWork {
  const connections = options.connections && driver.synchronous === true;
  return {
    driver: connections ? offThreadDriver(driver.name, thread) : driver,
    // A job's connection is opened in the call queue: the thread should be up before the first one.
    vaultOpened: () => {
      if (connections) thread.warmUp();
    },
    termPdf: async (report: TermReport, language: Language, today: string) => {
      const bytes = (await thread.request({ op: 'termPdf', report, language, today })) as Uint8Array;
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
  };
}
