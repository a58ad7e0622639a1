-- Test-mode webhook endpoints (CX Engage issue #17): a test key creates and manages only these,
-- and they receive only the events of test-mode objects (a message sent with a test key);
-- live endpoints receive everything else. The event's mode is not stored: the fan-out reads it
-- from the object (webhooks/fan-out.ts).
alter table webhook_endpoints add column mode text not null default 'live' check (mode in ('live', 'test'));
