import {
  LEAD_FORM_STANDARD_FIELDS,
  LOCALES,
  type LeadForm,
  type LeadFormBody,
  type Locale,
  type Role,
} from '@spotter/contracts';

export type ConsentKind = 'email' | 'sms' | 'terms';
export type AssigneeMode = 'template' | 'user' | 'turns';

export interface LanguageTexts {
  title: string;
  intro: string;
  submit: string;
  thankYou: string;
  consents: Record<string, string>;
  /** Label overrides (set through the API): kept as they are. */
  labels: Record<string, string>;
}

/** The editor's values: every field the form could show, texts for every language. */
export interface EditorValues {
  name: string;
  enabled: boolean;
  rows: Array<{ key: string; shown: boolean; required: boolean }>;
  consents: Array<{ id: string; kind: ConsentKind; required: boolean }>;
  languages: Locale[];
  texts: Record<Locale, LanguageTexts>;
  after: 'text' | 'redirect';
  redirectUrl: string;
  sourceId: string | null;
  tagIds: string[];
  branchId: string | null;
  templateId: string | null;
  assignee: { mode: AssigneeMode; userId: string | null; role: Role | null };
}

const emptyTexts = (): LanguageTexts => ({
  title: '',
  intro: '',
  submit: '',
  thankYou: '',
  consents: {},
  labels: {},
});

/** A new form: name, phone and email, a terms box, in the organization's language. */
export function newFormValues(locale: Locale, customFieldIds: string[]): EditorValues {
  const shown = new Set(['firstName', 'lastName', 'phone', 'email', 'message']);
  return {
    name: '',
    enabled: true,
    rows: [
      ...LEAD_FORM_STANDARD_FIELDS.map((key) => ({
        key,
        shown: shown.has(key),
        required: key === 'firstName' || key === 'phone',
      })),
      ...customFieldIds.map((id) => ({ key: `custom:${id}`, shown: false, required: false })),
    ],
    consents: [],
    languages: [locale],
    texts: Object.fromEntries(LOCALES.map((l) => [l, emptyTexts()])) as Record<
      Locale,
      LanguageTexts
    >,
    after: 'text',
    redirectUrl: '',
    sourceId: null,
    tagIds: [],
    branchId: null,
    templateId: null,
    assignee: { mode: 'template', userId: null, role: null },
  };
}

/** A saved form in the editor: its fields first in their order, then the ones it leaves out. */
export function formValues(form: LeadForm, customFieldIds: string[]): EditorValues {
  const base = newFormValues('en', customFieldIds);
  const used = new Set(form.fields.map((f) => f.key));
  const texts = { ...base.texts };
  for (const l of LOCALES) {
    const saved = form.texts[l];
    if (saved) {
      texts[l] = {
        ...emptyTexts(),
        ...saved,
        consents: { ...saved.consents },
        labels: { ...saved.labels },
      };
    }
  }
  return {
    ...base,
    name: form.name,
    enabled: form.enabled,
    rows: [
      ...form.fields.map((f) => ({ key: f.key, shown: true, required: f.required })),
      ...base.rows
        .filter((r) => !used.has(r.key))
        .map((r) => ({ ...r, shown: false, required: false })),
    ],
    consents: form.consents.map((c) => ({ ...c })),
    languages: LOCALES.filter((l) => form.texts[l]),
    texts,
    after: form.redirectUrl ? 'redirect' : 'text',
    redirectUrl: form.redirectUrl ?? '',
    sourceId: form.sourceId,
    tagIds: form.tagIds,
    branchId: form.branchId,
    templateId: form.templateId,
    assignee: { ...form.assignee },
  };
}

/** The request body: the shown fields in order, the chosen languages' texts. */
export function toBody(v: EditorValues): LeadFormBody {
  const consentIds = new Set(v.consents.map((c) => c.id));
  return {
    name: v.name,
    enabled: v.enabled,
    fields: v.rows.filter((r) => r.shown).map((r) => ({ key: r.key, required: r.required })),
    consents: v.consents,
    texts: Object.fromEntries(
      v.languages.map((l) => {
        const t = v.texts[l];
        return [
          l,
          {
            title: t.title,
            intro: t.intro,
            submit: t.submit,
            thankYou: v.after === 'text' ? t.thankYou : '',
            consents: Object.fromEntries(
              Object.entries(t.consents).filter(([id]) => consentIds.has(id)),
            ),
            labels: t.labels,
          },
        ];
      }),
    ) as LeadFormBody['texts'],
    redirectUrl: v.after === 'redirect' ? v.redirectUrl.trim() : null,
    sourceId: v.sourceId,
    tagIds: v.tagIds,
    branchId: v.branchId,
    templateId: v.templateId,
    assignee: v.assignee,
  };
}

/** The next consent id not taken yet: c1, c2 … */
export function nextConsentId(consents: EditorValues['consents']): string {
  const taken = new Set(consents.map((c) => c.id));
  let n = 1;
  while (taken.has(`c${n}`)) n += 1;
  return `c${n}`;
}

/**
 * The server names problems with the field list by the body's positions (`fields.2.key`),
 * which are not the editor's rows: they are shown above the list instead.
 */
export function editorErrors(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) {
    if (key === 'fields' || key.startsWith('fields.')) out.rows = message;
    else out[key] = message;
  }
  return out;
}

/** The public page, the link to it and the iframe that embeds it on the club's website. */
export function embedOf(origin: string, publicId: string, title: string) {
  const url = `${origin}/f/${publicId}`;
  const safeTitle = title
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;');
  return {
    url,
    iframe: `<iframe src="${url}" title="${safeTitle}" style="width:100%;max-width:40rem;height:760px;border:0" loading="lazy"></iframe>`,
  };
}
