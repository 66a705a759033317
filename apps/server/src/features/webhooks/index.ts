export { webhookEndpoints, webhookDeliveries, webhookAttempts } from './webhooks.table.ts';
/**
 * `emitWebhookEvent(tx, { orgId, type, data, now? })`: tells the organization's endpoints
 * that hear `type` (contracts' WEBHOOK_EVENT_TYPES, e.g. 'lead_form.submitted'). Call it with
 * the transaction of the change; `data` is the object as the API returns it, or a function
 * building it (run only when an endpoint hears the type).
 */
export { emitWebhookEvent, type WebhookEvent } from './emit.ts';
