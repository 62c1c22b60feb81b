import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WorkerSettings } from '../backend/host/protocol';
import type { BackendWorker } from './workerBackendHost';

/**
 * Starts the bundled backend worker, out/main/backendWorker.js beside this
 * file's bundle (electron.vite.config.mts names it). Inside the packaged app
 * it is read from app.asar, which Electron supports for worker threads.
 * Kept apart from index.ts so the main-process wiring test can start the
 * TypeScript worker instead.
 */
export function spawnBackendWorker(settings: WorkerSettings): BackendWorker {
  return new Worker(path.join(__dirname, 'backendWorker.js'), { workerData: settings, name: 'sebaya-backend' }) as BackendWorker;
}
