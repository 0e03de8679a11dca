import { configDefaults, defineConfig } from 'vitest/config';

// Two projects so `npm test` runs everything while a unit-only run (`npx vitest run tests/lib`)
// never builds a site: the e2e project's globalSetup (tests/support/site.ts) starts one
// Chromium for all e2e files and builds, serves and crawls each data package's site once, in
// the background while the unit tests run (vitest runs a project's globalSetup only when that
// project has test files in the run). groupOrder runs the e2e files after the unit files.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          // After the unit tests, which run while the globalSetup builds the sites.
          sequence: { groupOrder: 1 },
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/site.ts'],
          // Tests marked concurrent (a page each, in its own tab) run two at a time: the browser
          // works beside the test, and CI has two cores.
          maxConcurrency: 2,
        },
      },
    ],
  },
});
