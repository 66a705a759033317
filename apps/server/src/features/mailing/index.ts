export { mailSettings } from './mailing.table.ts';
