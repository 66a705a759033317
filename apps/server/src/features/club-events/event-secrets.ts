import { randomBytes } from 'node:crypto';
import { secretBoxFor, type SecretBox } from '../../lib/secret-box.ts';

/** The box sources' signing secrets are sealed in, keyed by the server's SESSION_SECRET. */
export const eventSecretBox = (sessionSecret: string): SecretBox =>
  secretBoxFor(sessionSecret, 'event source secrets');

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export const newSigningSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** The sealed value opens only on its own source's row. */
export const secretContext = (orgId: string, sourceId: string) => `${orgId}/${sourceId}`;
