/**
 * Email addresses as people have them: RFC 5321's dot-atom, widened by RFC 6531 (SMTPUTF8) to
 * letters of any script in the local part and IDNA labels in the domain (`åsa.berg@exempel.se`,
 * `оксана@пример.рф`). Quoted local parts, IP-literal domains and comments are refused: no
 * mailbox a club member has needs them, and they are how garbage gets through a lax check.
 */

/** ASCII atext (RFC 5322 3.2.3) and, per RFC 6531, letters, marks and digits of any script. */
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\-\\p{L}\\p{M}\\p{N}]+";
const LOCAL = new RegExp(`^${ATOM}(?:\\.${ATOM})*$`, 'u');
/** A domain label: letters or digits of any script, inner hyphens (IDNA 2008's U-label shape). */
const LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?$/u;
/** A top-level domain is letters (`se`, `рф`) or an ACE label (`xn--p1ai`), never digits. */
const TLD = /^(?:\p{L}[\p{L}\p{M}]+|xn--[a-z0-9-]+)$/iu;

/** Octets in UTF-8, the unit the SMTP limits are in. */
function octets(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** IDNA 2008 reserves hyphens in places 3 and 4 for ACE labels (`xn--`). */
const reservedHyphens = (label: string) => /^..--/.test(label) && !/^xn--/i.test(label);

export function isEmailAddress(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at <= 0 || at === value.length - 1) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (octets(value) > 254 || octets(local) > 64 || !LOCAL.test(local)) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  return (
    labels.every((l) => LABEL.test(l) && octets(l) <= 63 && !reservedHyphens(l)) &&
    TLD.test(labels[labels.length - 1]!)
  );
}

/**
 * The form an address is kept in: trimmed, Unicode NFC (so a composed and a decomposed `å`
 * are one address) and lower-case. Lower-casing the local part is a choice RFC 5321 leaves to
 * the receiving server; no provider a club meets treats case as different mailboxes, and one
 * form is what makes duplicate checks and login find an address however it was typed.
 * Addresses are kept in Unicode, never converted to punycode.
 */
export function normalizeEmail(value: string): string {
  return value.trim().normalize('NFC').toLowerCase();
}
