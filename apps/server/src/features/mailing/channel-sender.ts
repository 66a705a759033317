import type { Db } from '../../db/client.ts';

/** What the SMTP server or the SMS gateway answered for a message it took. */
export interface SendOutcome {
  response: string;
}

/**
 * A message that did not go. `permanent`: the server refused it for good (SMTP 5xx, a gateway's
 * 4xx about the number) — record it, never retry; otherwise (4xx SMTP, a timeout, a 5xx or 429
 * from a gateway) try again later.
 */
export class SendFailure extends Error {
  constructor(
    readonly response: string,
    readonly permanent: boolean,
  ) {
    super(response);
    this.name = 'SendFailure';
  }
}

/** One SMS through the organization's gateway: `to` in E.164, `text` final (placeholders filled). */
export type SmsSender = (
  db: Db,
  orgId: string,
  msg: { to: string; text: string },
) => Promise<SendOutcome>;
