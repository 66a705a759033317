import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './vite-precompress.ts';
import { preloadDeps } from './vite-preload-deps.ts';
import { pureContracts } from './vite-pure-contracts.ts';

const preload = preloadDeps();

/**
 * Mantine's core and the components the login page shows, which nearly every page uses too, in
 * one chunk. Left to itself Rolldown groups each module by the set of on-demand chunks that
 * reach it, so every new dialog loaded on demand cut this code into more, smaller chunks, each
 * with its own imports and exports to send (decision 0039). A component only some pages use
 * stays out of it: the login page must not download it.
 */
const MANTINE_COMMON = new RegExp(
  String.raw`[\\/]@mantine[\\/]core[\\/]esm[\\/](core|components[\\/](` +
    'ActionIcon|Anchor|Button|Center|CloseButton|Group|Input|InputBase|Loader|Paper|Stack|Text|' +
    'TextInput|ThemeIcon|Title|Transition|UnstyledButton' +
    String.raw`))[\\/]`,
);

export default defineConfig({
  plugins: [react(), pureContracts(), preload.plugin, precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    modulePreload: { resolveDependencies: preload.resolveDependencies },
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'mantine-common', test: MANTINE_COMMON }] } },
    },
  },
  server: {
    port: 5173,
    // `npm run dev` runs the API on :3000; the Vite dev server forwards /api to it.
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
