import { constants } from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * API answers (JSON, CSV exports) go out compressed once they are worth it. The web app's
 * files are compressed once at build time (`.br`/`.gz` beside each file, served by the static
 * plugin), so they cost no CPU per request; the event stream is never compressed, because a
 * compressor holds events back until its buffer fills.
 */
export const COMPRESSIBLE = /^(application\/json|text\/csv)\b/;

export async function registerCompression(app: FastifyInstance) {
  await app.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    customTypes: COMPRESSIBLE,
    // Brotli's default (11) is meant for files compressed once. Its default window (2^22,
    // 4 MB) is sized for large files: each answer's encoder allocated it, and a browser's board
    // (150 kB of JSON) cost 6 ms more CPU compressed than not; a 256 kB window (2^18) costs
    // about a quarter of that, as small. Quality 1 compresses that board in 0.5 ms of CPU to
    // 21 kB, quality 4 in 1.7 ms to 19 kB (gzip's level 1: 0.9 ms, 22 kB): on a server whose
    // CPU every request shares, 2 kB more on the wire is the cheaper side.
    brotliOptions: {
      params: { [constants.BROTLI_PARAM_QUALITY]: 1, [constants.BROTLI_PARAM_LGWIN]: 18 },
    },
  });
}
