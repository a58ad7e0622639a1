-- Privacy policy and terms versions (docs/policies.md). Versions are platform-wide and written
-- by operators; a published version never changes: a change is a new version.
create table policy_versions (
  id text primary key,
  kind text not null check (kind in ('privacy_policy', 'terms')),
  version text not null,
  title text not null,
  text text not null,
  summary_of_changes text not null,
  effective_at timestamptz not null,
  published_at timestamptz not null,
  published_by text not null,
  unique (kind, version)
);

create function policy_versions_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'policy version % is published and cannot change: publish a new version', old.id;
end $$;
create trigger policy_versions_immutable before update on policy_versions
  for each row execute function policy_versions_immutable();

-- One row per client account and version: how the account learned of it and what became of it.
-- `publication`: notified when the version was published; the account may object in writing
-- until objection_deadline (one calendar month), after which a pending notice is deemed accepted.
-- `account_created`: the version was in force (or announced) when the account was created, so
-- it is part of the contract from the start (accepted, no objection period).
create table policy_notices (
  account_id text not null references accounts (id),
  policy_id text not null references policy_versions (id),
  source text not null check (source in ('publication', 'account_created')),
  status text not null check (status in ('pending', 'accepted', 'objected', 'deemed_accepted')),
  notified_at timestamptz not null,
  objection_deadline timestamptz not null,
  decided_at timestamptz,
  decided_by text,            -- the key or user that accepted or objected (null: deemed, or at creation)
  signer bytea,               -- who signed the acceptance or objection, sealed with the account's data key
  objection_text bytea,       -- the written objection, sealed likewise
  primary key (account_id, policy_id)
);
create index policy_notices_policy on policy_notices (policy_id, status);
-- The deemed-acceptance sweep reads only pending notices whose month is over.
create index policy_notices_due on policy_notices (objection_deadline) where status = 'pending';
