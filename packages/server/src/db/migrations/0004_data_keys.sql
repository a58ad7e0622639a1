-- Envelope encryption: each account's data keys, wrapped (AES-256-GCM) by the master key.
-- The master key never touches the database; master_key_id says which one wrapped a row.
create table data_keys (
  account_id text not null references accounts (id),
  id text not null,
  master_key_id text not null,
  wrapped_key bytea not null,
  created_at timestamptz not null,
  retired_at timestamptz,
  primary key (account_id, id)
);
-- New data is encrypted with the one active key; retired keys still decrypt older data.
create unique index data_keys_active on data_keys (account_id) where retired_at is null;
