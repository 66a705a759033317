import type { Dictionary, TaskStatus } from '@spotter/contracts';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createOrg, ok, useTestApp } from '../../../test/test-app.ts';
import { AppError } from '../../lib/errors.ts';
import {
  assertTaskStatus,
  defaultTemplateId,
  firstTaskStatusId,
  getDictionaries,
  getResultRow,
  getTemplateWithResults,
  seedDemoTaskSettings,
} from './index.ts';
import { taskDictionaries, taskStatuses, taskTemplates } from './task-settings.table.ts';
import { statusesOf, templatesOf } from './task-settings.test-setup.ts';

describe('task settings defaults and the demo (T-3, seed 004)', () => {
  const t = useTestApp();

  it('seeds a Swedish organization in Swedish', async () => {
    const { owner: client } = await createOrg(t.app, { locale: 'sv' });
    expect((await templatesOf(client)).map((i) => i.name)).toEqual([
      'Intern uppgift',
      'Övrig kunduppgift',
      'Personligt samtal',
      'Ringlista',
    ]);
    expect((await statusesOf(client)).map((s) => s.name)).toEqual([
      'Planerad',
      'Pågår',
      'Väntar på svar',
    ]);
    const dictionaries = await ok<{ items: Dictionary[] }>(
      client,
      'GET',
      '/api/settings/dictionaries',
    );
    expect(dictionaries.items.map((d) => [d.name, d.options.length])).toEqual([
      ['Avvisningsorsaker', 4],
    ]);
  });

  it('names the defaults in every language', async () => {
    const expected = {
      pl: ['Telefon do klienta', 'W toku'],
      ru: ['Личный звонок клиенту', 'В работе'],
      uk: ['Особистий дзвінок клієнту', 'В роботі'],
    } as const;
    for (const [locale, [call, status]] of Object.entries(expected)) {
      const { owner: client } = await createOrg(t.app, { locale });
      expect((await templatesOf(client)).map((i) => i.name)).toContain(call);
      expect((await statusesOf(client)).map((s: TaskStatus) => s.name)).toContain(status);
    }
  });

  it('builds seed 004’s workflow, safely twice, in the organization’s language', async () => {
    const { owner: client, orgId } = await createOrg(t.app, { locale: 'ru' });
    const db = t.database.db;
    const demo = await seedDemoTaskSettings(db, orgId, 'ru');
    expect(await seedDemoTaskSettings(db, orgId, 'ru')).toEqual(demo);

    const call = await getTemplateWithResults(db, orgId, demo.templates.personalCall);
    expect(call?.name).toBe('Личный звонок клиенту');
    expect(call?.results.map((r) => r.name)).toEqual([
      'Запись на пробное занятие',
      'Отправлена информация',
      'Думает',
      'Перезвонить',
      'Сейчас не актуально',
      'Собирается купить абонемент',
      'Купил абонемент',
      'Условный отказ',
    ]);
    const goingToBuy = call!.results.find((r) => r.id === demo.results.goingToBuy)!;
    expect(goingToBuy.fields).toEqual([
      {
        id: demo.fields.expectedPurchaseDate,
        label: 'Ожидаемая дата покупки',
        type: 'date',
        required: true,
        dictionaryId: null,
      },
    ]);
    // Two days after the planned purchase date.
    expect(goingToBuy.next).toEqual({
      templateId: demo.templates.checkPurchase,
      offset: { unit: 'days', amount: 2 },
      assignTo: 'same',
      userId: null,
      fromFieldId: demo.fields.expectedPurchaseDate,
    });
    const refusal = call!.results.find((r) => r.id === demo.results.conditionalRefusal)!;
    expect(refusal.fields[0]).toMatchObject({
      type: 'choice',
      required: true,
      dictionaryId: demo.dictionaries.refusalReasons,
    });
    const byId = (id: string) => call!.results.find((r) => r.id === id)!.next;
    expect(byId(demo.results.callBack)?.offset.unit).toBe('next_working_day');
    expect(byId(demo.results.thinking)?.offset).toEqual({ unit: 'days', amount: 2 });
    expect(byId(demo.results.informationSent)?.offset).toEqual({ unit: 'days', amount: 3 });

    const didNotBuy = await getResultRow(db, orgId, demo.results.didNotBuy);
    expect(didNotBuy?.next).toEqual({
      templateId: demo.templates.personalCall,
      offset: { unit: 'days', amount: 7 },
      assignTo: 'responsible',
      userId: null,
      fromFieldId: null,
    });
    const names = (await templatesOf(client)).map((i) => [i.type, i.name]);
    expect(names).toEqual(
      expect.arrayContaining([
        ['call', 'Проверить покупку абонемента'],
        ['client', 'Отправить информацию на почту'],
        ['internal', 'Заказать воду'],
        ['round', 'Обзвон бывших клиентов'],
      ]),
    );
    const round = await getTemplateWithResults(db, orgId, demo.templates.callFormerMembers);
    expect(round?.callTemplateId).toBe(demo.templates.personalCall);
    const dictionaries = await getDictionaries(db, orgId, [demo.dictionaries.refusalReasons]);
    expect(dictionaries.get(demo.dictionaries.refusalReasons)?.options.map((o) => o.id)).toEqual(
      demo.refusalOptions,
    );
  });
});

