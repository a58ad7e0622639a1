-- Privacy by construction: contacts, the consent ledger, objections and restrictions, the
-- data-subject requests and the erasure journal. People are found by subject hash
-- (HMAC of the account key and the E.164 number, privacy/subject-hash.ts); names, emails,
-- attributes and evidence are sealed with the account's data key.

-- One contact per person and account, deduplicated by the normalised number's subject hash
-- (an email-only contact hashes "email:<address>"). The number stays plaintext for search and
-- sending, like in messages; everything else that names the person is in the sealed profile.
create table contacts (
  account_id text not null references accounts(id),
  id text not null,
  subject_hash bytea not null,
  phone text,
  email_hash bytea,
  profile bytea,
  tags text[] not null default '{}',
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (account_id, id)
);
create unique index contacts_subject on contacts (account_id, subject_hash);
create index contacts_phone on contacts (account_id, phone) where phone is not null;
create index contacts_email on contacts (account_id, email_hash) where email_hash is not null;

-- Append-only: the current state is the latest record per channel and purpose. Only erasure
-- removes records (deleting, never updating them).
create table consent_records (
  account_id text not null references accounts(id),
  id text not null,
  subject_hash bytea not null,
  channel text not null check (channel in ('sms', 'whatsapp', 'push', 'voice', 'email')),
  purpose text not null check (purpose ~ '^[a-z][a-z0-9_]{0,39}$'),
  action text not null check (action in ('granted', 'withdrawn')),
  source text not null check (source in ('api', 'keyword', 'portal', 'import', 'form')),
  evidence bytea,
  actor_type text not null,
  actor_id text not null,
  recorded_at timestamptz not null,
  primary key (account_id, id)
);
create index consent_records_subject on consent_records (account_id, subject_hash, channel, purpose, recorded_at desc, id desc);

create function consent_records_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'consent_records is append-only: record a withdrawal instead';
end $$;
create trigger consent_records_no_update before update on consent_records
  for each row execute function consent_records_append_only();

-- The WhatsApp opt-ins move into the ledger: channel whatsapp, purpose "optin" (Meta's opt-in
-- to be contacted on WhatsApp at all). A withdrawn opt-in keeps both records.
insert into consent_records (account_id, id, subject_hash, channel, purpose, action, source, evidence, actor_type, actor_id, recorded_at)
select account_id, 'cns_' || lower(substr(md5(random()::text || encode(subject_hash, 'hex')), 1, 26)), subject_hash, 'whatsapp', 'optin', 'granted',
       source, null, 'system', 'migration', granted_at
from whatsapp_optins;
insert into consent_records (account_id, id, subject_hash, channel, purpose, action, source, evidence, actor_type, actor_id, recorded_at)
select account_id, 'cns_' || lower(substr(md5(random()::text || encode(subject_hash, 'hex') || 'w'), 1, 26)), subject_hash, 'whatsapp', 'optin', 'withdrawn',
       source, null, 'system', 'migration', withdrawn_at
from whatsapp_optins where withdrawn_at is not null;
drop table whatsapp_optins;

-- Objections (no marketing) and restrictions (no processing but storage), by subject hash so
-- they outlive an erasure like the suppression list does.
create table privacy_restrictions (
  account_id text not null references accounts(id),
  subject_hash bytea not null,
  kind text not null check (kind in ('objection', 'restriction')),
  request_id text,
  created_at timestamptz not null,
  primary key (account_id, subject_hash, kind)
);

create table privacy_requests (
  account_id text not null references accounts(id),
  id text not null,
  type text not null check (type in ('access', 'portability', 'rectification', 'erasure', 'objection', 'restriction', 'automated_decision_review')),
  status text not null check (status in ('received', 'in_progress', 'completed', 'rejected')),
  subject_hash bytea not null,
  -- Sealed: the subject as given, the client's note and, for rectification, the changes.
  -- Cleared when an erasure of the subject completes.
  subject bytea,
  note bytea,
  changes bytea,
  -- Sealed JSON list of the team's notes while working on it.
  notes bytea,
  assignee text,
  received_at timestamptz not null,
  due_at timestamptz not null,
  extension_reason text,
  started_at timestamptz,
  completed_at timestamptz,
  rejection_reason text,
  result jsonb,
  export_file_id text,
  export_expires_at timestamptz,
  updated_at timestamptz not null,
  primary key (account_id, id)
);
create index privacy_requests_subject on privacy_requests (account_id, subject_hash);
create index privacy_requests_open on privacy_requests (account_id, status, id desc);

-- Human review of automated decisions, one row per decision reviewed.
create table privacy_decision_reviews (
  account_id text not null references accounts(id),
  request_id text not null,
  message_id text not null,
  outcome text not null check (outcome in ('confirmed', 'overturned')),
  note text,
  actor_type text not null,
  actor_id text not null,
  reviewed_at timestamptz not null,
  primary key (account_id, request_id, message_id)
);

-- Hashes only: which subjects were erased. Exported by operators with every backup and
-- re-applied after a restore (cx-engage privacy reapply-erasures).
create table erasure_journal (
  account_id text not null references accounts(id),
  subject_hash bytea not null,
  request_id text not null,
  erased_at timestamptz not null,
  primary key (account_id, subject_hash, request_id)
);
