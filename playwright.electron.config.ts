import { defineConfig } from '@playwright/test';

/**
 * Playwright for the Electron app itself (`_electron`), kept apart from the
 * web end-to-end suite: it needs an Electron binary, which cannot be
 * downloaded on every machine (it cannot here). Where there is none, the
 * spec skips itself and says why. Build first: `npm run build`, then
 * `npx playwright test -c playwright.electron.config.ts`.
 */
export default defineConfig({
  testDir: 'tests/electron',
  testMatch: '**/*.electron.spec.ts',
  globalSetup: './tests/electron/globalSetup.ts',
  outputDir: 'test-results/electron',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  reporter: [['list']],
});
