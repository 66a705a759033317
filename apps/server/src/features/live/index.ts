/**
 * `publishEvent(db, orgId, { type, taskId, audience } | { type, userId })`: announce a change
 * to the organization's open pages whose users may see it (pass the transaction as db to send
 * it on commit only); `publishEvents(db, orgId, events)` many in one statement.
 * `endLiveStreams` ends a user's streams when their access changed. `publishingTogether(tx,
 * work)` holds what `work` announces on the transaction and sends it in one statement at its end.
 */
export {
  publishEvent,
  publishEvents,
  publishingTogether,
  endLiveStreams,
  EVENTS_CHANNEL,
  type OrgEvent,
  type PublishedEvent,
  type TaskAudience,
} from './publish.ts';
export { viewerBranches } from './viewer.ts';
