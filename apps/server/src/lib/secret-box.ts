import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts small secrets kept in the database (AES-256-GCM), with a key derived from the
 * server's SESSION_SECRET for one purpose, so a copy of the database alone reveals nothing
 * (decision 0014). `context` (the owner's ids) is authenticated too: a sealed value copied onto
 * another row does not open there.
 */
export class SecretBox {
  readonly #key: Buffer;

  constructor(masterSecret: string, purpose: string) {
    this.#key = Buffer.from(hkdfSync('sha256', masterSecret, 'spotter', purpose, 32));
  }

  seal(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  /** The plain text, or null when the value was sealed with another key or context. */
  open(sealed: string, context: string): string | null {
    const [version, data] = sealed.split('.');
    if (version !== VERSION || !data) return null;
    const bytes = Buffer.from(data, 'base64url');
    if (bytes.length < IV_BYTES + TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const body = bytes.subarray(IV_BYTES + TAG_BYTES);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}

const boxes = new Map<string, SecretBox>();

/** One box per server secret and purpose, built once (deriving the key is not free). */
export function secretBoxFor(masterSecret: string, purpose: string): SecretBox {
  const key = `${purpose}\u0000${masterSecret}`;
  let box = boxes.get(key);
  if (!box) {
    box = new SecretBox(masterSecret, purpose);
    boxes.set(key, box);
  }
  return box;
}
