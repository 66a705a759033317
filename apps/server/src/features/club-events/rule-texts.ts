import type { Locale } from '@spotter/contracts';

/**
 * The comment a rule writes on its card, in the organization's language: the card says why it
 * is there without opening anything. Values come formatted for that language.
 */
const TEXTS: Record<Locale, Record<RuleText, string>> = {
  en: {
    trial_booking: 'Trial class {date}: {className}',
    contract_ending: 'Contract ends {date}: {service}',
    debt_termination: 'Debt {amount}, terminated {date}: {service}',
    payment_failed: 'Payment failed: {amount}',
    unpaid_contract: 'Contract not paid: {service}',
    unknown_call: 'Incoming call from {phone}',
    check_in: '{name} is here: {tasks} open',
    check_in_more: '{name} is here: {tasks} and more open',
  },
  sv: {
    trial_booking: 'Prova på-pass {date}: {className}',
    contract_ending: 'Avtalet löper ut {date}: {service}',
    debt_termination: 'Skuld {amount}, avslutas {date}: {service}',
    payment_failed: 'Betalningen misslyckades: {amount}',
    unpaid_contract: 'Obetalt avtal: {service}',
    unknown_call: 'Inkommande samtal från {phone}',
    check_in: '{name} är här – öppet: {tasks}',
    check_in_more: '{name} är här – öppet: {tasks} med flera',
  },
  pl: {
    trial_booking: 'Zajęcia próbne {date}: {className}',
    contract_ending: 'Umowa wygasa {date}: {service}',
    debt_termination: 'Zadłużenie {amount}, rozwiązanie {date}: {service}',
    payment_failed: 'Płatność nieudana: {amount}',
    unpaid_contract: 'Nieopłacona umowa: {service}',
    unknown_call: 'Połączenie przychodzące z {phone}',
    check_in: '{name} jest na miejscu – otwarte: {tasks}',
    check_in_more: '{name} jest na miejscu – otwarte: {tasks} i inne',
  },
  ru: {
    trial_booking: 'Пробное занятие {date}: {className}',
    contract_ending: 'Контракт заканчивается {date}: {service}',
    debt_termination: 'Задолженность {amount}, расторжение {date}: {service}',
    payment_failed: 'Оплата не прошла: {amount}',
    unpaid_contract: 'Контракт не оплачен: {service}',
    unknown_call: 'Входящий звонок с {phone}',
    check_in: '{name} здесь – открыто: {tasks}',
    check_in_more: '{name} здесь – открыто: {tasks} и другое',
  },
  uk: {
    trial_booking: 'Пробне заняття {date}: {className}',
    contract_ending: 'Контракт закінчується {date}: {service}',
    debt_termination: 'Заборгованість {amount}, розірвання {date}: {service}',
    payment_failed: 'Оплата не пройшла: {amount}',
    unpaid_contract: 'Контракт не оплачено: {service}',
    unknown_call: 'Вхідний дзвінок з {phone}',
    check_in: '{name} тут – відкрито: {tasks}',
    check_in_more: '{name} тут – відкрито: {tasks} та інше',
  },
};

export type RuleText =
  | 'trial_booking'
  | 'contract_ending'
  | 'debt_termination'
  | 'payment_failed'
  | 'unpaid_contract'
  | 'unknown_call'
  | 'check_in'
  | 'check_in_more';

export function ruleText(locale: string, key: RuleText, values: Record<string, string>): string {
  const texts = TEXTS[(locale in TEXTS ? locale : 'en') as Locale];
  return texts[key].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}

/**
 * Intl formatters are costly to make (tens of microseconds) and a drain formats a date or an
 * amount for most events: one per locale and options, kept (a handful per organization).
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    if (formatters.size > 500) formatters.clear();
    f = make();
    formatters.set(key, f);
  }
  return f;
}

export function formatDay(isoDay: string, locale: string): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  if (!y || !m || !d) return isoDay;
  return cached(
    `day|${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
  ).format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatInstant(iso: string, locale: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return cached(
    `instant|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
  ).format(at);
}

export function formatMoney(amount: unknown, currency: unknown, locale: string): string {
  if (typeof amount !== 'number') return '';
  try {
    return typeof currency === 'string' && currency
      ? cached(
          `money|${locale}|${currency}`,
          () => new Intl.NumberFormat(locale, { style: 'currency', currency }),
        ).format(amount)
      : cached(`number|${locale}`, () => new Intl.NumberFormat(locale)).format(amount);
  } catch {
    return String(amount);
  }
}
