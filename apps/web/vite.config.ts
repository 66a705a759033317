import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './vite-precompress.ts';
import { preloadDeps } from './vite-preload-deps.ts';
import { pureContracts } from './vite-pure-contracts.ts';

const preload = preloadDeps();

export default defineConfig({
  plugins: [react(), pureContracts(), preload.plugin, precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    modulePreload: { resolveDependencies: preload.resolveDependencies },
  },
  server: {
    port: 5173,
    // `npm run dev` runs the API on :3000; the Vite dev server forwards /api to it.
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
