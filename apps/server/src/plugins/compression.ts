import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';
import compress from '@fastify/compress';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * API answers (JSON, CSV exports) go out compressed once they are worth it. The web app's
 * files are compressed once at build time (`.br`/`.gz` beside each file, served by the static
 * plugin), so they cost no CPU per request; the event stream is never compressed, because a
 * compressor holds events back until its buffer fills.
 */
export const COMPRESSIBLE = /^(application\/json|text\/csv)\b/;

const THRESHOLD = 1024;
const ENCODINGS = ['br', 'gzip'] as const;

export async function registerCompression(app: FastifyInstance) {
  await app.register(compress, {
    threshold: THRESHOLD,
    encodings: [...ENCODINGS],
    customTypes: COMPRESSIBLE,
    // Brotli's default (11) is meant for files compressed once. Its default window (2^22,
    // 4 MB) is sized for large files: each answer's encoder allocated it, and a browser's board
    // (150 kB of JSON) cost 6 ms more CPU compressed than not; a 256 kB window (2^18) costs
    // about a quarter of that, as small. Quality 1 compresses that board in 0.5 ms of CPU to
    // 21 kB, quality 4 in 1.7 ms to 19 kB (gzip's level 1: 0.9 ms, 22 kB): on a server whose
    // CPU every request shares, 2 kB more on the wire is the cheaper side.
    brotliOptions: BROTLI,
  });
}

const BROTLI = {
  params: { [constants.BROTLI_PARAM_QUALITY]: 1, [constants.BROTLI_PARAM_LGWIN]: 18 },
};

/** An answer written once, and compressed once per encoding asked for. */
interface Written {
  json: string;
  plain?: Buffer;
  br?: Buffer;
  gzip?: Buffer;
}
const written = new WeakMap<object, Written>();

/**
 * Sends an answer that many requests share (the same object for each, never changed; the
 * board's, decision 0044): it is written to JSON once and compressed once per encoding, on the
 * first request that needs it, where each request would otherwise write and compress it again.
 * Negotiates as the compression plugin does, which then leaves the answer alone.
 */
export function sendShared<T extends object>(
  req: FastifyRequest,
  reply: FastifyReply,
  answer: T,
  write: (answer: T) => string,
): Buffer {
  let w = written.get(answer);
  if (!w) written.set(answer, (w = { json: write(answer) }));
  reply.type('application/json; charset=utf-8');
  const accepted = req.headers['accept-encoding'];
  const encoding =
    typeof accepted === 'string' && req.headers['x-no-compression'] === undefined
      ? negotiate(accepted.toLowerCase().replace(/\*|x-gzip/gu, 'gzip'), [...ENCODINGS])
      : undefined;
  reply.header('vary', 'accept-encoding');
  if ((encoding !== 'br' && encoding !== 'gzip') || w.json.length < THRESHOLD) {
    return (w.plain ??= Buffer.from(w.json));
  }
  reply.header('content-encoding', encoding);
  if (encoding === 'br') return (w.br ??= brotliCompressSync(w.json, BROTLI));
  return (w.gzip ??= gzipSync(w.json));
}
