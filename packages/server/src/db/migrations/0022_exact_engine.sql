-- The message engine (issue 16).

-- Receipts match exactly: a receipt applies only to the part submitted under its id on its
-- connector. The guessing `auto` id format (exact, then the other base) is gone; connectors
-- that had it state `same`, which is what the guess tried first.
update connectors set config = jsonb_set(config, '{receiptIdFormat}', '"same"')
where config->>'receiptIdFormat' = 'auto';
alter table pending_receipts drop column lenient;

-- The SMS limit gives back what never left. A settlement starts a new cycle; a message
-- remembers the cycle it was counted in (null: not counted), so a give-back after a settlement
-- never lowers the new cycle's count.
alter table accounts add column sms_cycle integer not null default 0;
alter table messages add column sms_cycle integer;

-- Routes, connectors and numbers changed by any path wake every process at once (they reload
-- their routers, binds and sender checks on this notification, not on a timer).
create function notify_config_change() returns trigger language plpgsql as $$
begin
  perform pg_notify('cx_config', tg_table_name);
  return null;
end $$;
create trigger routes_changed after insert or update or delete on routes
  for each statement execute function notify_config_change();
create trigger connectors_changed after insert or update or delete on connectors
  for each statement execute function notify_config_change();
create trigger numbers_changed after insert or update or delete on numbers
  for each statement execute function notify_config_change();
