import type { Locale } from '@spotter/contracts';

interface ReminderWords {
  subject: string;
  intro: string;
  person: string;
  due: string;
  noDue: string;
  comment: string;
  open: string;
  why: string;
}

/** The reminder mail in the staff member's language ({task}: the task's name). */
export const REMINDER_WORDS: Record<Locale, ReminderWords> = {
  en: {
    subject: 'Reminder: {task}',
    intro: 'You asked to be reminded of this task.',
    person: 'Client',
    due: 'Due',
    noDue: 'no due time',
    comment: 'Comment',
    open: 'Open the task',
    why: 'You get this because “Also send my reminders by email” is on in your account.',
  },
  sv: {
    subject: 'Påminnelse: {task}',
    intro: 'Du bad om en påminnelse om den här uppgiften.',
    person: 'Kund',
    due: 'Förfaller',
    noDue: 'ingen tid satt',
    comment: 'Kommentar',
    open: 'Öppna uppgiften',
    why: 'Du får detta eftersom ”Skicka även mina påminnelser via e-post” är på i ditt konto.',
  },
  pl: {
    subject: 'Przypomnienie: {task}',
    intro: 'Prosiłeś o przypomnienie o tym zadaniu.',
    person: 'Klient',
    due: 'Termin',
    noDue: 'bez terminu',
    comment: 'Komentarz',
    open: 'Otwórz zadanie',
    why: 'Otrzymujesz tę wiadomość, ponieważ na Twoim koncie włączono „Wysyłaj mi też przypomnienia e-mailem”.',
  },
  ru: {
    subject: 'Напоминание: {task}',
    intro: 'Вы просили напомнить об этой задаче.',
    person: 'Клиент',
    due: 'Срок',
    noDue: 'срок не задан',
    comment: 'Комментарий',
    open: 'Открыть задачу',
    why: 'Вы получили это письмо, потому что в вашем профиле включено «Также присылать напоминания по почте».',
  },
  uk: {
    subject: 'Нагадування: {task}',
    intro: 'Ви просили нагадати про це завдання.',
    person: 'Клієнт',
    due: 'Термін',
    noDue: 'термін не задано',
    comment: 'Коментар',
    open: 'Відкрити завдання',
    why: 'Ви отримали цей лист, бо у вашому профілі ввімкнено «Також надсилати нагадування поштою».',
  },
};
