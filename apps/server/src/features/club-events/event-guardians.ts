import type { EventGuardian } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { createContact } from '../contacts/index.ts';
import type { EventBatch } from './event-batch.ts';
import { findByKeys } from './member-keys.ts';
import { systemActor } from './rules.ts';

/** What of an event's processing context linking its guardians uses. */
interface GuardianCtx {
  db: Db;
  orgId: string;
  region: string | null;
  batch: EventBatch;
  contactId: string | null;
  event: { id: string; type: string | null };
  steps: Array<Record<string, unknown> & { step: string }>;
}

/**
 * A child's guardians named on an event (issue 17): each found by phone, then email (never the
 * child themself), else created, and linked to the event's person — the link is written with
 * the batch; a pair linked already is left alone. Nothing without a person for the event.
 */
export async function linkEventGuardians(ctx: GuardianCtx, guardians: readonly EventGuardian[]) {
  const childId = ctx.contactId;
  if (!childId) return;
  const roles = await ctx.batch.relationRoles();
  for (const g of guardians) {
    const found = findByKeys(ctx, g.phones ?? [], g.emails ?? []);
    let guardianId = found && found.id !== childId ? found.id : undefined;
    if (!guardianId) {
      const { row } = await createContact(
        ctx.db,
        systemActor(ctx.orgId),
        'person',
        {
          firstName: g.firstName,
          lastName: g.lastName,
          phones: (g.phones ?? []).map((number) => ({ number })),
          emails: (g.emails ?? []).map((email) => ({ email })),
        },
        { region: ctx.region },
      );
      ctx.batch.madePerson(row.id, row);
      guardianId = row.id;
      ctx.steps.push({ step: 'guardian_created', contactId: row.id });
    }
    ctx.batch.linkGuardian({
      guardianId,
      childId,
      roleId: (g.relation && roles.get(g.relation.toLowerCase())) || null,
      ...(g.primary !== undefined && { primary: g.primary }),
      data: { eventId: ctx.event.id, type: ctx.event.type },
    });
    ctx.steps.push({ step: 'guardian_linked', contactId: guardianId, by: found?.by ?? 'created' });
  }
}
