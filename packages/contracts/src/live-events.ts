import * as zm from 'zod/mini';

/**
 * Live events (T-12), in zod's small functional API and in a file of its own (re-exported from tasks.ts), because
 * every signed-in page reads the live stream at first paint, and zod's chained API is otherwise
 * needed there only by forms that open later (decision 0030). The checks are those of the
 * chained API.
 */
export const LIVE_EVENT_TYPES = [
  'task.created',
  'task.updated',
  'task.deleted',
  'notification.created',
  'call.incoming',
  'deal.created',
  'deal.updated',
  'deal.deleted',
] as const;

/** What `/api/events` sends: enough to know which queries to refresh, never record data. */
export const liveEventSchema = zm.object({
  type: zm.enum(LIVE_EVENT_TYPES),
  taskId: zm.optional(zm.uuid()),
  /** For `notification.created`: whose notification it is. */
  userId: zm.optional(zm.uuid()),
  /** For `call.incoming`: the person calling (the page reads their card as the user may). */
  contactId: zm.optional(zm.uuid()),
  /** For `call.incoming`: the call's id in the telephony system, so a repeat pops nothing new. */
  callId: zm.optional(zm.string().check(zm.maxLength(200))),
  /** For `deal.*`: the deal, and the pipeline whose board shows it. */
  dealId: zm.optional(zm.uuid()),
  pipelineId: zm.optional(zm.uuid()),
});
export type LiveEvent = zm.infer<typeof liveEventSchema>;
