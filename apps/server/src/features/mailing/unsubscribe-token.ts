import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { CampaignChannel } from '@spotter/contracts';

/** Who an unsubscribe link is for: one person, from one campaign, on one channel. */
export interface UnsubscribeSubject {
  orgId: string;
  campaignId: string;
  personId: string;
  channel: CampaignChannel;
}

/**
 * The person a test mail's links name: nobody. A test mail may be filled in from a real person's
 * data, but following its unsubscribe link must not withdraw that person's consent.
 */
export const TEST_RECIPIENT = '00000000-0000-0000-0000-000000000000';

const MAC_BYTES = 16;
const CHANNEL_CODE: Record<CampaignChannel, number> = { email: 1, sms: 2 };
const keys = new Map<string, Buffer>();

function keyFor(sessionSecret: string): Buffer {
  let key = keys.get(sessionSecret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', sessionSecret, 'spotter', 'unsubscribe links', 32));
    keys.set(sessionSecret, key);
  }
  return key;
}

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const uuidText = (b: Buffer) => {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

/**
 * The token in a mail's unsubscribe links: the three ids and the channel, signed with a key
 * derived from SESSION_SECRET. Nothing is stored; a token is good for exactly the person and
 * campaign it names, and changing any byte of it makes it worthless (HMAC-SHA256, 128 bits).
 */
export function unsubscribeToken(sessionSecret: string, s: UnsubscribeSubject): string {
  const body = Buffer.concat([
    Buffer.from([CHANNEL_CODE[s.channel]]),
    uuidBytes(s.orgId),
    uuidBytes(s.campaignId),
    uuidBytes(s.personId),
  ]);
  const mac = createHmac('sha256', keyFor(sessionSecret)).update(body).digest();
  return Buffer.concat([body, mac.subarray(0, MAC_BYTES)]).toString('base64url');
}

/** The subject of a genuine token; null for anything forged, altered or malformed. */
export function openUnsubscribeToken(
  sessionSecret: string,
  token: string,
): UnsubscribeSubject | null {
  if (!/^[A-Za-z0-9_-]{80,90}$/.test(token)) return null;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== 1 + 48 + MAC_BYTES) return null;
  const body = bytes.subarray(0, 49);
  const mac = createHmac('sha256', keyFor(sessionSecret)).update(body).digest();
  if (!timingSafeEqual(mac.subarray(0, MAC_BYTES), bytes.subarray(49))) return null;
  const channel = (Object.keys(CHANNEL_CODE) as CampaignChannel[]).find(
    (c) => CHANNEL_CODE[c] === body[0],
  );
  if (!channel) return null;
  return {
    channel,
    orgId: uuidText(body.subarray(1, 17)),
    campaignId: uuidText(body.subarray(17, 33)),
    personId: uuidText(body.subarray(33, 49)),
  };
}

/** The page a person opens from the mail, and the one-click address mail apps POST to. */
export function unsubscribeUrls(publicBase: string, token: string) {
  return {
    page: `${publicBase}/unsubscribe/${token}`,
    oneClick: `${publicBase}/api/unsubscribe/${token}`,
  };
}

/** RFC 2369 and RFC 8058 headers: mail apps show "Unsubscribe" and POST to it in one click. */
export function unsubscribeHeaders(publicBase: string, token: string): Record<string, string> {
  const { oneClick } = unsubscribeUrls(publicBase, token);
  return {
    'List-Unsubscribe': `<${oneClick}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}
