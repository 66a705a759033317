import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { writeSync } from 'node:fs';
import { IncomingMessage, type ServerOptions, type ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Socket } from 'node:net';
import {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import pino from 'pino';

/**
 * Request lines wait in memory, as their values, until this many requests have completed (about
 * 256 kB of text), or FLUSH_MS has passed, whichever comes first. (Each batch is one write handed
 * to a thread of Node's: at 256 lines a batch, handing them over was a tenth of logging's share
 * of a cached `/api/me` in a CPU profile.)
 */
const HELD = 1024;
const FLUSH_MS = 1000;
const LOGS_REQUESTS = new Set(['info', 'debug', 'trace']);
/** Node publishes every response its HTTP servers finish here, once anyone listens. */
const RESPONSE_FINISHED = 'http.server.response.finish';
/**
 * Node's request object, as the logging server's HTTP server makes it: with room for what the
 * request line needs from the start, so every request keeps one shape. (Properties added to
 * Node's request or socket objects afterwards give its HTTP code objects of several shapes to
 * handle; a map beside them, looked up by object, took about 1 % of a cached `/api/me` in a
 * CPU profile, more than the rest of the line.) A request's `responseTime` counts from when
 * Node had read its headers. Only the request is made this way: a subclass of Node's response
 * as well (noting the line when the app ends it, instead of the diagnostics channel) made the
 * logging process spend 11–19 % more CPU per cached `/api/me` than a silent one, against
 * 0–9 % this way.
 */
export class LoggedMessage extends IncomingMessage {
  /** When Node had read the request's headers. */
  readonly started = performance.now();
  /** The Fastify request this became, until its response has finished. */
  answering: FastifyRequest | undefined = undefined;
}

type Method = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
type Bindings = Parameters<FastifyBaseLogger['child']>;

/**
 * A request's logger, with its `reqId`, made only if the request logs something beyond its
 * completion line (most requests never do).
 */
class LazyChild {
  #made: FastifyBaseLogger | undefined;

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly request: FastifyRequest,
  ) {}

  get #log(): FastifyBaseLogger {
    return (this.#made ??= this.parent.child({ reqId: this.request.id }));
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
 * Fastify's request lines, kept to what Spotter writes: none when a request comes in (the one
 * line per request is written when its response is finished, see `serverLogging`), and an error
 * line when a response fails. An incoming request is given its logger here, and noted for the
 * line written when it is finished.
 *
 * Why here: Fastify, told it has no logger and given no child logger factory, hands every
 * request its no-op logger and calls this right after making the request and its reply. A
 * factory of our own would be called at the same point, but Fastify then checks every logger it
 * returns, method by method (about a sixth of what logging cost a cached `/api/me` in a CPU
 * profile).
 */
class RequestMarks extends LogController {
  constructor(private readonly root: FastifyBaseLogger) {
    super();
  }

  override incomingRequest(request: FastifyRequest, reply: FastifyReply): void {
    const log = new LazyChild(this.root, request) as unknown as FastifyBaseLogger;
    request.log = log;
    reply.log = log;
    // Requests `inject`ed (tests) are not Node's, and are never written.
    const raw = request.raw;
    if (raw instanceof LoggedMessage) raw.answering = request;
  }

  /** A request a closing server refused (Fastify has not given it a logger of its own yet). */
  override serviceUnavailable(): void {
    this.root.info(
      { res: { statusCode: 503 } },
      'request aborted - refusing to accept new requests as server is closing',
    );
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (!error || this.isLogDisabled(request)) return;
    reply.log.error(
      { req: request, res: reply, err: error, responseTime: reply.elapsedTime },
      'request errored',
    );
  }
}

/** The writer pino's own destination is: asynchronous, it may still hold what it was given. */
type Destination = ReturnType<typeof pino.destination>;

const ascii = (text: string) => Buffer.from(text, 'latin1');

/**
 * Writes `text` as a JSON string into `out` at `at`, and says where it ended. Request ids,
 * methods, paths and addresses are nearly always printable ASCII, copied a byte a character;
 * any other string is written as JSON.stringify writes it, in UTF-8.
 */
export function writeQuoted(out: Buffer, at: number, text: string): number {
  let i = at;
  out[i++] = 0x22;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) {
      return at + out.write(JSON.stringify(text), at, 'utf8');
    }
    out[i++] = c;
  }
  out[i++] = 0x22;
  return i;
}

