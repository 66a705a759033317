import type { Locale } from '@spotter/contracts';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { groupMembers, groups } from '../groups/index.ts';
import { users } from '../users/index.ts';

/** A sales group with two regions under it, and the front desk as a standard group (U-4). */
const NAMES: Record<Locale, { sales: string; north: string; south: string; reception: string }> = {
  en: { sales: 'Sales', north: 'North', south: 'South', reception: 'Reception' },
  sv: { sales: 'Försäljning', north: 'Norr', south: 'Söder', reception: 'Reception' },
  pl: { sales: 'Sprzedaż', north: 'Północ', south: 'Południe', reception: 'Recepcja' },
  ru: { sales: 'Продажи', north: 'Север', south: 'Юг', reception: 'Ресепшн' },
  uk: { sales: 'Продажі', north: 'Північ', south: 'Південь', reception: 'Рецепція' },
};

/**
 * The demo club's group tree with its staff as members: the manager manages Sales (and so
 * both regions), the sales staff split between North and South, reception in Reception.
 * An organization that already has groups is left alone.
 */
export async function seedDemoGroups(db: Db, orgId: string, locale: Locale) {
  const [existing] = await db
    .select({ id: groups.id })
    .from(groups)
    .where(eq(groups.orgId, orgId))
    .limit(1);
  if (existing) return { groups: 0 };
  const names = NAMES[locale] ?? NAMES.en;
  const staff = await db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(eq(users.orgId, orgId))
    .orderBy(asc(users.name), asc(users.id));
  const of = (role: string) => staff.filter((s) => s.role === role);

  const [sales] = await db
    .insert(groups)
    .values({ orgId, name: names.sales, type: 'sales', description: null })
    .returning({ id: groups.id });
  const regions = await db
    .insert(groups)
    .values([
      { orgId, parentId: sales!.id, name: names.north, type: 'sales' as const },
      { orgId, parentId: sales!.id, name: names.south, type: 'sales' as const },
    ])
    .returning({ id: groups.id });
  const [reception] = await db
    .insert(groups)
    .values({ orgId, name: names.reception, type: 'standard' })
    .returning({ id: groups.id });

  const members = [
    ...of('manager').map((s) => ({ groupId: sales!.id, userId: s.id, role: 'manager' as const })),
    ...of('sales').map((s, i) => ({
      groupId: regions[i % regions.length]!.id,
      userId: s.id,
      role: 'member' as const,
    })),
    ...of('reception').map((s) => ({
      groupId: reception!.id,
      userId: s.id,
      role: 'member' as const,
    })),
    ...of('admin').map((s) => ({ groupId: reception!.id, userId: s.id, role: 'manager' as const })),
  ];
  if (members.length > 0)
    await db.insert(groupMembers).values(members.map((m) => ({ orgId, ...m })));
  return { groups: 4 };
}
