import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WorkerSettings } from '../../../electron/backend/host/protocol';
import type { BackendWorker } from '../../../electron/main/workerBackendHost';

const workerEntry = path.resolve(__dirname, '../../../electron/backend/host/worker.ts');

/**
 * The real backend worker (electron/backend/host/worker.ts), started from its
 * TypeScript source through tsx, as the bundled out/main/backendWorker.js is
 * in the app. The worker inherits this process's environment, so
 * SEBAYA_DB_DRIVER picks its driver here too.
 */
export function spawnTsBackendWorker(settings: WorkerSettings | Record<string, unknown>): Worker & BackendWorker {
  const tsx = require.resolve('tsx/cjs');
  const code = `require(${JSON.stringify(tsx)}); require(${JSON.stringify(workerEntry)});`;
  return new Worker(code, { eval: true, workerData: settings }) as Worker & BackendWorker;
}

/** A stand-in worker from plain JavaScript source, for what a real backend cannot be made to do on cue. */
export function spawnScriptWorker(source: string): Worker & BackendWorker {
  return new Worker(source, { eval: true }) as Worker & BackendWorker;
}