/** A whole number of at most 15 digits, in decimal. */
function writeWhole(out: Buffer, at: number, value: number): number {
  if (value < 10) {
    out[at] = 0x30 + value;
    return at + 1;
  }
  let digits = 0;
  for (let v = value; v >= 1; v = Math.floor(v / 10)) digits++;
  let v = value;
  for (let k = at + digits - 1; k >= at; k--) {
    const next = Math.floor(v / 10);
    out[k] = 0x30 + (v - next * 10);
    v = next;
  }
  return at + digits;
}

/** A duration in milliseconds, to the microsecond: `0.412`, `12.030`. */
function writeMilliseconds(out: Buffer, at: number, ms: number): number {
  const us = ms > 0 ? Math.round(ms * 1000) : 0;
  const whole = Math.floor(us / 1000);
  const part = us - whole * 1000;
  let i = writeWhole(out, at, whole);
  out[i++] = 0x2e;
  out[i++] = 0x30 + Math.floor(part / 100);
  out[i++] = 0x30 + (Math.floor(part / 10) % 10);
  out[i++] = 0x30 + (part % 10);
  return i;
}

/** A line's fixed pieces, as bytes. */
const PIECES = {
  time: ascii('{"level":30,"time":'),
  host: ascii(`,"pid":${process.pid},"hostname":${JSON.stringify(hostname())},"reqId":`),
  method: ascii(',"req":{"method":'),
  url: ascii(',"url":'),
  address: ascii(',"remoteAddress":'),
  status: ascii('},"res":{"statusCode":'),
  took: ascii('},"responseTime":'),
  end: ascii(',"msg":"request completed"}\n'),
};

/**
 * The most a line takes besides its host piece and its four strings' characters: the other
 * pieces (about 130 bytes), four pairs of quotes, and the numbers (time 13 digits, status 5,
 * response time up to 19).
 */
const FIXED_BYTES =
  Object.values(PIECES).reduce((sum, piece) => sum + piece.length, 0) -
  PIECES.host.length +
  8 +
  13 +
  5 +
  19;

function writePiece(out: Buffer, at: number, piece: Buffer): number {
  out.set(piece, at);
  return at + piece.length;
}

/** JSON's own quoting, as bytes. */
const quoted = (text: string) => Buffer.from(JSON.stringify(text), 'utf8');

/**
 * The pieces of a line that repeat from one line to the next, each kept as one copy of bytes:
 * what goes around the method for the usual methods, the address for the addresses seen
 * lately, the status for every status. They are the same bytes the line would be given piece by
 * piece, a third fewer copies and scans a line.
 */
const METHOD_PIECES = new Map(
  ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'].map((method) => [
    method,
    Buffer.concat([PIECES.method, quoted(method), PIECES.url]),
  ]),
);
const ADDRESSES_KEPT = 256;
const STATUS_PIECES: (Buffer | undefined)[] = new Array<Buffer | undefined>(1000).fill(undefined);

function statusPiece(status: number): Buffer {
  return (STATUS_PIECES[status] ??= Buffer.concat([
    PIECES.status,
    ascii(String(status)),
    PIECES.took,
  ]));
}

/**
 * Request lines, kept as their values until HELD requests have finished (or FLUSH_MS has passed),
 * then written out in one go, byte by byte into one buffer handed to the writer.
 *
 * Why values and not text: the same line costs several times as much CPU built between two
 * requests as built in a loop with others (measured in the running server: 1.8 µs against
 * 0.36 µs), and a request answered from memory takes only some 30-50 µs in all; kept as values,
 * a request's share is a few stores. Why bytes: a line put together as a JavaScript string, then
 * encoded, cost about 0.8 µs in the running server; written as bytes it is a copy of a few
 * dozen characters and digits. Why one buffer: the writer (sonic-boom), handed a string per
 * line, measures the UTF-8 length of all it holds on every string (about 3 µs a line). Any other
 * line (a warning, an error) first writes the request lines before it, so the log stays in order,
 * and is written at once.
 */
