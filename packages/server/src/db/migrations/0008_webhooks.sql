-- Webhook endpoints, the account's default signing secret (for per-message callbackUrls),
-- deliveries (one per event and target, created in the event's own statement) and attempts.
create table webhook_endpoints (
  account_id text not null references accounts(id),
  id text not null,
  url text not null,
  events text[] not null,
  description text,
  enabled boolean not null default true,
  disabled_reason text,
  secret bytea not null,             -- sealed with the account's data key
  previous_secret bytea,             -- still signs until previous_secret_expires_at
  previous_secret_expires_at timestamptz,
  failing_since timestamptz,         -- first failure since the last success
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (account_id, id),
  check (disabled_reason is null or disabled_reason in ('manual', 'gone', 'failing'))
);

create table webhook_secrets (
  account_id text primary key references accounts(id),
  secret bytea not null,
  previous_secret bytea,
  previous_secret_expires_at timestamptz,
  revealed_at timestamptz,           -- GET shows the secret once
  created_at timestamptz not null
);

create table webhook_deliveries (
  account_id text not null references accounts(id),
  id text not null,
  endpoint_id text,                  -- null: a message's callbackUrl, signed with the account secret
  url text,                          -- the callbackUrl when endpoint_id is null
  event_id text not null,
  event_type text not null,
  status text not null default 'pending',
  attempts integer not null default 0,
  next_attempt_at timestamptz,
  lease_until timestamptz,
  last_status_code integer,
  last_error text,
  created_at timestamptz not null,
  ended_at timestamptz,
  primary key (account_id, id),
  check (status in ('pending', 'delivered', 'dead')),
  check (endpoint_id is not null or url is not null)
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_endpoint on webhook_deliveries (account_id, endpoint_id, id);
create index webhook_deliveries_ended on webhook_deliveries (ended_at) where status <> 'pending';

create table webhook_attempts (
  account_id text not null,
  delivery_id text not null,
  attempt integer not null,
  at timestamptz not null,
  status_code integer,
  latency_ms integer not null,
  error text,
  response_body text,                -- at most 4 KiB
  primary key (account_id, delivery_id, attempt),
  foreign key (account_id, delivery_id) references webhook_deliveries (account_id, id) on delete cascade
);
