import path from 'node:path';
import { parseArgs } from 'node:util';
import { consoleLogger } from '../electron/backend/logger';
import { defaultRendererDir, startHarness } from './server';

/**
 * `npm run dev:web`: the real backend and the renderer in a browser.
 * Data folder: --data-dir, else SEBAYA_DATA_DIR, else .dev-data/ in this
 * repository — never the app's real vault folder.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      built: { type: 'boolean', default: false },
    },
  });
  const dataDir = path.resolve(values['data-dir'] ?? process.env.SEBAYA_DATA_DIR ?? path.join(__dirname, '..', '.dev-data'));
  const harness = await startHarness({
    dataDir,
    port: values.port ? Number(values.port) : 5199,
    ...(values.built ? { rendererDir: defaultRendererDir() } : {}),
    logger: consoleLogger,
  });
  console.log(`Sebaya web harness: ${harness.url}  (data folder: ${dataDir})`);
  const stop = () => void harness.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
