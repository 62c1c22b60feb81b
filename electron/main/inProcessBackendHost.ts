import { createBackend } from '../backend/backend';
import type { Logger } from '../backend/logger';
import { calibrateScrypt } from '../backend/vault/kdf';
import type { BackendHost } from './backendHost';

export interface InProcessBackendOptions {
  /** `<userData>/vault`. */
  dataDir: string;
  logger: Logger;
}

/**
 * The backend in the main process itself. The SQLCipher driver is
 * asynchronous (its work runs on libuv's thread pool), so calls do not block
 * the window; issue 7 may replace this with a worker-thread host.
 *
 * Key-slot cost is tuned to this PC before the first call (DESIGN.md, "Vault
 * and keys"): a few short scrypt runs, also off the event loop.
 */
export async function inProcessBackendHost(options: InProcessBackendOptions): Promise<BackendHost> {
  const kdfCost = await calibrateScrypt();
  options.logger.info('kdf calibrated', { N: kdfCost.N });
  const backend = createBackend({ dataDir: options.dataDir, logger: options.logger, kdfCost });
  return {
    call: (method, input) => backend.call(method, input),
    lockNow: (reason) => backend.lockNow(reason),
    lockIfIdle: () => backend.lockIfIdle(),
  };
}
