import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, findChromium } from './tests/support/chromium';

// One run, three projects: unit tests under Node, view tests in Chromium (browser mode), and
// end-to-end tests that build the app, start web mode and drive Chromium. The verbose reporter
// prints every skipped test with its reason.
export default defineConfig({
  test: {
    reporters: ['verbose', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          // Builds out/cli first: tests that spawn bin/marginalia.js then run the current sources.
          globalSetup: ['scripts/build-cli.mjs'],
          include: ['tests/main/**/*.test.ts', 'tests/shared/**/*.test.ts'],
          // A guard against hangs, not a speed target: on two cores running all three projects
          // at once, a property test or a spawned CLI can take longer than vitest's default 5 s.
          testTimeout: 20_000,
        },
      },
      {
        // Pre-bundled up front, or the first run in a fresh clone reloads mid-test.
        optimizeDeps: {
          include: [
            'react',
            'react-dom/client',
            'react/jsx-dev-runtime',
            'prosemirror-view',
            'prosemirror-state',
            'prosemirror-model',
            'diff',
          ],
        },
        test: {
          name: 'view',
          globalSetup: ['tests/support/require-chromium.ts'],
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          testTimeout: 20_000, // as for unit: a hang guard on a busy two-core machine
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: {
                executablePath: findChromium() ?? 'chromium-not-found',
                args: CHROMIUM_ARGS,
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts', 'tests/electron/**/*.test.ts'],
          globalSetup: ['tests/support/build-renderer.ts', 'scripts/build-cli.mjs'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
