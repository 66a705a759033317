import type { MessageResult, PersonEmail } from '@spotter/contracts';
import { assertCan } from '../../lib/actor.ts';
import { fieldError, notFound, ruleBroken, throwIfAny } from '../../lib/errors.ts';
import { findContact, insertHistory } from '../contacts/index.ts';
import { findOrganization } from '../organizations/index.ts';
import { findUserById } from '../users/index.ts';
import * as settingsRepo from './mail-settings.repo.ts';
import { notConfigured, smtpServerOf, type MailContext } from './mail-settings.service.ts';
import { sendThrough } from './mail-transport.ts';
import { placeholderErrors, renderMail } from './render.ts';
import { personValues } from './templates.repo.ts';

/**
 * One email from a staff member to one person (their page, the expanded card): the text with
 * the person's placeholders filled, through the club's server, written to the person's history
 * with the sender as its author. Not marketing, so no consent is asked for and no unsubscribe
 * link is added. From is the club (its SMTP server may send only as the club, and SPF/DKIM are
 * the club's); Reply-To is the staff member's own address, so the answer reaches whoever wrote.
 */
export async function sendPersonEmail(
  ctx: MailContext,
  personId: string,
  input: PersonEmail,
): Promise<MessageResult> {
  const { db, actor } = ctx;
  assertCan(actor, 'mailing.send');
  throwIfAny(placeholderErrors({ subject: input.subject, body: input.body }));
  const person = await findContact(db, actor.orgId, 'person', personId);
  if (!person) throw notFound('Person');
  const to = person.emails[0]?.email;
  if (!to) {
    throw ruleBroken('no_address', 'The person has no email address', {
      email: fieldError('required', 'The person has no email address'),
    });
  }
  const settings = await settingsRepo.findMailSettings(db, actor.orgId);
  if (!settings) throw notConfigured();
  const [org, values, sender] = await Promise.all([
    findOrganization(db, actor.orgId),
    personValues(db, actor.orgId, personId),
    actor.userId ? findUserById(db, actor.orgId, actor.userId) : undefined,
  ]);
  const mail = renderMail(input, { clubName: org?.name ?? '', ...values });
  const sent = await sendThrough(
    smtpServerOf(ctx.box, settings),
    {
      from: { name: settings.fromName, address: settings.fromAddress },
      to,
      replyTo: sender?.email ?? settings.replyTo,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    },
    ctx.transport,
  );
  await insertHistory(db, actor.orgId, personId, {
    event: 'email_sent',
    text: mail.subject,
    data: { subject: mail.subject, to },
    authorId: actor.userId,
  });
  return { response: sent.response };
}
