import { Marked, type Tokens } from 'marked';
import { MAIL_PLACEHOLDERS, type MailPlaceholder } from '@spotter/contracts';
import { fieldError, type FieldErrors } from '../../lib/errors.ts';

/** `{{ firstName }}` or `{{ firstName | friend }}`: a name and what to write when it is empty. */
const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*(?:\|\s*([^}]*?)\s*)?\}\}/g;

export type PlaceholderValues = Partial<Record<MailPlaceholder, string | null>>;

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  /** Placeholders that had no value and no default: the preview warns about them. */
  missing: MailPlaceholder[];
}

const isPlaceholder = (name: string): name is MailPlaceholder =>
  (MAIL_PLACEHOLDERS as readonly string[]).includes(name);

/**
 * Field errors for texts (field path → text) that use placeholders Spotter does not know: a
 * typo would print as written to every member, so the editor names the field.
 */
export function placeholderErrors(texts: Record<string, string>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, text] of Object.entries(texts)) {
    const unknown = unknownPlaceholders(text);
    if (unknown.length === 0) continue;
    const names = unknown.map((u) => `{{${u}}}`).join(', ');
    errors[path] = fieldError('unknown_placeholder', `Unknown placeholder ${names}`, { names });
  }
  return errors;
}

/** Each variant's subject and body by field path (`variants.0.subject` …). */
export const variantTexts = (variants: readonly { subject: string; body: string }[]) =>
  Object.fromEntries(
    variants.flatMap((v, i) => [
      [`variants.${i}.subject`, v.subject],
      [`variants.${i}.body`, v.body],
    ]),
  );

/** The placeholder names a text uses that Spotter does not know (a typo the editor names). */
export function unknownPlaceholders(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER)) if (!isPlaceholder(m[1]!)) out.add(m[1]!);
  return [...out];
}

/** Where a value goes: letters only, so neither markdown nor the text part alters it. */
const SLOT = /SPOTTERSLOT(\d+)X/g;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Markdown without raw HTML: a template is written by staff, but what it becomes lands in
// members' mailboxes, so tags typed into it are shown as text, never interpreted.
const markdown = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    html: (token: Tokens.HTML | Tokens.Tag) => escapeHtml(token.text),
    link(token: Tokens.Link) {
      const href = /^(https?:|mailto:|tel:)/i.test(token.href) ? token.href : null;
      const label = this.parser.parseInline(token.tokens);
      return href ? `<a href="${escapeHtml(href)}">${label}</a>` : label;
    },
    image: (token: Tokens.Image) => escapeHtml(token.text),
  },
});

/** Replaces each placeholder with `fill(value)`; empty values take the default, else ''. */
function fillIn(
  source: string,
  values: PlaceholderValues,
  missing: Set<MailPlaceholder>,
  fill: (value: string, index: number) => string,
): string {
  let i = 0;
  return source.replace(PLACEHOLDER, (whole, name: string, fallback: string | undefined) => {
    if (!isPlaceholder(name)) return whole;
    const value = values[name]?.trim() || fallback?.trim() || '';
    if (!value) missing.add(name);
    return fill(value, i++);
  });
}

/** The plain-text part: the markdown as people write it, links spelled out, emphasis dropped. */
function plainText(source: string): string {
  return source
    .replace(/\r\n/g, '\n')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, href: string) =>
      label === href ? href : `${label} (${href})`,
    )
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^*\w])[*_]([^*_\n]+)[*_](?=[^*\w]|$)/g, '$1$2')
    .replace(/^#{1,6}\s+/gm, '')
    .trim();
}

/**
 * A template's subject and markdown body for one person: the HTML part (markdown rendered,
 * values escaped, no raw HTML) and the plain-text part. Values go in after the markdown is
 * rendered, so a name with an asterisk or an angle bracket is printed as it is.
 */
export function renderMail(
  template: { subject: string; body: string },
  values: PlaceholderValues,
): RenderedMail {
  const missing = new Set<MailPlaceholder>();
  const subject = fillIn(template.subject, values, missing, (v) => v)
    .replace(/\s+/g, ' ')
    .trim();
  const slots: string[] = [];
  // Letters only, so markdown leaves the marker alone wherever it stands.
  // The body's placeholders are resolved once; both parts put the values where the markers are.
  const marked = fillIn(template.body, values, missing, (v, i) => {
    slots[i] = v;
    return `SPOTTERSLOT${i}X`;
  });
  const slot = (fill: (v: string) => string) => (_: string, i: string) =>
    fill(slots[Number(i)] ?? '');
  const html = (markdown.parse(marked, { async: false }) as string).replace(SLOT, slot(escapeHtml));
  const text = plainText(marked)
    .replace(
      SLOT,
      slot((v) => v),
    )
    .trim();
  return { subject, html, text, missing: MAIL_PLACEHOLDERS.filter((p) => missing.has(p)) };
}

/**
 * A plain text (an SMS) for one person: placeholders filled as they are, empty values taking
 * their default; nothing is escaped or marked up.
 */
export function fillPlaceholders(
  source: string,
  values: PlaceholderValues,
): { text: string; missing: MailPlaceholder[] } {
  const missing = new Set<MailPlaceholder>();
  const text = fillIn(source, values, missing, (v) => v).trim();
  return { text, missing: MAIL_PLACEHOLDERS.filter((p) => missing.has(p)) };
}
