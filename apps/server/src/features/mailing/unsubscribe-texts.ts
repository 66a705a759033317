import type { Locale } from '@spotter/contracts';

export interface UnsubscribeWords {
  title: string;
  /** Before the button: what it does. `{club}` is the club's name. */
  ask: string;
  /** The same for an SMS link. */
  askSms: string;
  button: string;
  done: string;
  doneDetail: string;
  doneDetailSms: string;
  invalidTitle: string;
  invalid: string;
  /** Under the question and the answer when the link came in a test mail. */
  testNote: string;
}

/** The unsubscribe page in the recipient's language (server-side: the page has no script). */
export const UNSUBSCRIBE_WORDS: Record<Locale, UnsubscribeWords> = {
  en: {
    title: 'Unsubscribe',
    ask: 'Do you want to stop receiving email from {club}?',
    askSms: 'Do you want to stop receiving text messages from {club}?',
    button: 'Unsubscribe',
    done: 'You are unsubscribed',
    doneDetail: '{club} will not send you marketing email any more.',
    doneDetailSms: '{club} will not send you marketing text messages any more.',
    invalidTitle: 'This link is not valid',
    invalid: 'The link may be incomplete. Copy the whole link from the email, or contact the club.',
    testNote: 'This link came in a test mail: it unsubscribes nobody.',
  },
  sv: {
    title: 'Avregistrera',
    ask: 'Vill du sluta få e-post från {club}?',
    askSms: 'Vill du sluta få sms från {club}?',
    button: 'Avregistrera mig',
    done: 'Du är avregistrerad',
    doneDetail: '{club} skickar inte längre marknadsföring till dig via e-post.',
    doneDetailSms: '{club} skickar inte längre marknadsföring till dig via sms.',
    invalidTitle: 'Länken är inte giltig',
    invalid:
      'Länken kan vara ofullständig. Kopiera hela länken från e-postmeddelandet eller kontakta klubben.',
    testNote: 'Länken kom i ett testmejl: den avregistrerar ingen.',
  },
  pl: {
    title: 'Wypisz się',
    ask: 'Czy chcesz przestać otrzymywać e-maile od {club}?',
    askSms: 'Czy chcesz przestać otrzymywać SMS-y od {club}?',
    button: 'Wypisz mnie',
    done: 'Wypisano Cię z listy',
    doneDetail: '{club} nie będzie już wysyłać Ci e-maili marketingowych.',
    doneDetailSms: '{club} nie będzie już wysyłać Ci SMS-ów marketingowych.',
    invalidTitle: 'Ten link jest nieprawidłowy',
    invalid: 'Link może być niepełny. Skopiuj cały link z wiadomości lub skontaktuj się z klubem.',
    testNote: 'Ten link pochodzi z wiadomości testowej: nikogo nie wypisuje.',
  },
  ru: {
    title: 'Отписаться',
    ask: 'Вы хотите больше не получать письма от {club}?',
    askSms: 'Вы хотите больше не получать SMS от {club}?',
    button: 'Отписаться',
    done: 'Вы отписаны',
    doneDetail: '{club} больше не будет присылать вам рекламные письма.',
    doneDetailSms: '{club} больше не будет присылать вам рекламные SMS.',
    invalidTitle: 'Ссылка недействительна',
    invalid:
      'Возможно, ссылка скопирована не полностью. Скопируйте всю ссылку из письма или свяжитесь с клубом.',
    testNote: 'Эта ссылка пришла в тестовом письме: она никого не отписывает.',
  },
  uk: {
    title: 'Відписатися',
    ask: 'Ви хочете більше не отримувати листи від {club}?',
    askSms: 'Ви хочете більше не отримувати SMS від {club}?',
    button: 'Відписатися',
    done: 'Вас відписано',
    doneDetail: '{club} більше не надсилатиме вам рекламні листи.',
    doneDetailSms: '{club} більше не надсилатиме вам рекламні SMS.',
    invalidTitle: 'Посилання недійсне',
    invalid:
      'Можливо, посилання скопійовано не повністю. Скопіюйте все посилання з листа або зверніться до клубу.',
    testNote: 'Це посилання прийшло в тестовому листі: воно нікого не відписує.',
  },
};

/** "Unsubscribe link: <campaign>": the consent's source, in the club's own language. */
export const UNSUBSCRIBE_SOURCE: Record<Locale, string> = {
  en: 'Unsubscribe link',
  sv: 'Avregistreringslänk',
  pl: 'Link do wypisania',
  ru: 'Ссылка для отписки',
  uk: 'Посилання для відписки',
};
