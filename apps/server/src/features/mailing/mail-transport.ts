import { createTransport } from 'nodemailer';
import type { SmtpSecurity } from '@spotter/contracts';
import type { AllowList } from '../../lib/address-guard.ts';
import {
  checkHost,
  RefusedTarget,
  systemResolver,
  type Resolver,
} from '../../lib/address-guard.ts';
import { AppError } from '../../lib/errors.ts';

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
  const transport = createTransport({
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
  });
  try {
    const info = await transport.sendMail({
      from: mail.from,
      to: mail.to,
      replyTo: mail.replyTo ?? undefined,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
    });
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
