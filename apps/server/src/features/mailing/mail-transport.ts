import { createHash } from 'node:crypto';
import { createTransport, type Transporter } from 'nodemailer';
import type { SmtpSecurity } from '@spotter/contracts';
import type { AllowList } from '../../lib/address-guard.ts';
import {
  checkHost,
  RefusedTarget,
  systemResolver,
  type Resolver,
} from '../../lib/address-guard.ts';
import { AppError } from '../../lib/errors.ts';
import { SendFailure } from './channel-sender.ts';

/** An organization's SMTP server with its secrets opened, as sending needs it. */
export interface SmtpServer {
  host: string;
  port: number;
  security: SmtpSecurity;
  user: string | null;
  password: string | null;
  dkim: { domain: string; selector: string; privateKey: string } | null;
}

export interface OutgoingMail {
  from: { name: string; address: string };
  to: string;
  replyTo?: string | null;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

export interface SentMail {
  accepted: string[];
  response: string;
  messageId: string;
}

export interface TransportOptions {
  allow: AllowList;
  resolver?: Resolver;
}

// A club's server that does not answer must not hold a request or a job for minutes.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

const smtpFailed = (response: string) =>
  new AppError(422, 'smtp_failed', `The mail server answered: ${response}`, undefined, {
    params: { response },
  });

/** What the SMTP server (or the network) said, in its own words. */
function answerOf(err: unknown): string {
  const e = err as { response?: unknown; message?: unknown; code?: unknown };
  if (typeof e.response === 'string' && e.response) return e.response;
  if (typeof e.message === 'string' && e.message) return e.message;
  return String(e.code ?? 'no answer');
}

/** The nodemailer options for a server at an address already checked. */
function transportOptions(server: SmtpServer, address: string) {
  return {
    host: address,
    port: server.port,
    secure: server.security === 'tls',
    requireTLS: server.security === 'starttls',
    ignoreTLS: server.security === 'none',
    tls: { servername: server.host },
    auth: server.user ? { user: server.user, pass: server.password ?? '' } : undefined,
    dkim: server.dkim
      ? {
          domainName: server.dkim.domain,
          keySelector: server.dkim.selector,
          privateKey: server.dkim.privateKey,
        }
      : undefined,
    ...TIMEOUTS,
  };
}

const messageOf = (mail: OutgoingMail) => ({
  from: mail.from,
  to: mail.to,
  replyTo: mail.replyTo ?? undefined,
  subject: mail.subject,
  text: mail.text,
  html: mail.html,
  headers: mail.headers,
});

/**
 * Sends one mail through the organization's server. The host is resolved and checked first
 * (an organization may not point Spotter at private networks unless SPOTTER_SMTP_ALLOW_HOSTS
 * lists them), and the connection goes to the checked address while TLS still verifies the
 * host name. Failures answer 422 `smtp_failed` with the server's reply.
 */
export async function sendThrough(
  server: SmtpServer,
  mail: OutgoingMail,
  opts: TransportOptions,
): Promise<SentMail> {
  let address: string;
  try {
    ({ address } = await checkHost(server.host, {
      resolver: opts.resolver ?? systemResolver,
      allow: opts.allow,
      who: 'mail',
    }));
  } catch (err) {
    if (err instanceof RefusedTarget) throw smtpFailed(err.message);
    throw err;
  }
  const transport = createTransport(transportOptions(server, address));
  try {
    const info = await transport.sendMail(messageOf(mail));
    return {
      accepted: info.accepted.map(String),
      response: info.response,
      messageId: info.messageId,
    };
  } catch (err) {
    throw smtpFailed(answerOf(err));
  } finally {
    transport.close();
  }
}

/**
 * How a failed hand-over ends: an SMTP reply 5xx refuses the message for good (an unknown
 * mailbox, a rejected sender); 4xx, a timeout or a broken connection may work later.
 */
export function sendFailureOf(err: unknown): SendFailure {
  const code = (err as { responseCode?: unknown }).responseCode;
  const permanent = typeof code === 'number' && code >= 500 && code < 600;
  return new SendFailure(answerOf(err), permanent);
}

interface Pooled {
  fingerprint: string;
  transport: Transporter;
  idle: NodeJS.Timeout | undefined;
}

/** A pooled transport is closed after this long without a message. */
const POOL_IDLE_MS = 30_000;

/**
 * Campaign delivery: one pooled SMTP transport per organization (a few connections that carry
 * many messages each) instead of a connection per message. A change of the settings opens a
 * new one; an idle one closes by itself. Failures are `SendFailure`s, permanent or temporary.
 */
export class MailPool {
  readonly #pools = new Map<string, Pooled>();

  constructor(private readonly opts: TransportOptions & { maxConnections?: number }) {}

  async send(orgId: string, server: SmtpServer, mail: OutgoingMail): Promise<SentMail> {
    const transport = await this.#transportFor(orgId, server);
    try {
      const info = (await transport.sendMail(messageOf(mail))) as {
        accepted?: unknown[];
        response?: string;
        messageId?: string;
      };
      return {
        accepted: (info.accepted ?? []).map(String),
        response: info.response ?? '',
        messageId: info.messageId ?? '',
      };
    } catch (err) {
      throw sendFailureOf(err);
    }
  }

  async #transportFor(orgId: string, server: SmtpServer): Promise<Transporter> {
    const fingerprint = createHash('sha256').update(JSON.stringify(server)).digest('hex');
    let pooled = this.#pools.get(orgId);
    if (pooled && pooled.fingerprint !== fingerprint) {
      this.#drop(orgId);
      pooled = undefined;
    }
    if (!pooled) {
      let address: string;
      try {
        ({ address } = await checkHost(server.host, {
          resolver: this.opts.resolver ?? systemResolver,
          allow: this.opts.allow,
          who: 'mail',
        }));
      } catch (err) {
        // The club's settings point somewhere Spotter may not go: not the recipient's fault.
        if (err instanceof RefusedTarget) throw new SendFailure(err.message, false);
        throw err;
      }
      // Another message may have opened one while the host was checked.
      pooled = this.#pools.get(orgId);
      if (!pooled || pooled.fingerprint !== fingerprint) {
        if (pooled) this.#drop(orgId);
        pooled = {
          fingerprint,
          transport: createTransport({
            ...transportOptions(server, address),
            pool: true,
            maxConnections: this.opts.maxConnections ?? 5,
            maxMessages: 1000,
          }),
          idle: undefined,
        };
        this.#pools.set(orgId, pooled);
      }
    }
    clearTimeout(pooled.idle);
    pooled.idle = setTimeout(() => this.#drop(orgId), POOL_IDLE_MS);
    pooled.idle.unref();
    return pooled.transport;
  }

  #drop(orgId: string) {
    const pooled = this.#pools.get(orgId);
    if (!pooled) return;
    clearTimeout(pooled.idle);
    pooled.transport.close();
    this.#pools.delete(orgId);
  }

  /** Closes every connection (the server stops). */
  close(): void {
    for (const orgId of [...this.#pools.keys()]) this.#drop(orgId);
  }
}
