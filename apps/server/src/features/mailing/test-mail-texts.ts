import type { Locale } from '@spotter/contracts';

/** The "send a test" mail in the organization's language. */
const TEXTS: Record<Locale, { subject: (club: string) => string; body: (club: string) => string }> =
  {
    en: {
      subject: (club) => `${club}: test mail from Spotter`,
      body: (club) =>
        `This is a test of ${club}'s sending settings in Spotter. If you can read it, mail works.`,
    },
    sv: {
      subject: (club) => `${club}: testmejl från Spotter`,
      body: (club) =>
        `Det här är ett test av ${club}s utskicksinställningar i Spotter. Kan du läsa det fungerar e-posten.`,
    },
    pl: {
      subject: (club) => `${club}: wiadomość testowa ze Spotter`,
      body: (club) =>
        `To jest test ustawień wysyłki klubu ${club} w Spotter. Jeśli to czytasz, poczta działa.`,
    },
    ru: {
      subject: (club) => `${club}: тестовое письмо из Spotter`,
      body: (club) =>
        `Это проверка настроек отправки клуба «${club}» в Spotter. Если вы это читаете, почта работает.`,
    },
    uk: {
      subject: (club) => `${club}: тестовий лист зі Spotter`,
      body: (club) =>
        `Це перевірка налаштувань надсилання клубу «${club}» у Spotter. Якщо ви це читаєте, пошта працює.`,
    },
  };

export function testMailText(locale: Locale, club: string) {
  const t = TEXTS[locale] ?? TEXTS.en;
  return { subject: t.subject(club), body: t.body(club) };
}
