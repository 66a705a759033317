import type { MessageResult, PersonSms } from '@spotter/contracts';
import { assertCan } from '../../lib/actor.ts';
import { fieldError, notFound, ruleBroken } from '../../lib/errors.ts';
import { findContact, insertHistory } from '../contacts/index.ts';
import { findOrganization } from '../organizations/index.ts';
import { SendFailure } from './channel-sender.ts';
import { fillPlaceholders } from './render.ts';
import { createSmsSender } from './sms-send.ts';
import { smsNumberOf } from './sms-number.ts';
import type { SmsContext } from './sms-settings.service.ts';
import { smsFailed } from './sms-settings.service.ts';
import { personValues } from './templates.repo.ts';

/**
 * One SMS from a person's card (reception's reminder). A one-to-one message the person is
 * expecting, not marketing: no SMS consent is asked for and quiet hours do not hold it back —
 * staff send it while they are talking to the member or about their booking. Written to the
 * person's history with the author.
 */
export async function sendPersonSms(
  ctx: SmsContext,
  personId: string,
  input: PersonSms,
): Promise<MessageResult> {
  assertCan(ctx.actor, 'mailing.send');
  const { orgId, userId } = ctx.actor;
  const person = await findContact(ctx.db, orgId, 'person', personId);
  if (!person) throw notFound('Person');
  const to = smsNumberOf(person.phones);
  // 422, not 400: the request is right, the person cannot get an SMS (the field says why).
  if (!to) {
    throw ruleBroken('sms_failed', 'This person has no mobile number', {
      phones: fieldError('required', 'This person has no mobile number'),
    });
  }
  const org = await findOrganization(ctx.db, orgId);
  const values = { clubName: org?.name ?? '', ...(await personValues(ctx.db, orgId, personId)) };
  const { text } = fillPlaceholders(input.text, values);
  let response: string;
  try {
    ({ response } = await createSmsSender(ctx.gateway)(ctx.db, orgId, { to, text }));
  } catch (err) {
    if (err instanceof SendFailure) throw smsFailed(err.response);
    throw err;
  }
  // As campaigns write it: the timeline's title says "SMS sent", the text is what went.
  await insertHistory(ctx.db, orgId, personId, {
    event: 'sms_sent',
    text,
    data: { to, response },
    authorId: userId,
  });
  return { response };
}
