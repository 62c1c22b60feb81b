import { existsSync } from 'node:fs';
import path from 'node:path';

/** The harness serves the built renderer, so a missing build is a clear setup error, not a blank page. */
export default function globalSetup(): void {
  const index = path.resolve(__dirname, '..', '..', '..', 'out', 'renderer', 'index.html');
  if (!existsSync(index)) {
    throw new Error('out/renderer is missing: run `npm run build` before the end-to-end tests (npm test does it).');
  }
}
