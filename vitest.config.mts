import react from '@vitejs/plugin-react';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/**
 * The whole backend suite runs once more with the driver this platform does not
 * use by default (issue 7): on Linux and macOS that is the Windows driver,
 * better-sqlite3-multiple-ciphers, so CI on Linux proves both. (On Windows the
 * other driver, @journeyapps/sqlcipher, is not installed.) The driver tests and
 * the packaging tests name their drivers themselves and run once.
 */
const otherDriverProject: TestProjectInlineConfiguration[] =
  process.platform === 'win32'
    ? []
    : [
        {
          test: {
            name: 'backend:better-sqlite3-multiple-ciphers',
            include: ['tests/unit/**/*.test.ts'],
            exclude: ['tests/unit/drivers/**', 'tests/unit/packaging/**', 'tests/unit/lint/**'],
            environment: 'node',
            pool: 'forks',
            testTimeout: 30_000,
            env: { SEBAYA_DB_DRIVER: 'better-sqlite3-multiple-ciphers' },
          },
        },
      ];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'backend',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Native SQLCipher handles are not safe to share across worker threads.
          pool: 'forks',
          testTimeout: 30_000,
        },
      },
      ...otherDriverProject,
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/renderer/setup.ts'],
          testTimeout: 15_000,
        },
      },
    ],
  },
});
