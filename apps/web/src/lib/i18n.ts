import type { Locale } from '@spotter/contracts';
import { LOCALES } from '@spotter/contracts/enums';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const NAMESPACES = [
  'common',
  'auth',
  'setup',
  'home',
  'settings',
  'contacts',
  'card',
  'crm',
  'imports',
  'board',
  'tasks',
  'taskSettings',
  'notifications',
  'jobs',
  'backup',
  'twoStep',
  'clubEvents',
  'leadForms',
  'speedToLead',
  'webhooks',
  'deals',
  'mailing',
  'reports',
  'reportsFunnel',
  'reportsForecast',
] as const;

/** Every language under its own name, so anyone can find theirs in the list. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  sv: 'Svenska',
  pl: 'Polski',
  ru: 'Русский',
  uk: 'Українська',
};

type Bundle = Record<string, Record<string, unknown>>;
type Part = 'public' | 'signedIn' | 'more';

/**
 * Three chunks per language, each fetched when first needed: the texts of the pages seen before
 * signing in, those of the signed-in app's frame, board and lists, and those of its other pages.
 * The login page of a Swedish club downloads neither the other four languages nor the CRM's
 * texts, and the board not the settings'.
 */
const bundles: Record<Locale, Record<Part, () => Promise<{ default: Bundle }>>> = {
  en: {
    public: () => import('../locales/en/public.ts'),
    signedIn: () => import('../locales/en/signed-in.ts'),
    more: () => import('../locales/en/more.ts'),
  },
  sv: {
    public: () => import('../locales/sv/public.ts'),
    signedIn: () => import('../locales/sv/signed-in.ts'),
    more: () => import('../locales/sv/more.ts'),
  },
  pl: {
    public: () => import('../locales/pl/public.ts'),
    signedIn: () => import('../locales/pl/signed-in.ts'),
    more: () => import('../locales/pl/more.ts'),
  },
  ru: {
    public: () => import('../locales/ru/public.ts'),
    signedIn: () => import('../locales/ru/signed-in.ts'),
    more: () => import('../locales/ru/more.ts'),
  },
  uk: {
    public: () => import('../locales/uk/public.ts'),
    signedIn: () => import('../locales/uk/signed-in.ts'),
    more: () => import('../locales/uk/more.ts'),
  },
};

/** The parts this page needs in every language it switches to; the signed-in part once asked. */
const wanted = new Set<Part>(['public']);
const loaded = new Map<string, Promise<void>>();

function loadPart(locale: Locale, part: Part): Promise<void> {
  const key = `${locale}:${part}`;
  let done = loaded.get(key);
  if (!done) {
    done = bundles[locale][part]().then(({ default: bundle }) => {
      for (const [ns, resources] of Object.entries(bundle)) {
        i18n.addResourceBundle(locale, ns, resources, true, true);
      }
    });
    // A failed fetch (a dropped connection) is tried again next time rather than remembered.
    done.catch(() => loaded.delete(key));
    loaded.set(key, done);
  }
  return done;
}

const loadLanguage = (locale: Locale) =>
  Promise.all([...wanted].map((part) => loadPart(locale, part))).then(() => undefined);

/**
 * Resolves once the signed-in app's texts of the current language are there; from then on a
 * language change fetches them too. The authenticated routes wait for it before they render.
 */
export function loadSignedInTexts(): Promise<void> {
  wanted.add('signedIn');
  return loadLanguage(isLocale(i18n.language) ? i18n.language : deviceLocale());
}

/**
 * Resolves once the texts of the other signed-in pages are there (with the frame's); from then
 * on a language change fetches them too. Those pages and dialogs load with it.
 */
export function loadMoreTexts(): Promise<void> {
  wanted.add('signedIn');
  wanted.add('more');
  return loadLanguage(isLocale(i18n.language) ? i18n.language : deviceLocale());
}

/** A page's (or dialog's) code and those texts, fetched side by side. */
export const withMoreTexts =
  <T>(load: () => Promise<T>) =>
  (): Promise<T> =>
    Promise.all([load(), loadMoreTexts()]).then(([loaded]) => loaded);

const STORAGE_KEY = 'spotter.locale';

export const isLocale = (v: unknown): v is Locale =>
  typeof v === 'string' && (LOCALES as readonly string[]).includes(v);

/** Before anyone logs in: the language last used on this device, else the browser's. */
export function deviceLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // storage may be disabled; fall through to the browser's languages
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

/** The language asked for last: a slower, earlier request (its texts still loading) yields. */
let lastAsked: Locale | undefined;

export async function setLocale(locale: Locale) {
  lastAsked = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not remembering the device's language is harmless
  }
  await loadLanguage(locale);
  if (lastAsked !== locale) return;
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

// The page's language follows the texts' language, whoever changed it.
i18n.on('languageChanged', (lng) => {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
});

/** Resolves once the device's language is loaded, so the first paint is already translated. */
export async function initI18n() {
  const lng = deviceLocale();
  document.documentElement.lang = lng;
  await i18n.use(initReactI18next).init({
    resources: {},
    lng,
    // Every language has every key (the locales test checks), so no fallback is fetched.
    fallbackLng: false,
    partialBundledLanguages: true,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await loadLanguage(lng);
  // Tell components that rendered before the bundle arrived (none should) to translate again.
  await i18n.changeLanguage(lng);
  return i18n;
}

export { i18n };
