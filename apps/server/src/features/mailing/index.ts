export { mailSettings, mailTemplates } from './mailing.table.ts';
