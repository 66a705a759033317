import type { Db } from '../../db/client.ts';
import type { AllowList } from '../../lib/address-guard.ts';
import { secretBoxFor } from '../../lib/secret-box.ts';
import * as settingsRepo from './mail-settings.repo.ts';
import { smtpServerOf } from './mail-settings.service.ts';
import { sendThrough, type SentMail } from './mail-transport.ts';

/** What a feature needs to send as the club: the server's secret and the SMTP allow list. */
export interface ClubMailer {
  sessionSecret: string;
  allow: AllowList;
}

/**
 * One mail from the organization's own sender and server (another feature's notice to staff,
 * such as a task reminder). null when the organization has no sending settings; a refusal
 * throws 422 `smtp_failed` with the server's words (a job retries it).
 */
export async function sendClubMail(
  db: Db,
  mailer: ClubMailer,
  orgId: string,
  mail: { to: string; subject: string; text: string; html?: string },
): Promise<SentMail | null> {
  const settings = await settingsRepo.findMailSettings(db, orgId);
  if (!settings) return null;
  return sendThrough(
    smtpServerOf(secretBoxFor(mailer.sessionSecret, 'mail settings'), settings),
    {
      from: { name: settings.fromName, address: settings.fromAddress },
      to: mail.to,
      replyTo: settings.replyTo,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    },
    { allow: mailer.allow },
  );
}