describe('what the tasks feature reads from the settings', () => {
  const t = useTestApp();

  it('finds defaults and statuses, scoped to the organization', async () => {
    const org = await createOrg(t.app);
    const other = await createOrg(t.app);
    const db = t.database.db;
    const templates = await templatesOf(org.owner);
    for (const type of ['call', 'round', 'client', 'internal'] as const) {
      expect(await defaultTemplateId(db, org.orgId, type)).toBe(
        templates.find((i) => i.isDefault && i.type === type)!.id,
      );
    }
    expect(await getTemplateWithResults(db, other.orgId, templates[0]!.id)).toBeNull();

    const [planned, inProgress] = await statusesOf(org.owner);
    expect(await firstTaskStatusId(db, org.orgId)).toBe(planned!.id);
    await ok(org.owner, 'PATCH', `/api/settings/task-statuses/${planned!.id}`, { archived: true });
    expect(await firstTaskStatusId(db, org.orgId)).toBe(inProgress!.id);

    await expect(assertTaskStatus(db, org.orgId, inProgress!.id)).resolves.toBeUndefined();
    for (const [orgId, id] of [
      [org.orgId, planned!.id],
      [other.orgId, inProgress!.id],
    ] as const) {
      const err = await assertTaskStatus(db, orgId, id).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({
        status: 400,
        fields: { statusId: { code: expect.any(String), message: expect.any(String) } },
      });
    }
    const dictionaries = await getDictionaries(db, other.orgId, [crypto.randomUUID()]);
    expect(dictionaries.size).toBe(0);
  });

  it('gives an organization that predates task settings its defaults on first need', async () => {
    const { orgId } = await createOrg(t.app, { locale: 'uk' });
    const db = t.database.db;
    await db.delete(taskTemplates).where(eq(taskTemplates.orgId, orgId));
    await db.delete(taskStatuses).where(eq(taskStatuses.orgId, orgId));
    await db.delete(taskDictionaries).where(eq(taskDictionaries.orgId, orgId));
    expect(await firstTaskStatusId(db, orgId)).toBeNull();

    const id = await defaultTemplateId(db, orgId, 'round');
    const round = await getTemplateWithResults(db, orgId, id);
    expect(round).toMatchObject({ name: 'Обдзвін клієнтів', isDefault: true });
    const call = await getTemplateWithResults(db, orgId, round!.callTemplateId!);
    expect(call).toMatchObject({ type: 'call', name: 'Особистий дзвінок клієнту' });
    expect(await firstTaskStatusId(db, orgId)).not.toBeNull();
  });
});
