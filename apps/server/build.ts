/**
 * Builds the server to JavaScript in apps/server/dist (decision 0022): the server and the
 * thread that runs the embedded database, each one ES module with our code and the contracts bundled in (no shared
 * chunks: code finds the migrations next to the entry file through `import.meta.url`), plus the
 * migrations beside them. `npm start` runs this, then `node apps/server/dist/server.js`.
 */
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
export const serverDist = path.join(here, 'dist');

/**
 * Packages that find their own files next to their code (PGlite's WebAssembly and extension
 * archives, the API docs' page, a native binary) stay in node_modules; everything else is
 * bundled, which saves Node resolving and reading hundreds of small files at every start.
 */
const external = [
  '@electric-sql/pglite',
  '@electric-sql/pglite/*',
  '@node-rs/argon2',
  '@fastify/swagger-ui',
  'pg-native',
];

/** Builds into `outdir` (tests use a folder of their own, so parallel runs do not collide). */
export async function buildServer(outdir = serverDist): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: {
      server: path.join(here, 'src/server.ts'),
      'pglite-worker': path.join(here, 'src/db/pglite-worker.ts'),
    },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    external,
    // Bundled CommonJS packages call require(); an ES module has none of its own.
    banner: {
      js: "import { createRequire as __spotterRequire } from 'node:module'; const require = __spotterRequire(import.meta.url);",
    },
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  cpSync(path.join(here, 'src/db/migrations'), path.join(outdir, 'migrations'), {
    recursive: true,
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildServer();
}
