import type { Locale, Role } from '@spotter/contracts';

interface DemoClub {
  club: string;
  branches: string[];
  staff: Array<{ name: string; role: Role }>;
}

/** A believable club per language, so a demo in Polish reads like a Polish club. */
export const DEMO_CLUBS: Record<Locale, DemoClub> = {
  en: {
    club: 'Riverside Fitness & Dance',
    branches: ['City Centre', 'Riverside', 'Kids Academy'],
    staff: [
      { name: 'Olivia Bennett', role: 'admin' },
      { name: 'James Carter', role: 'manager' },
      { name: 'Sophie Turner', role: 'sales' },
      { name: 'Daniel Hughes', role: 'sales' },
      { name: 'Grace Mitchell', role: 'reception' },
      { name: 'Liam Foster', role: 'reception' },
      { name: 'Chloe Evans', role: 'instructor' },
      { name: 'Noah Price', role: 'instructor' },
    ],
  },
  sv: {
    club: 'Friskis Norrtull',
    branches: ['Centrum', 'Hammarby Sjöstad', 'Barnstudion'],
    staff: [
      { name: 'Karin Lindqvist', role: 'admin' },
      { name: 'Erik Johansson', role: 'manager' },
      { name: 'Sara Nilsson', role: 'sales' },
      { name: 'Johan Berg', role: 'sales' },
      { name: 'Elin Andersson', role: 'reception' },
      { name: 'Oscar Lund', role: 'reception' },
      { name: 'Maja Holm', role: 'instructor' },
      { name: 'Viktor Sandberg', role: 'instructor' },
    ],
  },
  pl: {
    club: 'Klub Sportowy Wisła Fit',
    branches: ['Śródmieście', 'Mokotów', 'Akademia Dzieci'],
    staff: [
      { name: 'Katarzyna Nowak', role: 'admin' },
      { name: 'Piotr Kowalski', role: 'manager' },
      { name: 'Agnieszka Wiśniewska', role: 'sales' },
      { name: 'Tomasz Wójcik', role: 'sales' },
      { name: 'Magdalena Kamińska', role: 'reception' },
      { name: 'Michał Lewandowski', role: 'reception' },
      { name: 'Joanna Zielińska', role: 'instructor' },
      { name: 'Paweł Szymański', role: 'instructor' },
    ],
  },
  ru: {
    club: 'Фитнес-клуб «Энергия»',
    branches: ['Центр', 'Северный', 'Детская академия'],
    staff: [
      { name: 'Анна Смирнова', role: 'admin' },
      { name: 'Дмитрий Иванов', role: 'manager' },
      { name: 'Екатерина Кузнецова', role: 'sales' },
      { name: 'Алексей Попов', role: 'sales' },
      { name: 'Мария Васильева', role: 'reception' },
      { name: 'Сергей Петров', role: 'reception' },
      { name: 'Ольга Соколова', role: 'instructor' },
      { name: 'Иван Михайлов', role: 'instructor' },
    ],
  },
  uk: {
    club: 'Спортклуб «Дніпро»',
    branches: ['Центр', 'Поділ', 'Дитяча академія'],
    staff: [
      { name: 'Олена Коваленко', role: 'admin' },
      { name: 'Андрій Шевченко', role: 'manager' },
      { name: 'Ірина Бондаренко', role: 'sales' },
      { name: 'Тарас Мельник', role: 'sales' },
      { name: 'Наталія Кравченко', role: 'reception' },
      { name: 'Богдан Ткаченко', role: 'reception' },
      { name: 'Оксана Олійник', role: 'instructor' },
      { name: 'Юрій Лисенко', role: 'instructor' },
    ],
  },
};

const TRANSLIT: Record<string, string> = Object.fromEntries([
  ...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ'
    .split('')
    .map((c, i) => [
      c,
      [
        'a',
        'b',
        'v',
        'g',
        'd',
        'e',
        'e',
        'zh',
        'z',
        'i',
        'y',
        'k',
        'l',
        'm',
        'n',
        'o',
        'p',
        'r',
        's',
        't',
        'u',
        'f',
        'kh',
        'ts',
        'ch',
        'sh',
        'shch',
        '',
        'y',
        '',
        'e',
        'yu',
        'ya',
        'i',
        'yi',
        'ye',
        'g',
      ][i]!,
    ]),
  ['å', 'a'],
  ['ä', 'a'],
  ['ö', 'o'],
  ['ą', 'a'],
  ['ć', 'c'],
  ['ę', 'e'],
  ['ł', 'l'],
  ['ń', 'n'],
  ['ó', 'o'],
  ['ś', 's'],
  ['ź', 'z'],
  ['ż', 'z'],
]);

/** "Agnieszka Wiśniewska" → "agnieszka.wisniewska", for demo email addresses. */
export function emailLocalPart(name: string): string {
  return name
    .toLowerCase()
    .split('')
    .map((c) => TRANSLIT[c] ?? c)
    .join('')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}
