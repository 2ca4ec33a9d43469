import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

// The renderer is loaded from file:// in Electron and from the HTTP bridge in
// browser mode, so asset URLs must be relative. Vite emits no inline scripts,
// which keeps the page's CSP at `script-src 'self'`.
export default defineConfig({
  root: resolve(import.meta.dirname, 'src-renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist-renderer'),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
  },
});
