import {
  MAIL_PLACEHOLDERS,
  type Locale,
  type MailPlaceholder,
  type MailTemplateVariant,
} from '@spotter/contracts';
import { renderMail, type PlaceholderValues } from './render.ts';
import { unsubscribeHeaders, unsubscribeUrls } from './unsubscribe-token.ts';

/** The footer's words in the recipient's language (the page behind the link is in it too). */
const FOOTER: Record<Locale, { why: (club: string) => string; unsubscribe: string }> = {
  en: {
    why: (club) => `You get this mail because you agreed to news from ${club}.`,
    unsubscribe: 'Unsubscribe',
  },
  sv: {
    why: (club) => `Du får det här mejlet för att du har sagt ja till nyheter från ${club}.`,
    unsubscribe: 'Avregistrera dig',
  },
  pl: {
    why: (club) => `Otrzymujesz tę wiadomość, ponieważ zgodziłeś się na informacje od ${club}.`,
    unsubscribe: 'Wypisz się',
  },
  ru: {
    why: (club) => `Вы получили это письмо, потому что согласились получать новости от ${club}.`,
    unsubscribe: 'Отписаться',
  },
  uk: {
    why: (club) => `Ви отримали цей лист, бо погодилися отримувати новини від ${club}.`,
    unsubscribe: 'Відписатися',
  },
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The text in the recipient's language, else the campaign's first (its main language). */
export function variantFor(
  variants: readonly MailTemplateVariant[],
  locale: string,
): MailTemplateVariant | undefined {
  return variants.find((v) => v.locale === locale) ?? variants[0];
}

export interface CampaignMailParts {
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

/**
 * One marketing mail as it leaves: the variant filled in for the person, a footer with the
 * club's name and postal address and the unsubscribe page, and the List-Unsubscribe headers
 * (RFC 2369, one-click RFC 8058).
 */
export function campaignMail(
  variant: MailTemplateVariant,
  values: PlaceholderValues,
  footer: { club: string; postalAddress: string | null; publicBase: string; token: string },
): CampaignMailParts {
  const mail = renderMail(variant, values);
  const words = FOOTER[variant.locale] ?? FOOTER.en;
  const { page } = unsubscribeUrls(footer.publicBase, footer.token);
  const lines = [footer.club, footer.postalAddress].filter((l): l is string => Boolean(l));
  const text = [
    mail.text,
    '',
    '--',
    ...lines,
    words.why(footer.club),
    `${words.unsubscribe}: ${page}`,
  ].join('\n');
  const html =
    `${mail.html}\n<hr style="border:none;border-top:1px solid #ddd;margin:24px 0 12px">` +
    `<p style="font-size:12px;color:#666;line-height:1.5">` +
    lines.map(escapeHtml).join('<br>') +
    `<br>${escapeHtml(words.why(footer.club))}<br>` +
    `<a href="${escapeHtml(page)}">${escapeHtml(words.unsubscribe)}</a></p>`;
  return {
    subject: mail.subject,
    html,
    text,
    headers: unsubscribeHeaders(footer.publicBase, footer.token),
  };
}

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*(?:\|\s*([^}]*?)\s*)?\}\}/g;
const isPlaceholder = (name: string): name is MailPlaceholder =>
  (MAIL_PLACEHOLDERS as readonly string[]).includes(name);

/** An SMS text with its placeholders filled as plain text (defaults for empty values). */
export function smsTextFor(text: string, values: PlaceholderValues): string {
  return text
    .replace(PLACEHOLDER, (whole, name: string, fallback: string | undefined) => {
      if (!isPlaceholder(name)) return whole;
      return values[name]?.trim() || fallback?.trim() || '';
    })
    .trim();
}
