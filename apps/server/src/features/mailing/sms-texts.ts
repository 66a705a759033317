import type { Locale } from '@spotter/contracts';

/** The test SMS in the organization's language: short enough for one GSM-7 or UCS-2 segment. */
const TEXTS: Record<Locale, (club: string) => string> = {
  en: (club) => `${club}: test SMS from Spotter. If you got it, SMS works.`,
  sv: (club) => `${club}: test-sms från Spotter. Har du fått det fungerar sms.`,
  pl: (club) => `${club}: testowy SMS ze Spotter. Jeśli dotarł, SMS działa.`,
  ru: (club) => `${club}: тестовое SMS из Spotter. Если оно пришло, SMS работает.`,
  uk: (club) => `${club}: тестове SMS зі Spotter. Якщо воно прийшло, SMS працює.`,
};

export function smsTestText(locale: string, club: string): string {
  const text = TEXTS[locale as Locale] ?? TEXTS.en;
  return text(club);
}
