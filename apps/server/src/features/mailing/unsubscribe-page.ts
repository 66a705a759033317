import { LOCALES, type Locale } from '@spotter/contracts';
import type { CampaignChannel } from '@spotter/contracts';
import { UNSUBSCRIBE_WORDS } from './unsubscribe-texts.ts';

/**
 * The unsubscribe page as plain HTML with one inline style and no script: it must work in any
 * phone's mail app browser. Everything not our own markup goes through `esc`.
 */
const esc = (value: string) =>
  value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

const CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;background:#f5f7fa}
main{max-width:32rem;margin:0 auto;padding:2rem 1rem}
.card{background:#fff;border:1px solid #d9e2ec;border-radius:12px;padding:1.5rem}
.club{color:#52606d;font-size:.9rem;margin:0 0 .5rem;text-transform:uppercase;letter-spacing:.04em}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 .75rem}
p{margin:0 0 1rem}
button{font:inherit;font-weight:600;color:#fff;background:#1d4ed8;border:0;border-radius:8px;padding:.8rem 1.5rem;min-height:48px;cursor:pointer;width:100%}
button:hover{background:#1e40af}
button:focus{outline:3px solid #2563eb;outline-offset:2px}
.good h1{color:#05603a}
.test{color:#8d2b0b;background:#fff4ed;border-radius:8px;padding:.5rem .75rem;font-size:.9rem}
@media (min-width:600px){main{padding-top:4rem}button{width:auto}}
`;

export const asLocale = (value: string | null | undefined): Locale =>
  (LOCALES as readonly string[]).includes(value ?? '') ? (value as Locale) : 'en';

function page(locale: Locale, title: string, body: string, cls = ''): string {
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title><style>${CSS}</style></head>
<body><main><div class="card ${cls}">${body}</div></main></body></html>`;
}

const fill = (text: string, club: string) => esc(text).replaceAll('{club}', esc(club));

/** A test mail's link says so, under what a recipient would read. */
const testNote = (locale: Locale, test: boolean) =>
  test ? `<p class="test">${esc(UNSUBSCRIBE_WORDS[locale].testNote)}</p>` : '';

/** The question and the button: the POST goes to the same address. */
export function renderAskPage(
  locale: Locale,
  club: string,
  action: string,
  channel: CampaignChannel = 'email',
  test = false,
): string {
  const w = UNSUBSCRIBE_WORDS[locale];
  return page(
    locale,
    `${w.title} – ${club}`,
    `<p class="club">${esc(club)}</p><h1>${esc(w.title)}</h1><p>${fill(channel === 'sms' ? w.askSms : w.ask, club)}</p>${testNote(locale, test)}
<form method="post" action="${esc(action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${esc(w.button)}</button></form>`,
  );
}

export function renderDonePage(
  locale: Locale,
  club: string,
  channel: CampaignChannel = 'email',
  test = false,
): string {
  const w = UNSUBSCRIBE_WORDS[locale];
  return page(
    locale,
    `${w.done} – ${club}`,
    `<p class="club">${esc(club)}</p><h1>${esc(w.done)}</h1><p>${fill(channel === 'sms' ? w.doneDetailSms : w.doneDetail, club)}</p>${testNote(locale, test)}`,
    'good',
  );
}

export function renderInvalidPage(locale: Locale): string {
  const w = UNSUBSCRIBE_WORDS[locale];
  return page(locale, w.invalidTitle, `<h1>${esc(w.invalidTitle)}</h1><p>${esc(w.invalid)}</p>`);
}
