-- Privacy: erased content and identity (privacy/scrub.ts), retention policies and runs, legal
-- holds (privacy/retention/), and audit free text that can be redacted without breaking the chain.

-- A message whose content was erased (by retention or an erasure request) says so, with when
-- and why, instead of showing an empty body as if nothing had been sent.
alter table messages add column content_erased_at timestamptz;
alter table messages add column content_erased_reason text check (content_erased_reason in ('retention', 'erasure'));
-- Set when the customer's number and free-form fields were replaced by a pseudonym.
alter table messages add column identity_erased_at timestamptz;
-- Retention finds what is past its period per account by age; partial, so rows already
-- handled drop out of the index and a daily run never walks the whole history again.
create index messages_content_kept on messages (account_id, created_at) where content_erased_at is null;
create index messages_identity_kept on messages (account_id, created_at) where identity_erased_at is null;

-- What a file is for, and the message it belongs to: inbound media, exports and uploads are
-- kept for different periods, and erasing a message's content must find its media without
-- decrypting bodies. Files stored before this migration have neither (null).
alter table files add column purpose text check (purpose in ('media_upload', 'inbound_media', 'export'));
alter table files add column message_id text;
create index files_purpose on files (account_id, purpose, created_at) where purpose is not null;
create index files_message on files (account_id, message_id) where message_id is not null;

-- Erasing a message's identity removes the webhook deliveries of its events.
create index webhook_deliveries_event on webhook_deliveries (account_id, event_id);

-- Retention periods in days per data category: the platform's (operators change the shipped
-- defaults here; no row = the default in code) and each account's own choice.
create table retention_defaults (
  category text primary key,
  days integer not null check (days > 0),
  updated_at timestamptz not null,
  updated_by text not null
);
create table retention_policies (
  account_id text not null references accounts(id),
  category text not null,
  days integer not null check (days > 0),
  updated_at timestamptz not null,
  updated_by text not null,
  primary key (account_id, category)
);

-- Legal holds suspend retention for a whole account (subject_hash null) or one person.
-- placed_by: an operator's hold cannot be released by the client.
create table legal_holds (
  account_id text not null references accounts(id),
  id text not null,
  subject_hash bytea,
  reason text not null,
  placed_by text not null check (placed_by in ('operator', 'account')),
  created_by text not null,
  created_at timestamptz not null,
  released_at timestamptz,
  released_by text,
  primary key (account_id, id)
);
create index legal_holds_active on legal_holds (account_id) where released_at is null;

-- One row per account per retention run: what was done per category, what a hold kept.
create table retention_runs (
  account_id text not null references accounts(id),
  id text not null,
  started_at timestamptz not null,
  finished_at timestamptz,
  counts jsonb not null default '{}',
  skipped jsonb not null default '{}',
  complete boolean not null default false,
  primary key (account_id, id)
);

-- Audit free text (reasons, notes) that retention can redact. The chain hashes the payload
-- itself, so text inside it can never go without breaking the chain. New entries keep free
-- text here instead, and the payload carries its SHA-256 (`freeTextSha256`): verification
-- checks the text against that digest while it exists, and a redacted row (free_text null,
-- free_text_redacted_at set) still verifies. Entries written before keep their text inside
-- the payload and stay verifiable as they are.
alter table audit_log add column free_text jsonb;
alter table audit_log add column free_text_redacted_at timestamptz;
create index audit_log_free_text on audit_log (account_id, at) where free_text is not null;

-- Append-only, except that one redaction: free text to null, nothing else touched.
create or replace function audit_log_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.free_text is not null and new.free_text is null and new.free_text_redacted_at is not null
     and (new.account_id, new.seq, new.id, new.at, new.actor_type, new.actor_id, new.action, new.target_type, new.target_id, new.payload, new.prev_hash, new.hash)
         is not distinct from (old.account_id, old.seq, old.id, old.at, old.actor_type, old.actor_id, old.action, old.target_type, old.target_id, old.payload, old.prev_hash, old.hash) then
    return new;
  end if;
  raise exception 'audit_log is append-only';
end $$;

-- Retention removes an account's ended webhook deliveries by age.
create index webhook_deliveries_account_ended on webhook_deliveries (account_id, ended_at) where status <> 'pending';
