import { defineConfig } from 'vite';

// The preload runs in a sandboxed renderer, which loads only CommonJS and lets it
// require nothing but 'electron': one self-contained .cjs file beside the main
// bundle. Built after vite.main.config.ts, so it must not empty dist-main.
export default defineConfig({
  build: {
    outDir: 'dist-main',
    emptyOutDir: false,
    target: 'chrome140',
    minify: false,
    sourcemap: false,
    lib: {
      entry: 'src-main/electron/preload.ts',
      formats: ['cjs'],
      fileName: () => 'preload.cjs',
    },
    rollupOptions: {
      external: ['electron'],
    },
  },
});
