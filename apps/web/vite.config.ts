import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './vite-precompress.ts';
import { preloadDeps } from './vite-preload-deps.ts';
import { pureContracts } from './vite-pure-contracts.ts';

const preload = preloadDeps();

/** A module test: its path (with `/`) contains one of `parts`. */
const within =
  (...parts: string[]) =>
  (id: string) => {
    const path = id.replaceAll('\\', '/');
    return parts.some((part) => path.includes(part));
  };
const components = (...names: string[]) =>
  names.map((name) => `/@mantine/core/esm/components/${name}`);

/**
 * Shared code in two chunks of its own (decision 0039). Left to itself Rolldown puts each module
 * in a chunk by the set of on-demand chunks that reach it, so Mantine was cut into dozens of
 * small chunks, each with its own imports and exports to send, and every new dialog loaded on
 * demand cut it further. `mantine-common`: Mantine's core and the components the login page
 * shows, which nearly every page uses too. `mantine-frame`: what the signed-in frame (menu,
 * search, bell, navigation) needs beyond that, which every signed-in page downloads anyway. A
 * module the login page uses must not be in the second group, or the login page downloads the
 * whole group: the first group takes it first (`BENCH_LIST=1 npm run bench:web` shows it).
 */
const CHUNK_GROUPS = [
  {
    name: 'mantine-common',
    test: within(
      '/@mantine/core/esm/core/',
      ...components(
        'ActionIcon/',
        'Anchor/',
        'Button/',
        'Center/',
        'CloseButton/',
        'Combobox/Combobox.module.mjs',
        'Combobox/ComboboxChevron/',
        'Combobox/get-parsed-combobox-data/',
        'Group/',
        'Input/',
        'InputBase/',
        'Loader/',
        'Paper/',
        'Stack/',
        'Text/',
        'TextInput/',
        'ThemeIcon/',
        'Title/',
        'Transition/',
        'UnstyledButton/',
      ),
      '/@mantine/hooks/esm/use-uncontrolled/',
    ),
  },
  {
    name: 'mantine-frame',
    test: within(
      ...components(
        'Accordion/AccordionChevron',
        'AppShell/',
        'Avatar/',
        'Badge/',
        'Burger/',
        'Checkbox/CheckIcon',
        'Collapse/',
        'Combobox/',
        'Divider/',
        'FocusTrap/',
        'Indicator/',
        'Kbd/',
        'Menu/',
        'NavLink/',
        'Overlay/',
        'Popover/',
        'Portal/',
        'Radio/RadioIcon',
        'ScrollArea/',
        'Tooltip/',
        'VisuallyHidden/',
      ),
      '/@floating-ui/',
      '/react-remove-scroll',
    ),
  },
];

export default defineConfig({
  plugins: [react(), pureContracts(), preload.plugin, precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    modulePreload: { resolveDependencies: preload.resolveDependencies },
    rolldownOptions: {
      output: { codeSplitting: { groups: CHUNK_GROUPS } },
    },
  },
  server: {
    port: 5173,
    // `npm run dev` runs the API on :3000; the Vite dev server forwards /api to it.
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
