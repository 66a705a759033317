import type {
  Locale,
  MailSettings,
  MailTestResult,
  mailSettingsUpdateSchema,
} from '@spotter/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { AppError, versionConflict } from '../../lib/errors.ts';
import type { SecretBox } from '../../lib/secret-box.ts';
import { findOrganization } from '../organizations/index.ts';
import * as repo from './mail-settings.repo.ts';
import { testMailText } from './test-mail-texts.ts';
import { sendThrough, type SmtpServer, type TransportOptions } from './mail-transport.ts';

type UpdateInput = z.output<typeof mailSettingsUpdateSchema>;

export interface MailContext {
  db: Db;
  actor: Actor;
  box: SecretBox;
  transport: TransportOptions;
}

// Each sealed value is bound to its organization and its column: copied elsewhere, it opens nowhere.
const passwordContext = (orgId: string) => `mail:${orgId}:smtp-password`;
const dkimContext = (orgId: string) => `mail:${orgId}:dkim-key`;

function toDto(row: repo.MailSettingsRow | undefined): MailSettings {
  if (!row) {
    return {
      configured: false,
      smtpHost: null,
      smtpPort: 587,
      smtpSecurity: 'starttls',
      smtpUser: null,
      hasPassword: false,
      fromName: '',
      fromAddress: null,
      replyTo: null,
      postalAddress: null,
      dkimDomain: null,
      dkimSelector: null,
      hasDkimKey: false,
      version: 0,
      updatedAt: null,
    };
  }
  return {
    configured: true,
    smtpHost: row.smtpHost,
    smtpPort: row.smtpPort,
    smtpSecurity: row.smtpSecurity as MailSettings['smtpSecurity'],
    smtpUser: row.smtpUser,
    hasPassword: row.smtpPasswordSealed !== null,
    fromName: row.fromName,
    fromAddress: row.fromAddress,
    replyTo: row.replyTo,
    postalAddress: row.postalAddress,
    dkimDomain: row.dkimDomain,
    dkimSelector: row.dkimSelector,
    hasDkimKey: row.dkimKeySealed !== null,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getMailSettings(ctx: MailContext): Promise<MailSettings> {
  assertCan(ctx.actor, 'settings.manage');
  return toDto(await repo.findMailSettings(ctx.db, ctx.actor.orgId));
}

/** A secret field of the form: absent keeps what is stored, null removes it, text replaces it. */
function sealed(
  next: string | null | undefined,
  stored: string | null,
  seal: (plain: string) => string,
): string | null {
  if (next === undefined) return stored;
  return next === null ? null : seal(next);
}

export async function saveMailSettings(
  ctx: MailContext,
  input: UpdateInput,
): Promise<MailSettings> {
  assertCan(ctx.actor, 'settings.manage');
  const { orgId } = ctx.actor;
  const current = await repo.findMailSettings(ctx.db, orgId);
  if ((current?.version ?? 0) !== input.version) throw versionConflict(current?.version ?? 0);
  const values: repo.MailSettingsValues = {
    smtpHost: input.smtpHost,
    smtpPort: input.smtpPort,
    smtpSecurity: input.smtpSecurity,
    smtpUser: input.smtpUser,
    smtpPasswordSealed: sealed(input.smtpPassword, current?.smtpPasswordSealed ?? null, (p) =>
      ctx.box.seal(p, passwordContext(orgId)),
    ),
    fromName: input.fromName,
    fromAddress: input.fromAddress,
    replyTo: input.replyTo,
    postalAddress: input.postalAddress,
    dkimDomain: input.dkimDomain,
    dkimSelector: input.dkimSelector,
    dkimKeySealed: sealed(input.dkimPrivateKey, current?.dkimKeySealed ?? null, (k) =>
      ctx.box.seal(k, dkimContext(orgId)),
    ),
  };
  const saved = current
    ? await repo.updateMailSettings(ctx.db, orgId, input.version, values)
    : await repo.insertMailSettings(ctx.db, orgId, values);
  if (!saved) {
    const now = await repo.findMailSettings(ctx.db, orgId);
    throw versionConflict(now?.version ?? 0);
  }
  return toDto(saved);
}

export const notConfigured = () =>
  new AppError(422, 'mail_not_configured', 'Save the sending settings before sending mail');

/** The organization's server with its secrets opened; a secret sealed under another key is lost. */
export function smtpServerOf(box: SecretBox, row: repo.MailSettingsRow): SmtpServer {
  const password = row.smtpPasswordSealed
    ? box.open(row.smtpPasswordSealed, passwordContext(row.orgId))
    : null;
  const dkimKey = row.dkimKeySealed ? box.open(row.dkimKeySealed, dkimContext(row.orgId)) : null;
  return {
    host: row.smtpHost,
    port: row.smtpPort,
    security: row.smtpSecurity as SmtpServer['security'],
    user: row.smtpUser,
    password,
    dkim:
      row.dkimDomain && row.dkimSelector && dkimKey
        ? { domain: row.dkimDomain, selector: row.dkimSelector, privateKey: dkimKey }
        : null,
  };
}

/** "Send a test": one mail to the address given, and the SMTP server's answer. */
export async function sendTestMail(ctx: MailContext, to: string): Promise<MailTestResult> {
  assertCan(ctx.actor, 'settings.manage');
  const row = await repo.findMailSettings(ctx.db, ctx.actor.orgId);
  if (!row) throw notConfigured();
  const org = await findOrganization(ctx.db, ctx.actor.orgId);
  const club = org?.name ?? 'Spotter';
  const text = testMailText((org?.locale ?? 'en') as Locale, club);
  const footer = row.postalAddress ? `\n\n--\n${club}\n${row.postalAddress}` : '';
  const sent = await sendThrough(
    smtpServerOf(ctx.box, row),
    {
      from: { name: row.fromName, address: row.fromAddress },
      to,
      replyTo: row.replyTo,
      subject: text.subject,
      text: `${text.body}${footer}`,
    },
    ctx.transport,
  );
  return { accepted: sent.accepted, response: sent.response };
}
