/**
 * `publishEvent(db, orgId, { type, taskId?, userId? })`: announce a change to the
 * organization's open pages (pass the transaction as db to send it on commit only).
 */
export { publishEvent, EVENTS_CHANNEL, type OrgEvent } from './publish.ts';
