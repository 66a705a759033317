/**
 * `publishEvent(db, orgId, { type, taskId, audience } | { type, userId })`: announce a change
 * to the organization's open pages whose users may see it (pass the transaction as db to send
 * it on commit only). `endLiveStreams` ends a user's streams when their access changed.
 */
export {
  publishEvent,
  endLiveStreams,
  EVENTS_CHANNEL,
  type OrgEvent,
  type PublishedEvent,
  type TaskAudience,
} from './publish.ts';
export { viewerBranches } from './viewer.ts';
