/** The club systems' tables, for reports to count from (visits, contracts). */
export { clubEvents, eventSources, memberRecords } from './club-events.table.ts';
export { storeDemoEvents } from './demo-source.ts';
/** `newSigningSecret()`: a Standard Webhooks secret (`whsec_…`), as sources and webhooks use. */
export { newSigningSecret } from './event-secrets.ts';
