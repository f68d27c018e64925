import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.spec.ts'],
    environment: 'node',
    // The officers' calendar is China's: dates in tests are read in Beijing time whatever the
    // machine's zone (core itself takes local dates from its injected clock).
    env: { TZ: 'Asia/Shanghai' },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
})
