export { clubEvents, eventSources } from './club-events.table.ts';
export { storeDemoEvents } from './demo-source.ts';
/** `newSigningSecret()`: a Standard Webhooks secret (`whsec_…`), as sources and webhooks use. */
export { newSigningSecret } from './event-secrets.ts';
