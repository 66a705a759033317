import type { LeadFormStandardField, Locale } from '@spotter/contracts';

/**
 * The words of the hosted page that the admin does not write: standard labels, the button,
 * errors and refusals, in each language a form can be shown in. The admin's own texts (title,
 * intro, consents, thank-you, label overrides) come from the form.
 */
export interface PageWords {
  labels: Record<LeadFormStandardField, string>;
  submit: string;
  required: string;
  optional: string;
  choose: string;
  thankYou: string;
  errors: {
    summary: string;
    required: string;
    invalid: string;
    invalidPhone: string;
    invalidEmail: string;
    invalidDate: string;
    futureDate: string;
    tooLong: string;
    invalidOption: string;
    phoneOrEmail: string;
    consent: string;
  };
  refused: string;
  tooMany: string;
  unavailable: string;
  language: string;
}

const WORDS: Record<Locale, PageWords> = {
  en: {
    labels: {
      firstName: 'First name',
      lastName: 'Last name',
      phone: 'Phone',
      email: 'Email',
      birthDate: 'Date of birth',
      branch: 'Club',
      message: 'Message',
    },
    submit: 'Send',
    required: 'required',
    optional: 'optional',
    choose: 'Choose…',
    thankYou: 'Thank you! We will contact you soon.',
    errors: {
      summary: 'Please correct the marked fields.',
      required: 'Please fill this in.',
      invalid: 'This value is not valid.',
      invalidPhone: 'Enter a phone number we can call, with the area code.',
      invalidEmail: 'Enter an email address like name@example.com.',
      invalidDate: 'Enter a date as YYYY-MM-DD.',
      futureDate: 'The date cannot be in the future.',
      tooLong: 'This is too long.',
      invalidOption: 'Choose one of the options.',
      phoneOrEmail: 'Enter a phone number or an email address so we can reach you.',
      consent: 'Please tick this box to send the form.',
    },
    refused:
      'Your message could not be accepted. Please wait a moment, reload the page and try again, or contact us by phone.',
    tooMany: 'Too many messages have been sent from here. Please try again later.',
    unavailable: 'This form is not available.',
    language: 'Language',
  },
  sv: {
    labels: {
      firstName: 'Förnamn',
      lastName: 'Efternamn',
      phone: 'Telefon',
      email: 'E-post',
      birthDate: 'Födelsedatum',
      branch: 'Anläggning',
      message: 'Meddelande',
    },
    submit: 'Skicka',
    required: 'obligatoriskt',
    optional: 'valfritt',
    choose: 'Välj…',
    thankYou: 'Tack! Vi hör av oss snart.',
    errors: {
      summary: 'Rätta de markerade fälten.',
      required: 'Fyll i det här fältet.',
      invalid: 'Värdet är inte giltigt.',
      invalidPhone: 'Ange ett telefonnummer vi kan ringa, med riktnummer.',
      invalidEmail: 'Ange en e-postadress som namn@exempel.se.',
      invalidDate: 'Ange ett datum som ÅÅÅÅ-MM-DD.',
      futureDate: 'Datumet kan inte ligga i framtiden.',
      tooLong: 'Texten är för lång.',
      invalidOption: 'Välj ett av alternativen.',
      phoneOrEmail: 'Ange ett telefonnummer eller en e-postadress så att vi kan nå dig.',
      consent: 'Kryssa i rutan för att skicka formuläret.',
    },
    refused:
      'Ditt meddelande kunde inte tas emot. Vänta en stund, ladda om sidan och försök igen, eller ring oss.',
    tooMany: 'För många meddelanden har skickats härifrån. Försök igen senare.',
    unavailable: 'Formuläret är inte tillgängligt.',
    language: 'Språk',
  },
  pl: {
    labels: {
      firstName: 'Imię',
      lastName: 'Nazwisko',
      phone: 'Telefon',
      email: 'E-mail',
      birthDate: 'Data urodzenia',
      branch: 'Oddział',
      message: 'Wiadomość',
    },
    submit: 'Wyślij',
    required: 'wymagane',
    optional: 'opcjonalne',
    choose: 'Wybierz…',
    thankYou: 'Dziękujemy! Wkrótce się z Tobą skontaktujemy.',
    errors: {
      summary: 'Popraw zaznaczone pola.',
      required: 'Wypełnij to pole.',
      invalid: 'Ta wartość jest nieprawidłowa.',
      invalidPhone: 'Podaj numer telefonu, pod który możemy zadzwonić, z numerem kierunkowym.',
      invalidEmail: 'Podaj adres e-mail, np. imie@przyklad.pl.',
      invalidDate: 'Podaj datę w formacie RRRR-MM-DD.',
      futureDate: 'Data nie może być z przyszłości.',
      tooLong: 'Ten tekst jest za długi.',
      invalidOption: 'Wybierz jedną z opcji.',
      phoneOrEmail: 'Podaj numer telefonu lub adres e-mail, abyśmy mogli się skontaktować.',
      consent: 'Zaznacz to pole, aby wysłać formularz.',
    },
    refused:
      'Nie udało się przyjąć wiadomości. Odczekaj chwilę, odśwież stronę i spróbuj ponownie albo zadzwoń do nas.',
    tooMany: 'Wysłano stąd zbyt wiele wiadomości. Spróbuj ponownie później.',
    unavailable: 'Ten formularz jest niedostępny.',
    language: 'Język',
  },
  ru: {
    labels: {
      firstName: 'Имя',
      lastName: 'Фамилия',
      phone: 'Телефон',
      email: 'Эл. почта',
      birthDate: 'Дата рождения',
      branch: 'Филиал',
      message: 'Сообщение',
    },
    submit: 'Отправить',
    required: 'обязательно',
    optional: 'необязательно',
    choose: 'Выберите…',
    thankYou: 'Спасибо! Мы скоро с вами свяжемся.',
    errors: {
      summary: 'Исправьте отмеченные поля.',
      required: 'Заполните это поле.',
      invalid: 'Неверное значение.',
      invalidPhone: 'Укажите номер телефона с кодом города, по которому можно позвонить.',
      invalidEmail: 'Укажите адрес эл. почты, например name@example.com.',
      invalidDate: 'Укажите дату в формате ГГГГ-ММ-ДД.',
      futureDate: 'Дата не может быть в будущем.',
      tooLong: 'Слишком длинный текст.',
      invalidOption: 'Выберите один из вариантов.',
      phoneOrEmail: 'Укажите телефон или адрес эл. почты, чтобы мы могли связаться с вами.',
      consent: 'Отметьте этот пункт, чтобы отправить форму.',
    },
    refused:
      'Не удалось принять сообщение. Подождите немного, обновите страницу и попробуйте снова или позвоните нам.',
    tooMany: 'Отсюда отправлено слишком много сообщений. Попробуйте позже.',
    unavailable: 'Эта форма недоступна.',
    language: 'Язык',
  },
  uk: {
    labels: {
      firstName: "Ім'я",
      lastName: 'Прізвище',
      phone: 'Телефон',
      email: 'Ел. пошта',
      birthDate: 'Дата народження',
      branch: 'Філія',
      message: 'Повідомлення',
    },
    submit: 'Надіслати',
    required: "обов'язково",
    optional: "необов'язково",
    choose: 'Оберіть…',
    thankYou: "Дякуємо! Ми незабаром з вами зв'яжемося.",
    errors: {
      summary: 'Виправте позначені поля.',
      required: 'Заповніть це поле.',
      invalid: 'Неправильне значення.',
      invalidPhone: 'Вкажіть номер телефону з кодом міста, за яким можна зателефонувати.',
      invalidEmail: 'Вкажіть адресу ел. пошти, наприклад name@example.com.',
      invalidDate: 'Вкажіть дату у форматі РРРР-ММ-ДД.',
      futureDate: 'Дата не може бути в майбутньому.',
      tooLong: 'Задовгий текст.',
      invalidOption: 'Оберіть один із варіантів.',
      phoneOrEmail: "Вкажіть телефон або адресу ел. пошти, щоб ми могли з вами зв'язатися.",
      consent: 'Позначте цей пункт, щоб надіслати форму.',
    },
    refused:
      'Не вдалося прийняти повідомлення. Зачекайте трохи, оновіть сторінку й спробуйте знову або зателефонуйте нам.',
    tooMany: 'Звідси надіслано забагато повідомлень. Спробуйте пізніше.',
    unavailable: 'Ця форма недоступна.',
    language: 'Мова',
  },
};

export const pageWords = (locale: Locale): PageWords => WORDS[locale];

/** A field error code (decision 0008) as the visitor reads it. */
export function errorText(words: PageWords, code: string): string {
  const e = words.errors;
  switch (code) {
    case 'required':
    case 'identify_required':
      return e.required;
    case 'invalid_phone':
      return e.invalidPhone;
    case 'invalid_email':
      return e.invalidEmail;
    case 'invalid_date':
    case 'custom_invalid_date':
      return e.invalidDate;
    case 'future_birth_date':
    case 'before_start':
      return e.futureDate;
    case 'too_long':
    case 'custom_too_long':
      return e.tooLong;
    case 'invalid_option':
    case 'custom_unknown_option':
    case 'unknown_reference':
    case 'archived':
      return e.invalidOption;
    case 'phone_or_email':
      return e.phoneOrEmail;
    case 'consent':
      return e.consent;
    default:
      return e.invalid;
  }
}
