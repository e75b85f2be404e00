import { defineConfig } from 'vitest/config';

// Three tiers: pure unit tests, database tests (PGlite; PostgreSQL when OBIEG_TEST_DATABASE_URL
// is set) and HTTP tests through the app without a network; plus the browser tests, which drive
// Debian's Chromium against the real server on 127.0.0.1 (test/browser, `--project browser`).
export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/architecture/**/*.test.ts'],
          exclude: ['src/**/*.db.test.ts', 'src/**/*.http.test.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'db', include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'http', include: ['src/**/*.http.test.ts', 'test/**/*.http.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.browser.test.ts', 'test/portal/*.browser.test.ts'],
          // Builds web/dist when stale and checks that Chromium is there.
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 90_000,
        },
      },
    ],
  },
});