export class LineBatch {
  #held = 0;
  /** When each request finished, as `performance.now()`. */
  readonly #finished = new Float64Array(HELD);
  readonly #statuses = new Uint16Array(HELD);
  readonly #took = new Float64Array(HELD);
  readonly #ids: string[] = new Array<string>(HELD).fill('');
  readonly #methods: string[] = new Array<string>(HELD).fill('');
  readonly #urls: string[] = new Array<string>(HELD).fill('');
  readonly #addresses: string[] = new Array<string>(HELD).fill('');
  /** The time piece with the digits its lines share, and those digits as a number. */
  #timeHigh = -1;
  #timePiece = PIECES.time;
  /** The addresses seen lately, as the piece of a line they make. */
  readonly #addressPieces = new Map<string, Buffer>();

  constructor(private readonly destination: Destination) {}

  #addressPiece(address: string): Buffer {
    let piece = this.#addressPieces.get(address);
    if (!piece) {
      if (this.#addressPieces.size >= ADDRESSES_KEPT) this.#addressPieces.clear();
      piece = Buffer.concat([PIECES.address, quoted(address)]);
      this.#addressPieces.set(address, piece);
    }
    return piece;
  }

  /** A finished request: kept until the batch is full or the next flush. */
  request(
    id: string,
    method: string,
    url: string,
    address: string,
    status: number,
    /** `performance.now()` when it finished. */
    finished: number,
    responseTime: number,
  ): void {
    const i = this.#held;
    this.#finished[i] = finished;
    this.#ids[i] = id;
    this.#methods[i] = method;
    this.#urls[i] = url;
    this.#addresses[i] = address;
    this.#statuses[i] = status;
    this.#took[i] = responseTime;
    if (++this.#held === HELD) this.#send();
  }

  /** Any other line, as pino writes it: after the request lines that came before it. */
  write(line: string): boolean {
    this.#send();
    return this.#write(Buffer.from(line));
  }

  flush(cb?: (err?: Error) => void): void {
    this.#send();
    this.destination.flush(cb);
  }

  /** At exit: no event loop is left, so what is held is written synchronously. */
  flushSync(): void {
    const rest = this.#bytes();
    try {
      this.destination.flushSync();
      if (rest.length > 0) writeSync((this.destination as unknown as { fd: number }).fd, rest);
    } catch {
      // The file never opened: nothing can be written.
    }
  }

  /** The held requests as their lines, in the order they finished; none are held after. */
  #bytes(): Buffer {
    const n = this.#held;
    if (n === 0) return Buffer.alloc(0);
    let room = 0;
    for (let i = 0; i < n; i++) {
      // Six bytes a character covers any string JSON.stringify writes in UTF-8.
      room +=
        this.#ids[i]!.length +
        this.#methods[i]!.length +
        this.#urls[i]!.length +
        this.#addresses[i]!.length;
    }
    room = room * 6 + n * (PIECES.host.length + FIXED_BYTES);
    const out = Buffer.allocUnsafe(room);
    // Wall-clock times, from the clock now and how long ago each request finished.
    const wallNow = Date.now();
    const monoNow = performance.now();
    let at = 0;
    for (let i = 0; i < n; i++) {
      // A time's digits but its last four change every ten seconds: they come with the piece.
      const time = Math.max(0, Math.floor(wallNow - (monoNow - this.#finished[i]!)));
      const high = Math.floor(time / 10_000);
      if (high > 0) {
        if (high !== this.#timeHigh) {
          this.#timeHigh = high;
          this.#timePiece = Buffer.concat([PIECES.time, ascii(String(high))]);
        }
        at = writePiece(out, at, this.#timePiece);
        let low = time - high * 10_000;
        for (let k = at + 3; k >= at; k--) {
          const next = Math.floor(low / 10);
          out[k] = 0x30 + (low - next * 10);
          low = next;
        }
        at += 4;
      } else {
        at = writePiece(out, at, PIECES.time);
        at = writeWhole(out, at, time);
      }
      at = writePiece(out, at, PIECES.host);
      at = writeQuoted(out, at, this.#ids[i]!);
      const method = this.#methods[i]!;
      const methodPiece = METHOD_PIECES.get(method);
      if (methodPiece) {
        at = writePiece(out, at, methodPiece);
      } else {
        at = writePiece(out, at, PIECES.method);
        at = writeQuoted(out, at, method);
        at = writePiece(out, at, PIECES.url);
      }
      at = writeQuoted(out, at, this.#urls[i]!);
      at = writePiece(out, at, this.#addressPiece(this.#addresses[i]!));
      const status = this.#statuses[i]!;
      if (status < 1000) {
        at = writePiece(out, at, statusPiece(status));
      } else {
        at = writePiece(out, at, PIECES.status);
        at = writeWhole(out, at, status);
        at = writePiece(out, at, PIECES.took);
      }
      at = writeMilliseconds(out, at, this.#took[i]!);
      at = writePiece(out, at, PIECES.end);
    }
    this.#held = 0;
    // A long URL is kept no longer than its line.
    this.#urls.fill('', 0, n);
    return out.subarray(0, at);
  }

  #send(): void {
    if (this.#held > 0) this.#write(this.#bytes());
  }

  /** The writer is in buffer mode: bytes are handed on as they are, without measuring. */
  #write(bytes: Buffer): boolean {
    return (this.destination.write as unknown as (bytes: Buffer) => boolean)(bytes);
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

/** The serializers Fastify gives its own pino logger, for the lines its error paths write. */
const serializers = {
  req: (req: FastifyRequest) => ({
    method: req.method,
    url: req.url,
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  }),
  res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
  err: pino.stdSerializers.err,
};

export interface ServerLogging {
  /** For `Fastify(...)`. */
  options: Pick<FastifyServerOptions, 'logger' | 'logController' | 'disableRequestLogging'> & {
    http?: ServerOptions;
  };
  /** Right after `Fastify(...)`: the app logs through pino, a line for each request answered. */
  attach(app: FastifyInstance): void;
  /** Where the request lines gather (the benchmark times them). */
  lines?: LineBatch;
}

/**
 * The server's logging (decision 0019): pino at LOG_LEVEL to standard output through a
 * buffered, asynchronous writer, so a busy server makes one write per few kilobytes of log
 * rather than one blocking write per line. Request lines are at most a second late, other lines
 * are written at once, and what is held is written out when the process exits.
 *
 * Fastify is told it has no logger, and is given one afterwards (`attach`): with a logger of its
 * own it makes a child logger for every request and listens for every response's end to write
 * its line, which together cost a cached `/api/me` about a tenth of its throughput. Instead, a
 * request's logger is made only when the request logs something, and the request line is
 * written from Node's own notice that a response has finished (the `http.server.response.finish`
 * diagnostics channel), from what the server's request objects (`LoggedMessage`) carry — so
 * only requests that reach the server over HTTP have a line, not `inject`ed ones.
 */
export function serverLogging(
  level: string | false,
  /** Standard output, or (tests) a file. */
  dest: number | string = 1,
): ServerLogging {
  if (level === false || level === 'silent') return { options: { logger: false }, attach() {} };
  const lines = new LineBatch(
    pino.destination({
      dest,
      sync: false,
      minLength: 0,
      maxWrite: 1 << 20,
      contentMode: 'buffer',
    }),
  );
  flushAtExit(lines);
  const timer = setInterval(() => lines.flush(), FLUSH_MS);
  timer.unref();
  const root = pino({ level, serializers }, lines);
  let linesOn = LOGS_REQUESTS.has(root.level);
  root.on('level-change', (label) => {
    linesOn = LOGS_REQUESTS.has(label);
  });
  return {
    lines,
    options: {
      logger: false,
      http: { IncomingMessage: LoggedMessage },
      logController: new RequestMarks(root),
    },
    attach(app) {
      (app as { log: FastifyBaseLogger }).log = root;
      const finished = (message: unknown) => {
        const { request, response, socket, server } = message as {
          request: IncomingMessage;
          response: ServerResponse;
          socket: Socket;
          server: unknown;
        };
        if (server !== app.server || !(request instanceof LoggedMessage)) return;
        const answering = request.answering;
        request.answering = undefined;
        if (!linesOn) return;
        const now = performance.now();
        lines.request(
          answering?.id ?? '',
          request.method ?? '',
          request.url ?? '',
          (answering ? answering.ip : socket.remoteAddress) ?? '',
          response.statusCode,
          now,
          now - request.started,
        );
      };
      subscribe(RESPONSE_FINISHED, finished);
      const stop = () => {
        unsubscribe(RESPONSE_FINISHED, finished);
        lines.flush();
      };
      // Until the server has closed its last connection: a response can finish while the app
      // closes. An app that never listened (tests) stops at once.
      app.server.once('close', stop);
      app.addHook('onClose', (_app, done) => {
        if (app.server.listening) lines.flush();
        else stop();
        done();
      });
    },
  };
}
