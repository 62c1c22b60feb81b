import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..');

/**
 * The executable of the end-to-end build (`npm run dist:e2e`, configured by
 * electron-builder.e2e.yml: the release fuses, but Node's inspector allowed so
 * Playwright can attach), or SEBAYA_PACKAGED_APP when set. Null when neither
 * exists.
 */
export function packagedApp(): string | null {
  const fromEnv = process.env.SEBAYA_PACKAGED_APP;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  const output = path.join(repoRoot, 'dist-e2e');
  if (!existsSync(output)) return null;
  const candidates = [
    path.join(output, 'win-unpacked', 'Sebaya.exe'),
    path.join(output, 'linux-unpacked', 'sebaya'),
    ...readdirSync(output)
      .filter((dir) => dir.startsWith('mac'))
      .map((dir) => path.join(output, dir, 'Sebaya-E2E.app', 'Contents', 'MacOS', 'Sebaya-E2E')),
  ];
  return candidates.find((file) => existsSync(file)) ?? null;
}

/** The file @electron/fuses reads: the .app bundle on macOS, the executable elsewhere. */
export function fuseFile(executable: string): string {
  const app = executable.indexOf('.app/');
  return app === -1 ? executable : executable.slice(0, app + 4);
}

export const noPackageMessage =
  'No packaged end-to-end build here: dist-e2e/ has no unpacked app and SEBAYA_PACKAGED_APP is not set, so the packaged-app ' +
  'suite is skipped. Build one where Electron can be downloaded, on the OS to test: `npm run dist:e2e` ' +
  '(electron-builder.e2e.yml), then run `npm run test:electron` again.';
