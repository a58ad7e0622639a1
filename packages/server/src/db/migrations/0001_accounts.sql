-- Tenants, their API keys and portal users. Every tenant table carries account_id first
-- in its keys so the schema can later be distributed by account (docs/architecture.md).

create table accounts (
  id text primary key,
  name text not null,
  status text not null check (status in ('pending', 'active', 'suspended', 'closed')),
  is_house boolean not null default false,
  sms_blocked boolean not null default false,
  traffic_hold boolean not null default false,
  -- null = unlimited (the house account); defaults are the contract's client defaults.
  rate_limit_per_key integer default 200 check (rate_limit_per_key > 0),
  rate_limit_per_account integer default 1000 check (rate_limit_per_account > 0),
  settings jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index accounts_one_house on accounts (is_house) where is_house;

create table api_keys (
  account_id text not null references accounts (id),
  id text not null,
  name text not null,
  mode text not null check (mode in ('live', 'test')),
  -- SHA-256 of the whole key: keys are 190 random bits, so a fast hash is safe and lets
  -- every request find its key by an index lookup.
  key_hash bytea not null,
  -- First characters after the mode prefix, shown so users can tell keys apart.
  hint text not null,
  scopes text[] not null,
  created_by text,
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  primary key (account_id, id)
);
create unique index api_keys_hash on api_keys (key_hash);
create unique index api_keys_id on api_keys (id);

create table users (
  account_id text not null references accounts (id),
  id text not null,
  email text not null,
  name text,
  role text not null,
  password_hash text,
  created_at timestamptz not null default now(),
  disabled_at timestamptz,
  primary key (account_id, id)
);
create unique index users_email on users (lower(email));

-- Numbers and short codes assigned to accounts (issue #4 adds connectors and routes).
create table numbers (
  account_id text not null references accounts (id),
  id text not null,
  number text not null,
  channels text[] not null,
  is_sandbox boolean not null default false,
  created_at timestamptz not null default now(),
  primary key (account_id, id)
);
create unique index numbers_number on numbers (number);

-- Small cluster-wide facts (e.g. the simulators' ports), written by leaders.
create table cluster_state (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now()
);
