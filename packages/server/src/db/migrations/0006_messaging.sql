-- SMS messaging: connectors to operators, routes, the messages table (which is also the
-- dispatch queue), per-part submissions for receipts, attempts and the opt-out list.

-- Platform-level (not tenant) objects: operators' connections and how traffic is routed.
create table connectors (
  id text primary key,
  name text not null,
  kind text not null check (kind in ('smpp')),
  enabled boolean not null default true,
  -- Non-secret settings; the password is encrypted separately (envelope, house account key).
  config jsonb not null,
  secret bytea,
  is_sandbox boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index connectors_one_sandbox on connectors (is_sandbox) where is_sandbox;

create table routes (
  id text primary key,
  -- '+' matches every destination; longest prefix wins, an account-specific route beats a global one.
  prefix text not null check (prefix ~ '^\+[0-9]*$'),
  account_id text references accounts (id),
  connectors jsonb not null,
  created_at timestamptz not null default now()
);
create unique index routes_prefix_account on routes (prefix, coalesce(account_id, ''));

create table messages (
  account_id text not null references accounts (id),
  id text not null,
  direction text not null check (direction in ('outbound', 'inbound')),
  channel text not null,
  status text not null,
  key_mode text not null check (key_mode in ('live', 'test')),
  to_number text not null,
  from_number text,
  -- HMAC(account key, E.164 of the other party): lookups that must survive erasure.
  subject_hash bytea not null,
  body bytea,
  encoding text,
  segments integer,
  purpose text not null default 'transactional',
  priority text not null default 'normal',
  scheduled_at timestamptz,
  valid_until timestamptz,
  reference text,
  metadata jsonb,
  callback_url text,
  store_content boolean not null default true,
  connector_id text,
  error_code text,
  error_title text,
  error_detail text,
  attempts integer not null default 0,
  -- Queue columns: due time, and the lease of the worker that claimed it.
  next_attempt_at timestamptz,
  lease_until timestamptz,
  leased_by text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  -- ids are time-sortable, so this key also serves "newest first" lists (scanned backwards).
  primary key (account_id, id)
);
-- The dispatch queue: only due rows are indexed, so claiming stays fast however big the table.
create index messages_due on messages (account_id, priority, next_attempt_at) where status = 'queued';
create index messages_validity on messages (valid_until) where status in ('queued', 'scheduled') and valid_until is not null;
create index messages_leased on messages (lease_until) where status = 'sending';
create index messages_scheduled on messages (scheduled_at) where status = 'scheduled';
create index messages_account_status on messages (account_id, status, id desc);
create index messages_account_subject on messages (account_id, subject_hash);

-- One row per SMPP part submitted; receipts are matched here by the SMSC's id.
create table message_parts (
  account_id text not null,
  message_id text not null,
  attempt integer not null,
  part integer not null,
  connector_id text not null,
  smsc_id text,
  status text not null,
  error_code text,
  submitted_at timestamptz not null,
  receipt_at timestamptz,
  primary key (account_id, message_id, attempt, part),
  foreign key (account_id, message_id) references messages (account_id, id)
);
create index message_parts_smsc on message_parts (connector_id, smsc_id);

-- Receipts whose submit_sm_resp was not stored yet; applied as soon as it is.
create table pending_receipts (
  connector_id text not null,
  smsc_id text not null,
  stat text not null,
  err text,
  received_at timestamptz not null,
  primary key (connector_id, smsc_id)
);

create table message_attempts (
  account_id text not null,
  message_id text not null,
  attempt integer not null,
  channel text not null,
  connector_id text,
  status text not null,
  error_code text,
  started_at timestamptz not null,
  ended_at timestamptz,
  primary key (account_id, message_id, attempt),
  foreign key (account_id, message_id) references messages (account_id, id)
);

-- Opt-outs (STOP). Keyed by subject hash so the entry survives erasure of the person.
create table suppressions (
  account_id text not null references accounts (id),
  subject_hash bytea not null,
  channel text not null,
  reason text not null,
  created_at timestamptz not null,
  primary key (account_id, subject_hash, channel)
);

-- The per-account key of subject hashes, encrypted with the account's data key.
create table account_hash_keys (
  account_id text primary key references accounts (id),
  hash_key bytea not null
);

-- Live state of each connector, written by the worker that holds its bind.
create table connector_status (
  connector_id text primary key references connectors (id) on delete cascade,
  state text not null,
  outstanding integer not null default 0,
  submitted bigint not null default 0,
  failed bigint not null default 0,
  receipts bigint not null default 0,
  last_error text,
  worker text,
  updated_at timestamptz not null
);

-- Parts of concatenated inbound messages until all have arrived (they come out of order,
-- sometimes twice).
create table inbound_parts (
  connector_id text not null,
  from_number text not null,
  to_number text not null,
  ref integer not null,
  total integer not null,
  seq integer not null,
  text text not null,
  received_at timestamptz not null,
  primary key (connector_id, from_number, to_number, ref, seq)
);

-- Requests to the sandbox SMSC to send a mobile-originated message (POST /v1/sandbox/inbound);
-- the worker that runs the simulator picks them up.
create table sandbox_inbound (
  account_id text not null references accounts (id),
  id text not null,
  from_number text not null,
  to_number text not null,
  body text not null,
  created_at timestamptz not null,
  done_at timestamptz,
  primary key (account_id, id)
);
create index sandbox_inbound_pending on sandbox_inbound (created_at) where done_at is null;
