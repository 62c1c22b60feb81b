import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the Electron binary is, if it has been downloaded. Mirrors what
 * `require('electron')` resolves to (node_modules/electron/path.txt under
 * dist/), without calling it: from electron 45 on, requiring the package
 * downloads the binary when it is missing, which must not happen inside a
 * test run (and cannot on a machine without the internet).
 */
export function electronBinary(): string | null {
  const fromEnv = process.env.ELECTRON_EXEC_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  const binary = path.join(distDir, readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export const noBinaryMessage =
  'No Electron binary on this machine: node_modules/electron has no downloaded runtime (path.txt and dist/ are missing), ' +
  'so the app cannot be launched and the Electron suite is skipped. Run `npx install-electron` (or `npm start` once) where ' +
  'the internet is reachable, or set ELECTRON_EXEC_PATH, then `npm run build` and run this suite again.';
