import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The admin console (管理控制台): a React single-page app built into dist/console, served by the gateway at /console
 * with every asset from the gateway itself (no CDN: it works on the office's offline network).
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: process.env['CONSOLE_OUT_DIR'] ?? path.resolve(import.meta.dirname, '../../dist/console'),
    emptyOutDir: true,
    // No inline script: the module preload polyfill is not needed by the browsers the office uses.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 600,
  },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
});
