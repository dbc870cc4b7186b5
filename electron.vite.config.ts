import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The CLI is built beside the Electron entry: both are faces over the same engine. The
        // elevated helper is the CLI's `helper --stdio` subcommand: the app runs cli.js as root
        // through pkexec (ELECTRON_RUN_AS_NODE).
        input: { index: resolve('src/main/index.ts'), cli: resolve('src/main/cli.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        // A sandboxed preload must be one CommonJS file.
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    build: {
      outDir: 'out/renderer',
      chunkSizeWarningLimit: 4096,
      // One stylesheet, linked by the page itself: a view's lazily loaded chunk then brings no CSS of
      // its own, whose failed fetch Vite's preloader would remember and never ask for again on a retry.
      cssCodeSplit: false,
      rollupOptions: {
        input: { index: resolve('src/renderer/index.html') },
        // Mantine marks its modules "use client" for React Server Components; meaningless in a bundle.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
});
