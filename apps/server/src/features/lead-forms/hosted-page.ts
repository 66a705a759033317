import { createHash } from 'node:crypto';
import {
  LOCALES,
  type CustomField,
  type LeadFormStandardField,
  type LeadFormTexts,
  type Locale,
} from '@spotter/contracts';
import type { LeadFormRow } from './lead-forms.repo.ts';
import { errorText, pageWords, type PageWords } from './page-texts.ts';
import { HONEYPOT_FIELD, TOKEN_FIELD } from './spam.ts';

/**
 * The hosted lead form as plain HTML: no script at all, a normal POST, errors next to their
 * fields. Every value that is not our own markup goes through `esc`, so nothing an admin or a
 * visitor typed is ever read as HTML.
 */

/** Text for an HTML text node or a quoted attribute value. */
export function esc(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export const PAGE_CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933;background:#f5f7fa}
main{max-width:36rem;margin:0 auto;padding:1.5rem 1rem 2.5rem}
h1{font-size:1.6rem;line-height:1.25;margin:0 0 .75rem}
.intro p{margin:0 0 .75rem}
form{background:#fff;border:1px solid #d9e2ec;border-radius:12px;padding:1.25rem;margin-top:1rem}
.field{margin-bottom:1rem}
label{display:block;font-weight:600;margin-bottom:.3rem}
.hint{font-weight:400;color:#52606d;font-size:.875rem}
input[type=text],input[type=tel],input[type=email],input[type=date],select,textarea{display:block;width:100%;font:inherit;padding:.65rem .75rem;border:1px solid #9aa5b1;border-radius:8px;background:#fff;color:inherit}
textarea{min-height:7rem;resize:vertical}
input:focus,select:focus,textarea:focus,button:focus{outline:3px solid #2563eb;outline-offset:2px}
[aria-invalid=true]{border-color:#b42318;border-width:2px}
.err{color:#b42318;font-size:.9rem;margin:.3rem 0 0}
.consent{display:flex;gap:.6rem;align-items:flex-start;margin-bottom:1rem}
.consent input{width:1.35rem;height:1.35rem;margin:.15rem 0 0;flex:none}
.consent label{font-weight:400;margin:0}
button{font:inherit;font-weight:600;color:#fff;background:#1d4ed8;border:0;border-radius:8px;padding:.8rem 1.5rem;min-height:48px;cursor:pointer;width:100%}
button:hover{background:#1e40af}
.notice{border-radius:8px;padding:.75rem 1rem;margin:1rem 0;border:1px solid}
.notice p{margin:0}
.notice p+p{margin-top:.5rem}
.notice.bad{background:#fef3f2;border-color:#fda29b;color:#7a271a}
.notice.good{background:#ecfdf3;border-color:#6ce9a6;color:#05603a}
.hp{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}
nav{margin-top:1.5rem;font-size:.9rem}
nav a{color:#1d4ed8;margin-inline-end:.75rem}
@media (min-width:600px){main{padding-top:2.5rem}button{width:auto}}
`;

/** The only style the page's CSP allows: this exact text, by its hash. */
export const PAGE_CSS_HASH = `'sha256-${createHash('sha256').update(PAGE_CSS).digest('base64')}'`;

const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  sv: 'Svenska',
  pl: 'Polski',
  ru: 'Русский',
  uk: 'Українська',
};

const AUTOCOMPLETE: Partial<Record<LeadFormStandardField, string>> = {
  firstName: 'given-name',
  lastName: 'family-name',
  phone: 'tel',
  email: 'email',
  birthDate: 'bday',
};

/** Paragraphs from the admin's plain text: blank lines split them, line breaks stay. */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .filter((p) => p.trim())
    .map((p) => `<p>${esc(p.trim()).replaceAll('\n', '<br>')}</p>`)
    .join('');

function shell(locale: Locale, title: string, body: string) {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(title)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export interface PageState {
  values: Record<string, string>;
  consents: Set<string>;
  errors: Record<string, string>;
  /** A refusal or limit message shown above the form instead of field errors. */
  notice?: string;
}

export interface PageContext {
  form: LeadFormRow;
  locale: Locale;
  texts: LeadFormTexts;
  token: string;
  branches: Array<{ id: string; name: string }>;
  customFields: Map<string, CustomField>;
}

function fieldHtml(
  ctx: PageContext,
  words: PageWords,
  key: string,
  required: boolean,
  state: PageState,
) {
  const custom = key.startsWith('custom:') ? ctx.customFields.get(key.slice(7)) : undefined;
  if (key.startsWith('custom:') && !custom) return '';
  const label =
    ctx.texts.labels[key] || (custom ? custom.name : words.labels[key as LeadFormStandardField]);
  const id = `f-${key.replace(':', '-')}`;
  const value = state.values[key] ?? '';
  const error = state.errors[key];
  const attrs = [
    `id="${id}"`,
    `name="${esc(key)}"`,
    required ? 'required' : '',
    error ? `aria-invalid="true" aria-describedby="${id}-err"` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const auto = AUTOCOMPLETE[key as LeadFormStandardField];
  const autoAttr = auto ? ` autocomplete="${auto}"` : '';
  let control: string;
  if (key === 'message') {
    control = `<textarea ${attrs} maxlength="4000">${esc(value)}</textarea>`;
  } else if (key === 'branch' || custom?.type === 'dropdown') {
    const options =
      key === 'branch'
        ? ctx.branches.map((b) => ({ id: b.id, name: b.name }))
        : custom!.options.map((o) => ({ id: o.id, name: o.name }));
    control = `<select ${attrs}><option value="">${esc(words.choose)}</option>${options
      .map(
        (o) =>
          `<option value="${esc(o.id)}"${o.id === value ? ' selected' : ''}>${esc(o.name)}</option>`,
      )
      .join('')}</select>`;
  } else {
    const type =
      key === 'phone'
        ? 'tel'
        : key === 'email'
          ? 'email'
          : key === 'birthDate' || custom?.type === 'date'
            ? 'date'
            : 'text';
    const mode =
      custom?.type === 'number' || custom?.type === 'money' ? ' inputmode="decimal"' : '';
    control = `<input type="${type}" ${attrs} value="${esc(value)}"${autoAttr}${mode}>`;
  }
  const mark = `<span class="hint">(${esc(required ? words.required : words.optional)})</span>`;
  return `<div class="field"><label for="${id}">${esc(label)} ${mark}</label>${control}${
    error ? `<p class="err" id="${id}-err">${esc(errorText(words, error))}</p>` : ''
  }</div>`;
}

function consentHtml(ctx: PageContext, words: PageWords, state: PageState) {
  return ctx.form.consents
    .map((c) => {
      const id = `c-${c.id}`;
      const error = state.errors[`consent:${c.id}`];
      const text = ctx.texts.consents[c.id] ?? '';
      return `<div class="consent"><input type="checkbox" id="${id}" name="consent" value="${esc(c.id)}"${
        state.consents.has(c.id) ? ' checked' : ''
      }${c.required ? ' required' : ''}${error ? ` aria-invalid="true" aria-describedby="${id}-err"` : ''}><div><label for="${id}">${esc(text)}</label>${
        error ? `<p class="err" id="${id}-err">${esc(errorText(words, error))}</p>` : ''
      }</div></div>`;
    })
    .join('');
}

function languageLinks(ctx: PageContext, words: PageWords, path: string) {
  const others = LOCALES.filter((l) => l !== ctx.locale && ctx.form.texts[l]);
  if (others.length === 0) return '';
  return `<nav aria-label="${esc(words.language)}">${others
    .map(
      (l) =>
        `<a href="${esc(`${path}?lang=${l}`)}" lang="${l}" hreflang="${l}">${LANGUAGE_NAMES[l]}</a>`,
    )
    .join('')}</nav>`;
}

/** The form page: empty, or again with what was sent and what is wrong with it. */
export function renderFormPage(ctx: PageContext, state: PageState): string {
  const words = pageWords(ctx.locale);
  const path = `/f/${ctx.form.publicId}`;
  const hasErrors = Object.keys(state.errors).length > 0;
  const notice = state.notice
    ? `<div class="notice bad" role="alert">${esc(state.notice)}</div>`
    : hasErrors
      ? `<div class="notice bad" role="alert">${esc(
          state.errors._form ? words.errors.invalid : words.errors.summary,
        )}</div>`
      : '';
  const fields = ctx.form.fields
    .map((f) => fieldHtml(ctx, words, f.key, f.required, state))
    .join('');
  const body = `<h1>${esc(ctx.texts.title)}</h1>
<div class="intro">${paragraphs(ctx.texts.intro)}</div>
${notice}
<form method="post" action="${esc(`${path}?lang=${ctx.locale}`)}">
<input type="hidden" name="${TOKEN_FIELD}" value="${esc(ctx.token)}">
<div class="hp" aria-hidden="true"><label for="hp-field">Website</label><input type="text" id="hp-field" name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off" value=""></div>
${fields}
${consentHtml(ctx, words, state)}
<button type="submit">${esc(ctx.texts.submit || words.submit)}</button>
</form>
${languageLinks(ctx, words, path)}`;
  return shell(ctx.locale, ctx.texts.title, body);
}

/** After a submission: the form's thank-you text. */
export function renderThanksPage(locale: Locale, texts: LeadFormTexts): string {
  const words = pageWords(locale);
  const text = texts.thankYou || words.thankYou;
  return shell(
    locale,
    texts.title,
    `<h1>${esc(texts.title)}</h1><div class="notice good" role="status">${paragraphs(text)}</div>`,
  );
}

/** A form that does not exist or is switched off: one plain sentence. */
export function renderUnavailablePage(locale: Locale): string {
  const words = pageWords(locale);
  return shell(locale, words.unavailable, `<h1>${esc(words.unavailable)}</h1>`);
}
