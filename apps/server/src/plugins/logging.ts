import { writeSync } from 'node:fs';
import { hostname } from 'node:os';
import {
  LogController,
  type FastifyBaseLogger,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import pino from 'pino';

/** Request lines wait in memory until this many characters, or FLUSH_MS, whichever comes first. */
const BUFFER_CHARS = 65_536;
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
 * A string as a JSON string. Request ids, methods, paths and addresses almost never hold a
 * character JSON must escape, and looking for one is a third of what JSON.stringify costs on
 * such short strings (about 175 ns each here, four to a line); any that does goes through it.
 */
export function quoted(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Control characters, the quote, the backslash, and UTF-16 surrogates (JSON.stringify
    // writes a lone one as \uXXXX).
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) {
      return JSON.stringify(text);
    }
  }
  return `"${text}"`;
}

/**
 * One line per request, when it completes, saying what Fastify's two lines (incoming, then
 * completed) said. The line is written as pino writes it, without a logger per request or
 * serializers: at tens of thousands of requests a second those cost more than the request.
 */
class OneLinePerRequest extends LogController {
  readonly #prefix = `{"level":30,"time":`;
  readonly #host = `,"pid":${process.pid},"hostname":${JSON.stringify(hostname())},"reqId":`;

  constructor(private readonly lines: LineBatch) {
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
    this.lines.add(
      `${this.#prefix}${Date.now()}${this.#host}${quoted(request.id)},"req":{"method":` +
        `${quoted(request.method)},"url":${quoted(request.url)},"remoteAddress":` +
        `${quoted(request.ip)}},"res":{"statusCode":${reply.statusCode}},"responseTime":` +
        `${reply.elapsedTime},"msg":"request completed"}\n`,
    );
  }
}

/** The writer pino's own destination is: asynchronous, it may still hold what it was given. */
type Destination = ReturnType<typeof pino.destination>;

/**
 * Request lines gathered in memory and handed to the writer as one buffer of a few dozen
 * kilobytes. Handed to it one string at a time, as before, each line cost about 3 µs: the writer
 * (sonic-boom) measures the UTF-8 length of all it holds on every string it is given. Any other
 * line (a warning, an error) first sends the request lines gathered before it, so the log stays
 * in order, and is written at once.
 */
export class LineBatch {
  #lines: string[] = [];
  #chars = 0;

  constructor(private readonly destination: Destination) {}

  /** A request line: kept until the batch is full or the next flush. */
  add(line: string): void {
    this.#lines.push(line);
    this.#chars += line.length;
    if (this.#chars >= BUFFER_CHARS) this.#send();
  }

  /** Any other line, as pino writes it: after the request lines that came before it. */
  write(line: string): boolean {
    this.#send();
    return this.#write(line);
  }

  flush(cb?: (err?: Error) => void): void {
    this.#send();
    this.destination.flush(cb);
  }

  /** At exit: no event loop is left, so what is held is written synchronously. */
  flushSync(): void {
    const rest = this.#take();
    try {
      this.destination.flushSync();
      if (rest) writeSync((this.destination as unknown as { fd: number }).fd, rest);
    } catch {
      // The file never opened: nothing can be written.
    }
  }

  #take(): string {
    const text = this.#lines.join('');
    this.#lines = [];
    this.#chars = 0;
    return text;
  }

  #send(): void {
    if (this.#lines.length > 0) this.#write(this.#take());
  }

  /** The writer is in buffer mode: one UTF-8 encoding, and no measuring of what it holds. */
  #write(text: string): boolean {
    return (this.destination.write as unknown as (bytes: Buffer) => boolean)(Buffer.from(text));
  }
}

const batches = new Set<LineBatch>();
let exitHooked = false;

function flushAtExit(batch: LineBatch) {
  batches.add(batch);
  if (exitHooked) return;
  exitHooked = true;
  process.on('exit', () => {
    for (const b of batches) b.flushSync();
  });
}

/**
 * The server's logging (decision 0019): pino at LOG_LEVEL to standard output through a
 * buffered, asynchronous writer, so a busy server makes one write per few kilobytes of log
 * rather than one blocking write per line. Request lines are at most a second late, other lines
 * are written at once, and what is held is written out when the process exits.
 */
export function loggingOptions(
  level: string | false,
  /** Standard output, or (tests) a file. */
  dest: number | string = 1,
): Pick<FastifyServerOptions, 'logger' | 'logController' | 'childLoggerFactory'> {
  if (level === false || level === 'silent') return { logger: false };
  const batch = new LineBatch(
    pino.destination({
      dest,
      sync: false,
      minLength: 0,
      maxWrite: 1 << 20,
      contentMode: 'buffer',
    }),
  );
  flushAtExit(batch);
  const timer = setInterval(() => batch.flush(), FLUSH_MS);
  timer.unref();
  return {
    logger: { level, stream: batch },
    logController: new OneLinePerRequest(batch),
    childLoggerFactory: (logger, bindings, opts) =>
      new LazyChild(logger, [bindings, opts]) as unknown as FastifyBaseLogger,
  };
}
