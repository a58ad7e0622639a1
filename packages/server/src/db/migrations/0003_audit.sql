-- Append-only audit log, hash-chained per account: each row's hash covers the previous
-- row's hash and this row's canonical payload, so an edited or deleted row breaks the chain.
-- audit_heads holds each chain's last seq and hash; appends lock it, which also makes a
-- deleted tail row detectable.
create table audit_heads (
  account_id text primary key references accounts (id),
  seq bigint not null,
  hash bytea not null
);

create table audit_log (
  account_id text not null references accounts (id),
  seq bigint not null,
  id text not null,
  at timestamptz not null,
  actor_type text not null,
  actor_id text not null,
  action text not null,
  target_type text,
  target_id text,
  -- The exact canonical JSON that was hashed; kept as text so verification hashes the same bytes.
  payload text not null,
  prev_hash bytea not null,
  hash bytea not null,
  primary key (account_id, seq)
);
create unique index audit_log_id on audit_log (id);
create index audit_log_at on audit_log (at);

-- Rows are never updated or deleted by the application; erasure never needs to, because
-- entries hold pseudonymous ids only.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;
create trigger audit_log_no_update before update on audit_log
  for each row execute function audit_log_append_only();
create trigger audit_log_no_delete before delete on audit_log
  for each row execute function audit_log_append_only();
