import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// The Node side: the CLI, the core's worker and Electron's main process, bundled
// into dist-main. kysely, zod and the file-format libraries are bundled in; electron and better-sqlite3 (a
// native module) stay external. Chunks sit beside worker.js because the worker is
// found relative to the file that starts it.
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'dist-main',
    emptyOutDir: true,
    target: 'node24',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: {
        cli: 'src-main/cli/cli.ts',
        worker: 'src-main/core/worker.ts',
        'integrity-check': 'src-main/core/db/integrity-check.worker.ts',
        'recompute-worker': 'src-main/core/insights/recompute-worker.ts',
        'finish-copy': 'src-main/core/backup/finish-copy.worker.ts',
        'electron-main': 'src-main/electron/main.ts',
      },
      external: ['electron', 'better-sqlite3', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)],
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: '[name]-[hash].js',
      },
    },
  },
  ssr: { noExternal: ['kysely', 'zod', 'csv-parse', 'csv-stringify', 'ical.js', 'ical-generator'] },
});
