/**
 * The backend's worker thread: the whole backend (vault, driver, services)
 * runs here, so a synchronous driver call (better-sqlite3-multiple-ciphers on
 * Windows) or a long query never blocks the Electron main thread, which keeps
 * the window, menus and OS lock events responsive. Bundled by electron-vite as
 * out/main/backendWorker.js and started by electron/main/backendWorker.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createBackend, type Backend } from '../backend';
import { defaultDriver } from '../db/drivers';
import { describeErrorSafely, type Logger } from '../logger';
import { calibrateScrypt } from '../vault/kdf';
import { isWorkerSettings, type WorkerMessage } from './protocol';
import { serveBackend } from './serve';

const port = parentPort;
if (!port) throw new Error('backend worker: started outside a worker thread');
const post = (message: WorkerMessage): void => port.postMessage(message);

// Logs go to the main thread, which owns the log file; fields stay the backend's safe ones.
const logger: Logger = {
  info: (message, fields) => post({ type: 'log', level: 'info', message, ...(fields ? { fields } : {}) }),
  warn: (message, fields) => post({ type: 'log', level: 'warn', message, ...(fields ? { fields } : {}) }),
  error: (message, fields) => post({ type: 'log', level: 'error', message, ...(fields ? { fields } : {}) }),
};

async function start(): Promise<Backend> {
  if (!isWorkerSettings(workerData)) throw new Error('backend worker: no data folder given');
  const driver = defaultDriver();
  // Key-slot cost tuned to this PC before the first call (DESIGN.md, "Vault and keys").
  const kdfCost = await calibrateScrypt();
  const backend = createBackend({ dataDir: workerData.dataDir, driver, logger, kdfCost });
  post({ type: 'ready', driver: driver.name, kdfN: kdfCost.N });
  return backend;
}

const backend = start();
backend.catch((error: unknown) => {
  post({ type: 'fatal', error: describeErrorSafely(error) });
  process.exit(1);
});
serveBackend(port, backend, logger);
