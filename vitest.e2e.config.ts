import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {defineConfig} from 'vitest/config';

const root = path.dirname(fileURLToPath(import.meta.url));

// Browser tests against the built site (npm run build first). One static
// server and one Chromium are started in the global setup; each test file
// connects to them and runs pages in parallel browser contexts.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/support/global-setup.ts'],
    // Two files at a time, each with a few pages open at once: enough to keep
    // two cores busy without starving the browser.
    pool: 'forks',
    maxWorkers: 2,
    minWorkers: 1,
    maxConcurrency: 3,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // An `.only` left in a file would silently drop every other test.
    allowOnly: false,
  },
  resolve: {
    alias: {'@site': root},
  },
});
