import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// The module reads the device's language and sets the page's; give it what a browser has.
beforeAll(() => {
  vi.stubGlobal('localStorage', {
    getItem: () => 'sv',
    setItem: () => undefined,
  });
  vi.stubGlobal('navigator', { languages: ['sv-SE'], language: 'sv-SE' });
  vi.stubGlobal('document', { documentElement: { lang: '' } });
});
afterEach(() => vi.clearAllMocks());

const { NAMESPACES, initI18n, loadMoreTexts, loadSignedInTexts, setLocale, i18n } =
  await import('./i18n.ts');

describe('texts load in parts', () => {
  it('starts with the login texts of the device language only', async () => {
    await initI18n();
    expect(i18n.language).toBe('sv');
    expect(i18n.hasResourceBundle('sv', 'common')).toBe(true);
    expect(i18n.hasResourceBundle('sv', 'auth')).toBe(true);
    expect(i18n.hasResourceBundle('sv', 'board')).toBe(false);
    expect(i18n.hasResourceBundle('sv', 'setup')).toBe(false);
    expect(i18n.hasResourceBundle('en', 'common')).toBe(false);
  });

  it('fetches the signed-in texts when asked, and both parts on a language change after', async () => {
    await loadSignedInTexts();
    for (const ns of ['board', 'tasks', 'home', 'twoStep', 'notifications', 'contacts']) {
      expect(i18n.hasResourceBundle('sv', ns), ns).toBe(true);
    }
    expect(i18n.t('board:title', { lng: 'sv' })).not.toBe('title');
    await setLocale('pl');
    expect(i18n.language).toBe('pl');
    expect(i18n.hasResourceBundle('pl', 'common')).toBe(true);
    expect(i18n.hasResourceBundle('pl', 'board')).toBe(true);
    // The board and the lists do not bring the texts of the other pages.
    for (const ns of ['settings', 'crm', 'card', 'taskSettings', 'clubEvents', 'setup']) {
      expect(i18n.hasResourceBundle('pl', ns), ns).toBe(false);
    }
  });

  it('fetches the other pages’ texts when one opens, and them too on a language change after', async () => {
    await loadMoreTexts();
    for (const ns of ['settings', 'crm', 'card', 'taskSettings', 'clubEvents', 'setup']) {
      expect(i18n.hasResourceBundle('pl', ns), ns).toBe(true);
    }
    expect(i18n.t('crm:trash.title', { lng: 'pl' })).not.toBe('trash.title');
    await setLocale('uk');
    expect(i18n.hasResourceBundle('uk', 'board')).toBe(true);
    expect(i18n.hasResourceBundle('uk', 'settings')).toBe(true);
  });

  it('puts every namespace in exactly one part', async () => {
    for (const lng of ['en', 'sv', 'pl', 'ru', 'uk']) {
      const login = Object.keys((await import(`../locales/${lng}/public.ts`)).default as object);
      const app = Object.keys((await import(`../locales/${lng}/signed-in.ts`)).default as object);
      const more = Object.keys((await import(`../locales/${lng}/more.ts`)).default as object);
      expect(login.sort(), lng).toEqual(['auth', 'common']);
      expect(more.sort(), lng).toEqual([
        'backup',
        'card',
        'clubEvents',
        'crm',
        'deals',
        'imports',
        'jobs',
        'leadForms',
        'mailing',
        'reports',
        'reportsForecast',
        'reportsFunnel',
        'settings',
        'setup',
        'taskSettings',
        'webhooks',
      ]);
      expect([...login, ...app, ...more].sort(), lng).toEqual([...NAMESPACES].sort());
    }
  });
});
