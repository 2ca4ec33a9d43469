import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Core tests run in Node; renderer component tests opt into jsdom per file
// (`// @vitest-environment jsdom`) so the core never sees DOM globals.
export default defineConfig({
  plugins: [react()],
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
