import { LOCALES, type Locale } from '@spotter/contracts';
import i18n, { type Resource } from 'i18next';
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
] as const;

/** Every language under its own name, so anyone can find theirs in the list. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  sv: 'Svenska',
  pl: 'Polski',
  ru: 'Русский',
  uk: 'Українська',
};

const files = import.meta.glob<{ default: Record<string, unknown> }>('../locales/*/*.json', {
  eager: true,
});

function buildResources(): Resource {
  const resources: Resource = {};
  for (const [file, mod] of Object.entries(files)) {
    const match = /locales\/(\w+)\/(\w+)\.json$/.exec(file);
    if (!match) continue;
    const [, lng, ns] = match as unknown as [string, string, string];
    resources[lng] ??= {};
    resources[lng][ns] = mod.default;
  }
  return resources;
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
  document.documentElement.lang = locale;
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

export function initI18n() {
  const lng = deviceLocale();
  document.documentElement.lang = lng;
  void i18n.use(initReactI18next).init({
    resources: buildResources(),
    lng,
    fallbackLng: 'en',
    ns: [...NAMESPACES],
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
}

export { i18n };
