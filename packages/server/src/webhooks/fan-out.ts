// Webhook fan-out: which deliveries each new event gets. It runs inside the event insert
// (platform/events.ts, registered at start-up) so an event and its deliveries commit together
// in one statement per batch, however many events the batch holds (up to 1,000 on accept).
import type { EventFanOut } from '../platform/events.ts';

/**
 * One delivery per enabled endpoint of the event's account that subscribes to its type (or
 * `*`), and one per message `callbackUrl`. Delivery ids keep the event's time part (sortable)
 * with 64 random bits. Reads `inserted` from the event insert; see EventFanOut.
 */
export const webhookFanOut: EventFanOut = (db) => db`
    webhook_targets as (
      select e.account_id, e.id as event_id, e.type, e.created_at, w.id as endpoint_id, null::text as url
      from inserted e join webhook_endpoints w
        on w.account_id = e.account_id and w.enabled and (e.type = any(w.events) or '*' = any(w.events))
      union all
      select e.account_id, e.id, e.type, e.created_at, null, m.callback_url
      from inserted e join messages m
        on e.object_type = 'message' and m.account_id = e.account_id and m.id = e.object_id and m.callback_url is not null
    ),
    webhook_fan_out as (
      insert into webhook_deliveries (account_id, id, endpoint_id, url, event_id, event_type, next_attempt_at, created_at)
      select account_id, 'del_' || substr(event_id, 5, 10) || substr(md5(gen_random_uuid()::text), 1, 16),
             endpoint_id, url, event_id, type, created_at, created_at
      from webhook_targets
    )`;
