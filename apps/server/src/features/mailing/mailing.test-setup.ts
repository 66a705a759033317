import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  user: string | null;
  raw: string;
  parsed: ParsedMail;
}

/**
 * A real SMTP server on a free local port: it takes mail like a provider would (optionally
 * asking for a login or refusing recipients) and parses each message with mailparser.
 */
export class TestSmtp {
  readonly received: ReceivedMail[] = [];
  /** The only credentials it accepts; null: any login (or none) will do. */
  login: { user: string; pass: string } | null = null;
  /** Recipients it refuses with 550, as a provider refuses an unknown mailbox. */
  refuse = new Set<string>();
  /** Recipients it answers 451 (try again later) this many more times, as a greylist does. */
  deferTimes = new Map<string, number>();
  #server: SMTPServer | null = null;
  port = 0;

  async start(): Promise<this> {
    const options: SMTPServerOptions = {
      secure: false,
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      onAuth: (auth, _session, done) => {
        const login = this.login;
        if (!login || (auth.username === login.user && auth.password === login.pass)) {
          done(null, { user: auth.username });
        } else {
          done(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
        }
      },
      onMailFrom: (_address, session, done) => {
        if (this.login && !session.user) {
          done(Object.assign(new Error('Authentication required'), { responseCode: 530 }));
        } else done();
      },
      onRcptTo: (address, _session, done) => {
        const deferrals = this.deferTimes.get(address.address) ?? 0;
        if (this.refuse.has(address.address)) {
          done(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
        } else if (deferrals > 0) {
          this.deferTimes.set(address.address, deferrals - 1);
          done(Object.assign(new Error('Greylisted, try again later'), { responseCode: 451 }));
        } else done();
      },
      onData: (stream, session, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw)
            .then((parsed) => {
              this.received.push({
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
                user: (session.user as string | undefined) ?? null,
                raw,
                parsed,
              });
              done(null, 'Queued as TEST123');
            })
            .catch(done);
        });
      },
      logger: false,
    };
    this.#server = new SMTPServer(options);
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.#server.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(resolve) : resolve()));
  }
}
