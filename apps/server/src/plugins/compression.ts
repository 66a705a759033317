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
    // Brotli's default (11) is meant for files compressed once; 4 is as fast as gzip and
    // still smaller for JSON. Its default window (2^22, 4 MB) is sized for large files: each
    // answer's encoder allocated it, and a browser's board (150 kB of JSON) cost 6 ms more CPU
    // compressed than not; a 256 kB window (2^18) costs about a quarter of that, as small.
    brotliOptions: {
      params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_LGWIN]: 18 },
    },
  });
}
