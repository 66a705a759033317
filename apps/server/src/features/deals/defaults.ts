import type { Locale, StageState } from '@spotter/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { contactStatuses, defaultStatusNames } from '../contact-settings/index.ts';
import { organizations } from '../organizations/index.ts';
import { dealListItems, dealStages, pipelines } from './deals.table.ts';

type StageWords = [string, string, string, string, string, string, string];

interface DealWords {
  memberships: string;
  personalTraining: string;
  /** Lead, contacted, trial class, offer, negotiation, won, lost. */
  membershipStages: StageWords;
  /** Lead, consultation, offer, won, lost (the first, fourth and fifth of the stage words). */
  ptStages: [string, string, string, string, string];
  lostReasons: string[];
  types: string[];
}

/** S-2 defaults, in the words of seed 001 (stages with probability, "Pris, gått till konkurrent"). */
const WORDS: Record<Locale, DealWords> = {
  en: {
    memberships: 'Memberships',
    personalTraining: 'Personal training',
    membershipStages: [
      'New lead',
      'Contacted',
      'Trial class',
      'Offer made',
      'Negotiation',
      'Won',
      'Lost',
    ],
    ptStages: ['New lead', 'Consultation booked', 'Offer made', 'Won', 'Lost'],
    lostReasons: [
      'Price',
      'Went to a competitor',
      'Too far away',
      'Schedule does not fit',
      'Other',
    ],
    types: ['New sale', 'Upsell', 'Renewal'],
  },
  sv: {
    memberships: 'Medlemskap',
    personalTraining: 'Personlig träning',
    membershipStages: [
      'Ny lead',
      'Kontaktad',
      'Provpass',
      'Erbjudande lämnat',
      'Förhandling',
      'Vunnen',
      'Förlorad',
    ],
    ptStages: ['Ny lead', 'Konsultation bokad', 'Erbjudande lämnat', 'Vunnen', 'Förlorad'],
    lostReasons: ['Pris', 'Gått till konkurrent', 'För långt bort', 'Schemat passar inte', 'Annat'],
    types: ['Nyförsäljning', 'Merförsäljning', 'Förnyelse'],
  },
  pl: {
    memberships: 'Karnety',
    personalTraining: 'Trening personalny',
    membershipStages: [
      'Nowy lead',
      'Skontaktowano',
      'Zajęcia próbne',
      'Oferta złożona',
      'Negocjacje',
      'Wygrana',
      'Przegrana',
    ],
    ptStages: ['Nowy lead', 'Konsultacja umówiona', 'Oferta złożona', 'Wygrana', 'Przegrana'],
    lostReasons: ['Cena', 'Wybrał konkurencję', 'Za daleko', 'Nie pasuje grafik', 'Inne'],
    types: ['Nowa sprzedaż', 'Sprzedaż dodatkowa', 'Przedłużenie'],
  },
  ru: {
    memberships: 'Абонементы',
    personalTraining: 'Персональные тренировки',
    membershipStages: [
      'Новый лид',
      'Связались',
      'Пробное занятие',
      'Предложение',
      'Переговоры',
      'Выиграна',
      'Проиграна',
    ],
    ptStages: ['Новый лид', 'Консультация назначена', 'Предложение', 'Выиграна', 'Проиграна'],
    lostReasons: [
      'Цена',
      'Ушёл к конкуренту',
      'Далеко добираться',
      'Не подходит расписание',
      'Другое',
    ],
    types: ['Новая продажа', 'Допродажа', 'Продление'],
  },
  uk: {
    memberships: 'Абонементи',
    personalTraining: 'Персональні тренування',
    membershipStages: [
      'Новий лід',
      'Зв’язалися',
      'Пробне заняття',
      'Пропозиція',
      'Переговори',
      'Виграна',
      'Програна',
    ],
    ptStages: ['Новий лід', 'Консультацію призначено', 'Пропозиція', 'Виграна', 'Програна'],
    lostReasons: [
      'Ціна',
      'Пішов до конкурента',
      'Далеко добиратися',
      'Не підходить розклад',
      'Інше',
    ],
    types: ['Новий продаж', 'Допродаж', 'Продовження'],
  },
};

export const dealWords = (locale: Locale): DealWords => WORDS[locale] ?? WORDS.en;

interface StageSeed {
  name: string;
  probability: number;
  state: StageState;
  color: string;
}

const OPEN_COLOURS = ['#74c0fc', '#4dabf7', '#339af0', '#228be6', '#1c7ed6'];
const WON_COLOUR = '#40c057';
const LOST_COLOUR = '#fa5252';

function stagesOf(names: string[], probabilities: number[]): StageSeed[] {
  const open = names.length - 2;
  return names.map((name, i) => {
    if (i === open) return { name, probability: 100, state: 'won', color: WON_COLOUR };
    if (i === open + 1) return { name, probability: 0, state: 'lost', color: LOST_COLOUR };
    return { name, probability: probabilities[i]!, state: 'open', color: OPEN_COLOURS[i]! };
  });
}

/** The default stages of a new pipeline (the memberships process), in the organization's language. */
export function defaultStages(locale: Locale): StageSeed[] {
  return stagesOf(dealWords(locale).membershipStages, [10, 20, 40, 60, 80]);
}

/**
 * Called inside the organization-creation transaction (after the contact statuses exist):
 * Memberships and Personal training, whose won deals make the person a Customer, the lost
 * reasons and the deal types.
 */
export async function seedDealDefaults(db: Db, orgId: string, locale: Locale): Promise<void> {
  const words = dealWords(locale);
  const customerName = defaultStatusNames(locale)[1];
  const [customer] = customerName
    ? await db
        .select({ id: contactStatuses.id })
        .from(contactStatuses)
        .where(
          and(
            eq(contactStatuses.orgId, orgId),
            eq(contactStatuses.entity, 'person'),
            eq(contactStatuses.name, customerName),
          ),
        )
        .limit(1)
    : [];
  const seeds = [
    { name: words.memberships, stages: defaultStages(locale) },
    { name: words.personalTraining, stages: stagesOf(words.ptStages, [10, 40, 70]) },
  ];
  for (const [position, seed] of seeds.entries()) {
    const [pipeline] = await db
      .insert(pipelines)
      .values({ orgId, name: seed.name, position, wonStatusId: customer?.id ?? null })
      .onConflictDoNothing()
      .returning({ id: pipelines.id });
    if (!pipeline) continue;
    await db
      .insert(dealStages)
      .values(seed.stages.map((s, i) => ({ ...s, orgId, pipelineId: pipeline.id, position: i })));
  }
  const lists = [
    ...words.lostReasons.map((name, position) => ({
      kind: 'lost-reasons' as const,
      name,
      position,
    })),
    ...words.types.map((name, position) => ({ kind: 'types' as const, name, position })),
  ];
  await db
    .insert(dealListItems)
    .values(lists.map((l) => ({ ...l, orgId })))
    .onConflictDoNothing();
}

/** Organizations created before deals existed get the defaults at start-up. */
export async function backfillDealDefaults(db: Db): Promise<number> {
  const missing = await db
    .select({ id: organizations.id, locale: organizations.locale })
    .from(organizations)
    .where(
      sql`not exists (select 1 from ${pipelines} where ${pipelines.orgId} = ${organizations.id})`,
    );
  for (const org of missing) {
    await db.transaction((tx) => seedDealDefaults(tx, org.id, org.locale as Locale));
  }
  return missing.length;
}
