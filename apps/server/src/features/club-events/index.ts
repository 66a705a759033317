export { clubEvents, eventSources } from './club-events.table.ts';
