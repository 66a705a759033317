import type { ContactKind, Locale } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { contactStatuses, lookups } from './contact-settings.table.ts';

interface DefaultStatus {
  name: string;
  abbreviation: string;
}

/** C-3: every organization starts with Prospect, Customer and Former customer, in its language. */
const STATUS_NAMES: Record<Locale, [DefaultStatus, DefaultStatus, DefaultStatus]> = {
  en: [
    { name: 'Prospect', abbreviation: 'P' },
    { name: 'Customer', abbreviation: 'C' },
    { name: 'Former customer', abbreviation: 'FC' },
  ],
  sv: [
    { name: 'Prospekt', abbreviation: 'P' },
    { name: 'Kund', abbreviation: 'K' },
    { name: 'Avslutad kund', abbreviation: 'AK' },
  ],
  pl: [
    { name: 'Lead', abbreviation: 'L' },
    { name: 'Klient', abbreviation: 'K' },
    { name: 'Były klient', abbreviation: 'BK' },
  ],
  ru: [
    { name: 'Лид', abbreviation: 'Л' },
    { name: 'Клиент', abbreviation: 'К' },
    { name: 'Бывший клиент', abbreviation: 'БК' },
  ],
  uk: [
    { name: 'Лід', abbreviation: 'Л' },
    { name: 'Клієнт', abbreviation: 'К' },
    { name: 'Колишній клієнт', abbreviation: 'КК' },
  ],
};

/** Blue for a lead, green for a customer, grey for a former one: readable text on a light tint. */
const STATUS_COLOURS = [
  { color: '#1e40af', background: '#dbeafe' },
  { color: '#166534', background: '#dcfce7' },
  { color: '#374151', background: '#e5e7eb' },
] as const;

/** C-9 history event types, in the words of seed 000 ("aktivitet, provat på pass, ringt kund …"). */
const HISTORY_TYPES: Record<Locale, string[]> = {
  en: ['Activity', 'Tried a class', 'Called', 'No answer', 'Done'],
  sv: ['Aktivitet', 'Provat på pass', 'Ringt kund', 'Inget svar', 'Klart'],
  pl: ['Aktywność', 'Zajęcia próbne', 'Telefon do klienta', 'Brak odpowiedzi', 'Zrobione'],
  ru: ['Активность', 'Пробное занятие', 'Звонок клиенту', 'Нет ответа', 'Выполнено'],
  uk: ['Активність', 'Пробне заняття', 'Дзвінок клієнту', 'Немає відповіді', 'Виконано'],
};

const KINDS: ContactKind[] = ['person', 'company'];

export function defaultStatusNames(locale: Locale): string[] {
  return (STATUS_NAMES[locale] ?? STATUS_NAMES.en).map((s) => s.name);
}

/** How a guardian is related to a child (issue 17); migration 0036 gives existing clubs the same. */
const RELATION_ROLES: Record<Locale, string[]> = {
  en: ['Mother', 'Father', 'Guardian', 'Other carer'],
  sv: ['Mamma', 'Pappa', 'Vårdnadshavare', 'Annan vuxen'],
  pl: ['Matka', 'Ojciec', 'Opiekun prawny', 'Inny opiekun'],
  ru: ['Мама', 'Папа', 'Опекун', 'Другой взрослый'],
  uk: ['Мама', 'Тато', 'Опікун', 'Інший дорослий'],
};

export function defaultRelationRoleNames(locale: Locale): string[] {
  return RELATION_ROLES[locale] ?? RELATION_ROLES.en;
}

export function defaultHistoryTypeNames(locale: Locale): string[] {
  return HISTORY_TYPES[locale] ?? HISTORY_TYPES.en;
}

/** Called inside the org-creation transaction; safe to call again (existing names are kept). */
export async function seedCrmDefaults(db: Db, orgId: string, locale: Locale): Promise<void> {
  const statuses = STATUS_NAMES[locale] ?? STATUS_NAMES.en;
  await db
    .insert(contactStatuses)
    .values(
      KINDS.flatMap((entity) =>
        statuses.map((s, position) => ({
          orgId,
          entity,
          name: s.name,
          abbreviation: s.abbreviation,
          ...STATUS_COLOURS[position]!,
          position,
        })),
      ),
    )
    .onConflictDoNothing();
  await db
    .insert(lookups)
    .values(
      defaultHistoryTypeNames(locale).map((name, position) => ({
        orgId,
        kind: 'history-types' as const,
        name,
        scope: 'both' as const,
        position,
      })),
    )
    .onConflictDoNothing();
  await db
    .insert(lookups)
    .values(
      defaultRelationRoleNames(locale).map((name, position) => ({
        orgId,
        kind: 'relation-roles' as const,
        name,
        scope: 'person' as const,
        position,
      })),
    )
    .onConflictDoNothing();
}
