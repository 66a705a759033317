import { randomBytes } from 'node:crypto';
import { SecretBox } from '../../lib/secret-box.ts';

const boxes = new Map<string, SecretBox>();

/** The box sources' signing secrets are sealed in, keyed by the server's SESSION_SECRET. */
export function eventSecretBox(sessionSecret: string): SecretBox {
  let box = boxes.get(sessionSecret);
  if (!box) {
    box = new SecretBox(sessionSecret, 'event source secrets');
    boxes.set(sessionSecret, box);
  }
  return box;
}

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export const newSigningSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** The sealed value opens only on its own source's row. */
export const secretContext = (orgId: string, sourceId: string) => `${orgId}/${sourceId}`;
