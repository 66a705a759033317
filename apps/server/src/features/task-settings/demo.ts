import { randomUUID } from 'node:crypto';
import type { DueOffset, Locale, NextStep, ResultField, TaskType } from '@spotter/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { seedTaskDefaults, taskDefaultWords } from './defaults.ts';
import { DEMO_SETTINGS_WORDS, type DemoSettingsWords } from './demo-words.ts';
import { taskDictionaries, taskResults, taskTemplates } from './task-settings.table.ts';
import * as repo from './templates.repo.ts';

const GREEN = { color: '#166534', background: '#dcfce7' };
const DARK_GREEN = { color: '#f0fdf4', background: '#15803d' };
const BLUE = { color: '#1e40af', background: '#dbeafe' };
const AMBER = { color: '#92400e', background: '#fef3c7' };
const GREY = { color: '#374151', background: '#e5e7eb' };
const RED = { color: '#991b1b', background: '#fee2e2' };
const VIOLET = { color: '#5b21b6', background: '#ede9fe' };

type Colours = typeof GREEN;

const byName = (name: string) => sql`lower(${name})`;

async function ensureTemplate(
  db: Db,
  orgId: string,
  values: Colours & {
    type: TaskType;
    name: string;
    callTemplateId?: string;
    defaultComment?: string;
    dueOffsetMinutes?: number;
  },
) {
  const [found] = await db
    .select({ id: taskTemplates.id })
    .from(taskTemplates)
    .where(
      and(
        eq(taskTemplates.orgId, orgId),
        sql`lower(${taskTemplates.name}) = ${byName(values.name)}`,
      ),
    );
  if (found) return found.id;
  const position = await repo.nextTemplatePosition(db, orgId);
  return (await repo.insertTemplate(db, { orgId, ...values, position })).id;
}

/** The refusal reasons `seedTaskDefaults` gives every club, or a fresh copy if renamed away. */
async function ensureRefusalReasons(db: Db, orgId: string, locale: Locale) {
  const words = taskDefaultWords(locale);
  const [found] = await db
    .select()
    .from(taskDictionaries)
    .where(
      and(
        eq(taskDictionaries.orgId, orgId),
        sql`lower(${taskDictionaries.name}) = ${byName(words.refusalReasons)}`,
      ),
    );
  if (found) return found;
  const options = words.refusalOptions.map((name) => ({ id: randomUUID(), name, archived: false }));
  const [created] = await db
    .insert(taskDictionaries)
    .values({ orgId, name: words.refusalReasons, options })
    .returning();
  return created!;
}

interface DemoResult extends Colours {
  name: string;
  fields?: Array<Omit<ResultField, 'id'>>;
  next?: {
    templateId: string;
    offset: DueOffset;
    assignTo: NextStep['assignTo'];
    /** Counted from this one of `fields` (a date) instead of the moment of entry. */
    fromFieldIndex?: number;
  };
}

/** A demo result's fields with fresh ids, and its next step naming its date field by id. */
function resultContent(r: DemoResult) {
  const fields = (r.fields ?? []).map((f) => ({ id: randomUUID(), ...f }));
  if (!r.next) return { fields, next: null };
  const { fromFieldIndex, ...step } = r.next;
  const fromFieldId = fromFieldIndex === undefined ? null : fields[fromFieldIndex]!.id;
  return { fields, next: { ...step, userId: null, fromFieldId } };
}

/** Adds the results a template lacks (by name), in order; returns every one by its key. */
async function ensureResults<K extends string>(
  db: Db,
  orgId: string,
  templateId: string,
  wanted: Record<K, DemoResult>,
): Promise<Record<K, repo.ResultRow>> {
  const existing = await repo.listResults(db, orgId, [templateId], true);
  let position = existing.reduce((max, r) => Math.max(max, r.position + 1), 0);
  const rows = {} as Record<K, repo.ResultRow>;
  for (const [key, r] of Object.entries(wanted) as Array<[K, DemoResult]>) {
    const found = existing.find((e) => e.name.toLowerCase() === r.name.toLowerCase());
    rows[key] =
      found ??
      (
        await db
          .insert(taskResults)
          .values({
            orgId,
            templateId,
            name: r.name,
            color: r.color,
            background: r.background,
            position: position++,
            ...resultContent(r),
          })
          .returning()
      )[0]!;
  }
  return rows;
}

