import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

// The office app (index.html) and the pupils' exam app (lab.html) build into dist/renderer, which the
// school server serves and the Electron window loads. `npm run dev:renderer` proxies /api to a running
// `truongso serve` on the default port.
export default defineConfig({
  root: 'src-renderer',
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.resolve('dist/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      input: { index: path.resolve('src-renderer/index.html') },
    },
  },
  server: {
    proxy: {
      // Procedures are POSTs; a GET of /api/… is the renderer's own source (src-renderer/api/client.ts).
      '/api': { target: 'http://127.0.0.1:5175', bypass: (req) => (req.method === 'POST' ? undefined : req.url) },
      '/files': 'http://127.0.0.1:5175',
      '/events': { target: 'ws://127.0.0.1:5175', ws: true },
    },
  },
});
