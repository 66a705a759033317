import { hostname } from 'node:os';
import {
  LogController,
  type FastifyBaseLogger,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import pino from 'pino';

/** Log lines wait in memory until this many bytes, or FLUSH_MS, whichever comes first. */
const BUFFER_BYTES = 4096;
const FLUSH_MS = 1000;
const LOGS_REQUESTS = new Set(['info', 'debug', 'trace']);

type Method = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
type Bindings = Parameters<FastifyBaseLogger['child']>;

/**
 * A request's logger, made only if the request logs something beyond its completion line
 * (Fastify makes one per request; most requests never use it).
 */
class LazyChild {
  #made: FastifyBaseLogger | undefined;

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly args: Bindings,
  ) {}

  get #log(): FastifyBaseLogger {
    return (this.#made ??= this.parent.child(...this.args));
  }

  get level(): string {
    return this.#made?.level ?? this.parent.level;
  }

  set level(level: string) {
    this.#log.level = level;
  }

  #call(method: Method, args: unknown[]) {
    (this.#log[method] as (...a: unknown[]) => void)(...args);
  }

  fatal(...args: unknown[]) {
    this.#call('fatal', args);
  }
  error(...args: unknown[]) {
    this.#call('error', args);
  }
  warn(...args: unknown[]) {
    this.#call('warn', args);
  }
  info(...args: unknown[]) {
    this.#call('info', args);
  }
  debug(...args: unknown[]) {
    this.#call('debug', args);
  }
  trace(...args: unknown[]) {
    this.#call('trace', args);
  }
  silent(...args: unknown[]) {
    this.#call('silent', args);
  }
  child(...args: Bindings): FastifyBaseLogger {
    return this.#log.child(...args);
  }
}

/**
 * One line per request, when it completes, saying what Fastify's two lines (incoming, then
 * completed) said. The line is written as pino writes it, without a logger per request or
 * serializers: at tens of thousands of requests a second those cost more than the request.
 */
class OneLinePerRequest extends LogController {
  readonly #prefix = `{"level":30,"time":`;
  readonly #host = `,"pid":${process.pid},"hostname":${JSON.stringify(hostname())},"reqId":`;

  constructor(private readonly stream: { write(line: string): unknown }) {
    super();
  }

  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    if (error) {
      reply.log.error(
        { req: request, res: reply, err: error, responseTime: reply.elapsedTime },
        'request errored',
      );
      return;
    }
    if (!LOGS_REQUESTS.has(reply.log.level)) return;
    this.stream.write(
      `${this.#prefix}${Date.now()}${this.#host}${JSON.stringify(request.id)},"req":{"method":` +
        `${JSON.stringify(request.method)},"url":${JSON.stringify(request.url)},"remoteAddress":` +
        `${JSON.stringify(request.ip)}},"res":{"statusCode":${reply.statusCode}},"responseTime":` +
        `${reply.elapsedTime},"msg":"request completed"}\n`,
    );
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
): Pick<FastifyServerOptions, 'logger' | 'logController' | 'childLoggerFactory'> {
  if (level === false || level === 'silent') return { logger: false };
  const stream = pino.destination({ dest, sync: false, minLength: BUFFER_BYTES });
  const timer = setInterval(() => stream.flush(), FLUSH_MS);
  timer.unref();
  return {
    logger: { level, stream },
    logController: new OneLinePerRequest(stream),
    childLoggerFactory: (logger, bindings, opts) =>
      new LazyChild(logger, [bindings, opts]) as unknown as FastifyBaseLogger,
  };
}
