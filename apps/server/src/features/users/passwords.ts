import { randomBytes } from 'node:crypto';
import { hash, verify, type Options } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { fieldInvalid } from '../../lib/errors.ts';

const common = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

/** True when the password is on a list of ~50,000 leaked, common passwords. */
export function isCommonPassword(password: string): boolean {
  return common.has(password.toLowerCase());
}

/** Argon2id at the library's defaults (OWASP's: 19 MiB, 2 passes) unless a test lowers it. */
let cost: Options | undefined;

/**
 * For the test suite only, which signs up over a thousand clubs: a cheaper hash there. Verifying
 * reads the cost from the stored hash, so hashes of either cost verify.
 */
export function lowerPasswordCostForTests() {
  cost = { memoryCost: 1024, timeCost: 1 };
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, cost);
}

// Verified against when the email is unknown, so both failures take the same time.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(hashed: string | undefined, password: string) {
  if (hashed === undefined) {
    dummyHash ??= hash(randomBytes(16).toString('hex'), cost);
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(hashed, password).catch(() => false);
}

/** Readable temporary passwords: 4 groups of 4 from an alphabet without look-alikes. */
export function generateTemporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  let out = '';
  for (let i = 0; i < 16; i++) {
    if (i > 0 && i % 4 === 0) out += '-';
    out += alphabet[bytes[i]! % alphabet.length];
  }
  return out;
}

/** Refuses a common password, naming the form field it came from. */
export function assertAcceptablePassword(password: string, field: string) {
  if (isCommonPassword(password)) {
    throw fieldInvalid(field, 'password_common', 'This password is too common; choose another');
  }
}
