// Webhook fan-out: which deliveries each new event gets. It runs inside the event insert
// (platform/events.ts, registered at start-up) so an event and its deliveries commit together
// in one statement per batch, however many events the batch holds (up to 1,000 on accept).
import type { Db } from '../db/pool.ts';
import type { EventFanOut } from '../platform/events.ts';

// An event's mode ('test' or 'live') is its object's: test-mode endpoints get only the events of
// test-mode objects (a message sent with a test key, or a test endpoint disabled for failing),
// live endpoints everything else; account-level events (account.*, invoice.*, dsr.*, …) have
// no test-mode object and are live. Why read the mode from the object rather than store it on
// the event: the message lookup is the one the fan-out already made for callbackUrl (one
// primary-key probe per message event, as before), so it costs nothing on the hot path; events
// (the largest table after messages) get no new column; and none of the ~60 emitEvents callers
// can forget to set it. Messages are scrubbed, never deleted, so a replay finds the same mode.

/** Joins an event `e` to the objects its mode comes from; read it with eventModeOf. */
export const eventModeJoins = (db: Db) => db`
  left join messages em on e.object_type = 'message' and em.account_id = e.account_id and em.id = e.object_id
  left join webhook_endpoints eo on e.object_type = 'webhook_endpoint' and eo.account_id = e.account_id and eo.id = e.object_id`;

export const eventModeOf = (db: Db) => db`coalesce(em.key_mode, eo.mode, 'live')`;

/**
 * One delivery per enabled endpoint of the event's account and mode that subscribes to its type
 * (or `*`), and one per message `callbackUrl` (whatever its mode: the sender chose that URL).
 * Delivery ids keep the event's time part (sortable) with 64 random bits. Reads `inserted` from
 * the event insert; see EventFanOut.
 */
export const webhookFanOut: EventFanOut = (db) => db`
    webhook_events as (
      select e.account_id, e.id, e.type, e.created_at, em.callback_url, ${eventModeOf(db)} as mode
      from inserted e ${eventModeJoins(db)}
    ),
    webhook_targets as (
      select e.account_id, e.id as event_id, e.type, e.created_at, w.id as endpoint_id, null::text as url
      from webhook_events e join webhook_endpoints w
        on w.account_id = e.account_id and w.mode = e.mode and w.enabled and (e.type = any(w.events) or '*' = any(w.events))
      union all
      select account_id, id, type, created_at, null, callback_url
      from webhook_events where callback_url is not null
    ),
    fanned_out as (
      insert into webhook_deliveries (account_id, id, endpoint_id, url, event_id, event_type, next_attempt_at, created_at)
      select account_id, 'del_' || substr(event_id, 5, 10) || substr(md5(gen_random_uuid()::text), 1, 16),
             endpoint_id, url, event_id, type, created_at, created_at
      from webhook_targets
      returning 1
    )`;
