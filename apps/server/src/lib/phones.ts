import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';

/** The raw input is bounded by the contracts (40 chars); this guards direct callers too. */
const MAX_INPUT = 64;

function regionOf(region: string | null | undefined): CountryCode | undefined {
  if (!region) return undefined;
  const upper = region.toUpperCase();
  return isSupportedCountry(upper) ? upper : undefined;
}

const digitsOf = (s: string) => s.replace(/\D/g, '');

/** "0046 70…" is the international prefix most of our markets dial; read it as "+46 70…". */
function withPlus(raw: string): string {
  const trimmed = raw.trim();
  return /^00[1-9]/.test(digitsOf(trimmed)) && !trimmed.startsWith('+')
    ? `+${digitsOf(trimmed).slice(2)}`
    : trimmed;
}

function parse(raw: string, region: string | null | undefined): PhoneNumber | undefined {
  if (raw.length > MAX_INPUT) return undefined;
  try {
    return parsePhoneNumberFromString(withPlus(raw), regionOf(region));
  } catch {
    return undefined;
  }
}

export interface NormalizedPhone {
  /** E.164 when the number could be read; otherwise the digits as typed (with '+' if typed). */
  number: string;
  /** A number the numbering plan knows (not only the right length). */
  valid: boolean;
}

/** Reads a phone as typed ("070-123 45 67", "+46 70…", "0046 70…") with the org's region. */
export function normalizePhone(raw: string, region: string | null | undefined): NormalizedPhone {
  const phone = parse(raw, region);
  if (phone?.isPossible()) return { number: phone.number, valid: phone.isValid() };
  const digits = digitsOf(raw.slice(0, MAX_INPUT));
  return { number: raw.trim().startsWith('+') && digits ? `+${digits}` : digits, valid: false };
}

/**
 * The digit strings a search should match for a stored number: the international digits
 * without '+', the national number with its trunk prefix and without it
 * (+46701234567 → '46701234567', '0701234567', '701234567').
 */
export function phoneSearchKeys(number: string, region: string | null | undefined): string[] {
  const phone = parse(number, region);
  const keys = new Set<string>();
  if (phone?.isPossible()) {
    keys.add(digitsOf(phone.number));
    keys.add(digitsOf(phone.formatNational()));
    keys.add(phone.nationalNumber);
  } else {
    keys.add(digitsOf(number.slice(0, MAX_INPUT)));
  }
  keys.delete('');
  return [...keys];
}

const PHONE_LIKE = /^\+?[\d\s\-.()/]+$/;

/**
 * For search: when the query looks like a phone (digits with spaces, dashes, dots, parentheses,
 * a leading '+', at least 3 digits) the digit strings to look for — the raw digits and, if it
 * reads as a full number, its international digits. Otherwise an empty list.
 */
export function queryPhoneDigits(q: string, region: string | null | undefined): string[] {
  const trimmed = q.trim();
  if (trimmed.length > MAX_INPUT || !PHONE_LIKE.test(trimmed)) return [];
  const digits = digitsOf(trimmed);
  if (digits.length < 3) return [];
  const out = new Set([digits]);
  const phone = parse(trimmed, region);
  if (phone?.isPossible()) out.add(digitsOf(phone.number));
  return [...out];
}

export interface SearchTextSource {
  firstName?: string | null;
  lastName?: string | null;
  name?: string | null;
  displayName?: string | null;
  orgNumber?: string | null;
  emails?: ReadonlyArray<string | { email: string }>;
  phones?: ReadonlyArray<string | { number: string }>;
}

/**
 * What `contacts.search_text` holds (trigram-indexed): names, emails, org number as typed
 * and as digits, and every phone search key — lower-case, space-separated, no repeats.
 */
export function buildSearchText(c: SearchTextSource, region?: string | null): string {
  const parts: string[] = [];
  const add = (v: string | null | undefined) => {
    const s = v?.trim().toLowerCase();
    if (s) parts.push(...s.split(/\s+/));
  };
  add(c.firstName);
  add(c.lastName);
  add(c.name);
  add(c.displayName);
  for (const e of c.emails ?? []) add(typeof e === 'string' ? e : e.email);
  add(c.orgNumber);
  add(digitsOf(c.orgNumber ?? ''));
  for (const p of c.phones ?? []) {
    for (const key of phoneSearchKeys(typeof p === 'string' ? p : p.number, region)) add(key);
  }
  return [...new Set(parts)].join(' ');
}

/** A stored phone written out for people: the UI picks one form by the club's own country. */
export interface PhoneDisplay {
  /** The number's country (ISO 3166 alpha-2), when the numbering plan says. */
  country: string | null;
  national: string;
  international: string;
}

/** Display forms already worked out, by stored number (bounded; emptied when full). */
const displayMemo = new Map<string, PhoneDisplay | null>();
const DISPLAY_MEMO_SIZE = 20_000;

/**
 * A stored number (E.164, or digits that could not be read) in its national and international
 * forms, or null when it is not a number the plan can read (the UI then shows it as stored).
 * Sent beside the number on task cards, so the board needs no phone library in the browser.
 */
export function phoneDisplay(stored: string | null): PhoneDisplay | null {
  if (stored === null) return null;
  const known = displayMemo.get(stored);
  if (known !== undefined) return known;
  let shown: PhoneDisplay | null = null;
  if (stored.length <= MAX_INPUT) {
    try {
      const phone = parsePhoneNumberFromString(stored);
      if (phone) {
        shown = {
          country: phone.country ?? null,
          national: phone.formatNational(),
          international: phone.formatInternational(),
        };
      }
    } catch {
      shown = null;
    }
  }
  if (displayMemo.size >= DISPLAY_MEMO_SIZE) displayMemo.clear();
  displayMemo.set(stored, shown);
  return shown;
}
