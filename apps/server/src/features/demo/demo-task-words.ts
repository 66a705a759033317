import type { Locale } from '@spotter/contracts';

/** Why a demo card exists (seed 003: "the reason the card appeared in the CRM"). */
export interface DemoTaskWords {
  reasons: string[];
  internal: string[];
  round: string;
  resultComments: string[];
}

export const DEMO_TASK_WORDS: Record<Locale, DemoTaskWords> = {
  en: {
    reasons: [
      'Booked a trial class online',
      'Membership ends tomorrow: offer a renewal',
      'Card payment failed this morning',
      'Asked about prices at the front desk',
      'Has not visited for three weeks',
      'Left a request on the website',
      'New contract not paid yet',
      'Interested in personal training',
      'Missed call, call back',
      'Wants to bring a friend',
    ],
    internal: ['Order water for the gym', 'Buy stationery', 'Prepare the monthly report'],
    round: 'Autumn: call everyone whose membership ended',
    resultComments: [
      'Talked for five minutes, friendly',
      'Will come on Saturday',
      'Prefers evenings',
      'Asked to send the schedule by email',
      '',
    ],
  },
  sv: {
    reasons: [
      'Bokade ett prova på-pass online',
      'Medlemskapet går ut i morgon: erbjud förlängning',
      'Kortbetalningen misslyckades i morse',
      'Frågade om priser i receptionen',
      'Har inte tränat på tre veckor',
      'Lämnade en förfrågan på webbplatsen',
      'Nytt avtal är inte betalt än',
      'Intresserad av personlig träning',
      'Missat samtal, ring tillbaka',
      'Vill ta med en vän',
    ],
    internal: ['Beställ vatten till gymmet', 'Köp kontorsmaterial', 'Förbered månadsrapporten'],
    round: 'Höst: ring alla vars medlemskap har gått ut',
    resultComments: [
      'Pratade i fem minuter, trevlig',
      'Kommer på lördag',
      'Föredrar kvällar',
      'Vill ha schemat på mejl',
      '',
    ],
  },
  pl: {
    reasons: [
      'Zapisał się online na zajęcia próbne',
      'Karnet kończy się jutro: zaproponuj przedłużenie',
      'Płatność kartą nie powiodła się dziś rano',
      'Pytał o ceny w recepcji',
      'Nie był na treningu od trzech tygodni',
      'Zostawił zapytanie na stronie',
      'Nowa umowa jeszcze nieopłacona',
      'Zainteresowany treningiem personalnym',
      'Nieodebrane połączenie, oddzwonić',
      'Chce przyjść z przyjacielem',
    ],
    internal: [
      'Zamówić wodę na siłownię',
      'Kupić artykuły biurowe',
      'Przygotować raport miesięczny',
    ],
    round: 'Jesień: zadzwonić do wszystkich, którym skończył się karnet',
    resultComments: [
      'Rozmawialiśmy pięć minut, miła rozmowa',
      'Przyjdzie w sobotę',
      'Woli wieczory',
      'Prosi o grafik mailem',
      '',
    ],
  },
  ru: {
    reasons: [
      'Записался онлайн на пробное занятие',
      'Абонемент заканчивается завтра: предложить продление',
      'Списание с карты не прошло сегодня утром',
      'Спрашивал о ценах на ресепшене',
      'Не ходит уже три недели',
      'Оставил заявку на сайте',
      'Новый контракт ещё не оплачен',
      'Интересуется персональными тренировками',
      'Пропущенный звонок, перезвонить',
      'Хочет прийти с другом',
    ],
    internal: ['Заказать воду в зал', 'Купить канцелярию', 'Подготовиться к отчёту за месяц'],
    round: 'Осень: обзвонить всех, у кого закончился абонемент',
    resultComments: [
      'Поговорили пять минут, доброжелательно',
      'Придёт в субботу',
      'Удобнее вечером',
      'Просит прислать расписание на почту',
      '',
    ],
  },
  uk: {
    reasons: [
      'Записався онлайн на пробне заняття',
      'Абонемент закінчується завтра: запропонувати продовження',
      'Списання з картки не пройшло сьогодні вранці',
      'Питав про ціни на рецепції',
      'Не ходить уже три тижні',
      'Залишив заявку на сайті',
      'Новий контракт ще не оплачено',
      'Цікавиться персональними тренуваннями',
      'Пропущений дзвінок, передзвонити',
      'Хоче прийти з другом',
    ],
    internal: ['Замовити воду в зал', 'Купити канцелярію', 'Підготуватися до звіту за місяць'],
    round: 'Осінь: обдзвонити всіх, у кого закінчився абонемент',
    resultComments: [
      "Поговорили п'ять хвилин, доброзичливо",
      'Прийде в суботу',
      'Зручніше ввечері',
      'Просить надіслати розклад на пошту',
      '',
    ],
  },
};
