import { randomUUID } from 'node:crypto';
import type { Locale, TaskType } from '@spotter/contracts';
import { count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { taskDictionaries, taskStatuses, taskTemplates } from './task-settings.table.ts';
import { findDefaultTemplate } from './templates.repo.ts';

interface DefaultWords {
  templates: Record<TaskType, string>;
  statuses: [string, string, string];
  refusalReasons: string;
  refusalOptions: [string, string, string, string];
}

/** T-3/T-6 defaults and seed 004's refusal reasons, in the words each market's staff know. */
const WORDS: Record<Locale, DefaultWords> = {
  en: {
    templates: {
      internal: 'Internal task',
      client: 'Other client task',
      call: 'Personal call',
      round: 'Call round',
    },
    statuses: ['Planned', 'In progress', 'Waiting for reply'],
    refusalReasons: 'Refusal reasons',
    refusalOptions: [
      'Too far to travel',
      'Interested in other activities',
      'Schedule does not fit',
      'Other',
    ],
  },
  sv: {
    templates: {
      internal: 'Intern uppgift',
      client: 'Övrig kunduppgift',
      call: 'Personligt samtal',
      round: 'Ringlista',
    },
    statuses: ['Planerad', 'Pågår', 'Väntar på svar'],
    refusalReasons: 'Avvisningsorsaker',
    refusalOptions: [
      'För långt att resa',
      'Intresserad av andra aktiviteter',
      'Schemat passar inte',
      'Annat',
    ],
  },
  pl: {
    templates: {
      internal: 'Zadanie wewnętrzne',
      client: 'Inne zadanie klienta',
      call: 'Telefon do klienta',
      round: 'Obdzwanianie klientów',
    },
    statuses: ['Zaplanowane', 'W toku', 'Czeka na odpowiedź'],
    refusalReasons: 'Powody odmowy',
    refusalOptions: [
      'Za daleko dojeżdżać',
      'Interesują go inne zajęcia',
      'Nie pasuje grafik',
      'Inne',
    ],
  },
  ru: {
    templates: {
      internal: 'Внутренняя задача',
      client: 'Другая задача по клиенту',
      call: 'Личный звонок клиенту',
      round: 'Обзвон клиентов',
    },
    statuses: ['Запланирована', 'В работе', 'Ждём ответа'],
    refusalReasons: 'Причины отказа',
    refusalOptions: [
      'Далеко добираться',
      'Интересуют другие направления',
      'Не подходит расписание',
      'Другое',
    ],
  },
  uk: {
    templates: {
      internal: 'Внутрішнє завдання',
      client: 'Інше завдання по клієнту',
      call: 'Особистий дзвінок клієнту',
      round: 'Обдзвін клієнтів',
    },
    statuses: ['Заплановано', 'В роботі', 'Чекаємо на відповідь'],
    refusalReasons: 'Причини відмови',
    refusalOptions: ['Далеко добиратися', 'Цікавлять інші напрями', 'Не підходить розклад', 'Інше'],
  },
};

export const taskDefaultWords = (locale: Locale): DefaultWords => WORDS[locale] ?? WORDS.en;

/** Seed 004's order; each type gets its own hue so the board tells them apart at a glance. */
const TEMPLATE_DEFAULTS: Array<{ type: TaskType; color: string; background: string }> = [
  { type: 'internal', color: '#92400e', background: '#fef3c7' },
  { type: 'client', color: '#166534', background: '#dcfce7' },
  { type: 'call', color: '#1e40af', background: '#dbeafe' },
  { type: 'round', color: '#5b21b6', background: '#ede9fe' },
];

const STATUS_COLOURS = [
  { color: '#374151', background: '#e5e7eb' },
  { color: '#9a3412', background: '#ffedd5' },
  { color: '#0e7490', background: '#cffafe' },
] as const;

/**
 * Called inside the org-creation transaction. Safe to call again: a type that has its default
 * template is left alone, and statuses or dictionaries come only to an organization that has
 * none (a club that deleted them does not get them back). Conflicts are skipped, never raised,
 * so it can also run inside a caller's transaction.
 */
export async function seedTaskDefaults(db: Db, orgId: string, locale: Locale): Promise<void> {
  const words = taskDefaultWords(locale);
  let callTemplateId: string | null = null;
  for (const [position, template] of TEMPLATE_DEFAULTS.entries()) {
    let id: string | undefined = (await findDefaultTemplate(db, orgId, template.type))?.id;
    if (!id) {
      const [row]: Array<{ id: string }> = await db
        .insert(taskTemplates)
        .values({
          orgId,
          ...template,
          name: words.templates[template.type],
          position,
          isDefault: true,
          // A round's sub-tasks are personal calls (seed 004).
          callTemplateId: template.type === 'round' ? callTemplateId : null,
        })
        .onConflictDoNothing()
        .returning({ id: taskTemplates.id });
      id = row?.id;
    }
    if (template.type === 'call') callTemplateId = id ?? null;
  }
  const [statuses] = await db
    .select({ n: count() })
    .from(taskStatuses)
    .where(eq(taskStatuses.orgId, orgId));
  if (statuses?.n === 0) {
    await db
      .insert(taskStatuses)
      .values(
        words.statuses.map((name, position) => ({
          orgId,
          name,
          position,
          ...STATUS_COLOURS[position]!,
        })),
      )
      .onConflictDoNothing();
  }
  const [dictionaries] = await db
    .select({ n: count() })
    .from(taskDictionaries)
    .where(eq(taskDictionaries.orgId, orgId));
  if (dictionaries?.n === 0) {
    await db
      .insert(taskDictionaries)
      .values({
        orgId,
        name: words.refusalReasons,
        options: words.refusalOptions.map((name) => ({ id: randomUUID(), name, archived: false })),
      })
      .onConflictDoNothing();
  }
}
