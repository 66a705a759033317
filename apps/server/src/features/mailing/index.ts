export { mailSettings, mailTemplates } from './mailing.table.ts';
/**
 * `sendClubMail(db, { sessionSecret, allow }, orgId, { to, subject, text, html? })`: one mail as
 * the club through its own server; null when the organization has not set up sending.
 */
export { sendClubMail, type ClubMailer } from './club-mail.ts';
