/**
 * `publishEvent(db, orgId, { type, taskId?, userId? })`: announce a change to the
 * organization's open boards (pass the transaction as db to send it on commit only).
 */
export { publishEvent, EVENTS_CHANNEL, type OrgEvent } from './publish.ts';
/** GET /api/events (SSE), with the one LISTEN of the app and its fan-out. */
export { eventsRoutes } from './events.routes.ts';