async function ensureDemoTemplates(db: Db, orgId: string, w: DemoSettingsWords) {
  const defaultOf = async (type: TaskType) => (await repo.findDefaultTemplate(db, orgId, type))!.id;
  const personalCall = await defaultOf('call');
  return {
    internalTask: await defaultOf('internal'),
    clientTask: await defaultOf('client'),
    personalCall,
    callRound: await defaultOf('round'),
    checkPurchase: await ensureTemplate(db, orgId, {
      type: 'call',
      name: w.checkPurchase,
      ...GREEN,
    }),
    sendInformation: await ensureTemplate(db, orgId, {
      type: 'client',
      name: w.sendInformation,
      defaultComment: w.sendInformationComment,
      dueOffsetMinutes: 60,
      ...BLUE,
    }),
    orderWater: await ensureTemplate(db, orgId, { type: 'internal', name: w.orderWater, ...GREY }),
    monthlyReport: await ensureTemplate(db, orgId, {
      type: 'internal',
      name: w.monthlyReport,
      ...AMBER,
    }),
    callFormerMembers: await ensureTemplate(db, orgId, {
      type: 'round',
      name: w.callFormerMembers,
      callTemplateId: personalCall,
      ...VIOLET,
    }),
  };
}

const days = (amount: number): DueOffset => ({ unit: 'days', amount });
const same = (templateId: string, offset: DueOffset) =>
  ({ templateId, offset, assignTo: 'same' }) as const;

/** Seed 004: what a personal call can end with, and where each result leads. */
function personalCallResults(
  w: DemoSettingsWords,
  ids: { personalCall: string; checkPurchase: string; refusalReasons: string },
) {
  const required = true;
  return {
    bookedTrial: {
      name: w.bookedTrial,
      ...GREEN,
      fields: [
        { label: w.trialDate, type: 'date', required, dictionaryId: null },
        { label: w.activities, type: 'text', required: false, dictionaryId: null },
      ],
    },
    informationSent: { name: w.informationSent, ...BLUE, next: same(ids.personalCall, days(3)) },
    thinking: { name: w.thinking, ...AMBER, next: same(ids.personalCall, days(2)) },
    callBack: {
      name: w.callBack,
      ...AMBER,
      next: same(ids.personalCall, { unit: 'next_working_day', amount: 0 }),
    },
    notRelevant: { name: w.notRelevant, ...GREY },
    goingToBuy: {
      name: w.goingToBuy,
      ...GREEN,
      fields: [{ label: w.expectedPurchaseDate, type: 'date', required, dictionaryId: null }],
      // Two days after the planned purchase, at the start of the working day.
      next: { ...same(ids.checkPurchase, days(2)), fromFieldIndex: 0 },
    },
    boughtMembership: { name: w.boughtMembership, ...DARK_GREEN },
    conditionalRefusal: {
      name: w.conditionalRefusal,
      ...RED,
      fields: [
        { label: w.refusalReason, type: 'choice', required, dictionaryId: ids.refusalReasons },
      ],
    },
  } satisfies Record<string, DemoResult>;
}

/**
 * Seed 004's worked example: the default personal call with its eight results, the "check the
 * purchase" step "going to buy" leads to, and a few other templates. Safe to run twice (what
 * exists by name is kept); returns the ids by stable English keys for the demo and tests.
 */
export async function seedDemoTaskSettings(db: Db, orgId: string, locale: Locale) {
  await seedTaskDefaults(db, orgId, locale);
  const w = DEMO_SETTINGS_WORDS[locale] ?? DEMO_SETTINGS_WORDS.en;
  const refusal = await ensureRefusalReasons(db, orgId, locale);
  const templates = await ensureDemoTemplates(db, orgId, w);
  const { personalCall, checkPurchase } = templates;
  const call = await ensureResults(
    db,
    orgId,
    personalCall,
    personalCallResults(w, { personalCall, checkPurchase, refusalReasons: refusal.id }),
  );
  const check = await ensureResults(db, orgId, checkPurchase, {
    checkBought: { name: w.boughtMembership, ...DARK_GREEN },
    didNotBuy: {
      name: w.didNotBuy,
      ...RED,
      next: { templateId: personalCall, offset: days(7), assignTo: 'responsible' },
    },
  });
  const ids = <K extends string>(rows: Record<K, repo.ResultRow>) =>
    Object.fromEntries(Object.entries<repo.ResultRow>(rows).map(([k, r]) => [k, r.id])) as Record<
      K,
      string
    >;
  return {
    templates,
    results: { ...ids(call), ...ids(check) },
    /** Field ids: task result values are stored under them. */
    fields: {
      trialDate: call.bookedTrial.fields[0]!.id,
      activities: call.bookedTrial.fields[1]!.id,
      expectedPurchaseDate: call.goingToBuy.fields[0]!.id,
      refusalReason: call.conditionalRefusal.fields[0]!.id,
    },
    dictionaries: { refusalReasons: refusal.id },
    /** Option ids of the refusal reasons, in seed 004's order. */
    refusalOptions: refusal.options.map((o) => o.id),
  };
}

export type DemoTaskSettings = Awaited<ReturnType<typeof seedDemoTaskSettings>>;
