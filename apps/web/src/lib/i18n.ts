import { LOCALES, type Locale } from '@spotter/contracts';
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

/**
 * One chunk per language, fetched when it is chosen: the login page of a Swedish club does
 * not download the other four.
 */
const bundles: Record<Locale, () => Promise<{ default: Bundle }>> = {
  en: () => import('../locales/en/index.ts'),
  sv: () => import('../locales/sv/index.ts'),
  pl: () => import('../locales/pl/index.ts'),
  ru: () => import('../locales/ru/index.ts'),
  uk: () => import('../locales/uk/index.ts'),
};

async function loadLanguage(locale: Locale) {
  if (i18n.hasResourceBundle(locale, 'common')) return;
  const { default: bundle } = await bundles[locale]();
  for (const [ns, resources] of Object.entries(bundle)) {
    i18n.addResourceBundle(locale, ns, resources, true, true);
  }
}

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

export async function setLocale(locale: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not remembering the device's language is harmless
  }
  await loadLanguage(locale);
  document.documentElement.lang = locale;
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

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
