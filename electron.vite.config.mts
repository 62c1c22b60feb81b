import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Builds the three parts of the desktop app into out/ (package.json "main"
 * points at out/main/index.js):
 *
 * - main: electron/main/index.ts → out/main. CommonJS, because package.json
 *   has no "type" field. Dependencies (package.json "dependencies": the
 *   native SQLCipher drivers, electron-log, zod, ...) stay external and are
 *   loaded from node_modules at run time; native `.node` modules cannot be
 *   bundled.
 * - preload: electron/preload/index.ts → out/preload/index.js. A sandboxed
 *   preload can require only 'electron' and a few built-ins, so everything
 *   else is bundled in (externalizeDeps off) and the format is CommonJS.
 * - renderer: the React app, root src/ with src/index.html → out/renderer,
 *   served in the app from app://sebaya/ (electron/main/protocol.ts).
 *
 * electron-vite 6 on Vite 8 reads custom entries from
 * build.rolldownOptions.input.
 */
export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      externalizeDeps: true,
      rolldownOptions: {
        // The backend's worker thread (electron/main/backendWorker.ts starts it): out/main/backendWorker.js;
        // the backend starts the thread of its long jobs (electron/backend/host/jobThread.ts): out/main/jobWorker.js.
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          backendWorker: resolve(root, 'electron/backend/host/worker.ts'),
          jobWorker: resolve(root, 'electron/backend/host/jobWorker.ts'),
        },
        external: ['@journeyapps/sqlcipher', 'better-sqlite3-multiple-ciphers'],
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      rolldownOptions: {
        input: { index: resolve(root, 'src/index.html') },
      },
    },
  },
});
