export { clubEvents, eventSources } from './club-events.table.ts';
export { storeDemoEvents } from './demo-source.ts';
