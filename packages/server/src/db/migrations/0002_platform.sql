-- Shared platform pieces: events, idempotency, envelope encryption keys, files, email outbox.

-- One events table, written in the same transaction as the change it describes.
-- Bodies never go here in plaintext; webhook payloads are built at delivery time.
create table events (
  account_id text not null references accounts (id),
  id text not null,
  type text not null,
  object_type text not null,
  object_id text not null,
  -- per-object sequence so receivers can order snapshots of one object
  sequence integer not null,
  data jsonb not null default '{}',
  created_at timestamptz not null default now(),
  -- ids are time-sortable: the key doubles as the index for time ranges
  primary key (account_id, id)
);
create index events_object on events (account_id, object_id, sequence);

create table idempotency_keys (
  account_id text not null references accounts (id),
  key text not null,
  method text not null,
  path text not null,
  request_hash bytea not null,
  response_status integer,
  response_body jsonb,
  created_at timestamptz not null default now(),
  completed_at timestamptz,
  primary key (account_id, key)
);
create index idempotency_keys_created on idempotency_keys (created_at);
