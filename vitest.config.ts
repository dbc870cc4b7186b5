import { defineConfig } from 'vitest/config';

// The lab's engine (test/lab/lab.sh, BP_LAB_ENGINE): Podman labs run the files written for Podman,
// labs with Docker and Podman side by side the files written for both, Docker labs every other
// lab file. A file never reports itself skipped for the wrong engine.
const PODMAN_FILES = 'test/lab/podman/**/*.test.ts';
const BOTH_FILES = 'test/lab/both/**/*.test.ts';
const onPodman = process.env.BP_LAB_ENGINE === 'podman5';
const onBoth = process.env.BP_LAB_ENGINE === 'docker28+podman5';
const labFiles = onBoth ? [BOTH_FILES] : onPodman ? [PODMAN_FILES] : ['test/lab/**/*.test.ts'];
const labExcluded = onBoth || onPodman ? [] : [PODMAN_FILES, BOTH_FILES, '**/node_modules/**'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // Runs inside a lab namespace with a real Docker engine (see test/lab/lab.sh).
        test: {
          name: 'lab',
          include: labFiles,
          exclude: labExcluded,
          globalSetup: ['test/lab/global-setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
