import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import type { FastifyServerOptions } from 'fastify';
import pino from 'pino';

/** Log lines wait in memory until this many bytes, or FLUSH_MS, whichever comes first. */
const BUFFER_BYTES = 4096;
const FLUSH_MS = 1000;

/**
 * One line per request, when it completes, saying what Fastify's two lines (incoming, then
 * completed) said: half the lines to format and write.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

/**
 * The server's logging (decision 0019): pino at LOG_LEVEL to standard output through a
 * buffered, asynchronous writer, so a busy server makes one write per few kilobytes of log
 * rather than one blocking write per line. Lines are at most a second late, and pino writes out
 * what is left when the process exits.
 */
export function loggingOptions(
  level: string | false,
  /** Standard output, or (tests) a file. */
  dest: number | string = 1,
): Pick<FastifyServerOptions, 'logger' | 'logController'> {
  if (level === false || level === 'silent') return { logger: false };
  const stream = pino.destination({ dest, sync: false, minLength: BUFFER_BYTES });
  const timer = setInterval(() => stream.flush(), FLUSH_MS);
  timer.unref();
  return { logger: { level, stream }, logController: new OneLinePerRequest() };
}
