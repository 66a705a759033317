/** Member records (bookings, contracts, visits) for the reports and the home page to count. */
export { clubEvents, eventSources, memberRecords } from './club-events.table.ts';
export { storeDemoEvents } from './demo-source.ts';
/** `newSigningSecret()`: a Standard Webhooks secret (`whsec_…`), as sources and webhooks use. */
export { newSigningSecret } from './event-secrets.ts';
