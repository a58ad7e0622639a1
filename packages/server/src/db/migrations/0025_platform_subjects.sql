-- Issue #17 points 12 and 13: the personal data of people CX Engage itself is controller for
-- (clients' staff with portal users, invitees, anyone emailed) gets retention, sealing and
-- data-subject requests like end users' data.

-- The email outbox is sealed. Emails are enqueued inside the transactions of many domains
-- (send policies, dispatch outcomes, billing), which hold no keyring; so an email is sealed to
-- a public key (X25519 + AES-256-GCM, platform/email/seal.ts) that anyone may read from here,
-- and only the sender, which has the keyring, opens it with the private key, itself sealed
-- with the house account's data key.
create table email_seal_keys (
  id text primary key,
  public_key bytea not null,
  private_key bytea not null,
  created_at timestamptz not null,
  retired_at timestamptz
);
create unique index email_seal_keys_active on email_seal_keys ((true)) where retired_at is null;

-- sealed: { to, subject, text, html }. to_hash: SHA-256 of the lower-cased address, so a
-- privacy request finds a person's emails without opening every row. The plaintext columns
-- only hold emails queued before this migration until the platform's start seals them.
alter table email_outbox add column sealed bytea;
alter table email_outbox add column to_hash bytea;
alter table email_outbox alter column to_address drop not null;
alter table email_outbox alter column subject drop not null;
alter table email_outbox alter column text_body drop not null;
alter table email_outbox add constraint email_outbox_content check (sealed is not null or to_address is not null);
-- SMTP errors can echo the address: sealed with the account's data key from now on.
alter table email_outbox alter column last_error type bytea using null;
create index email_outbox_to_hash on email_outbox (to_hash) where to_hash is not null;
create index email_outbox_ended on email_outbox (account_id, created_at) where status <> 'queued';

-- A disabled user anonymized by retention or erased by a privacy request: the row stays (audit
-- entries name it by id) with a pseudonymous address and no name or password.
alter table users add column anonymized_at timestamptz;
create index users_disabled_kept on users (account_id, disabled_at) where disabled_at is not null and anonymized_at is null;
create index user_sessions_seen on user_sessions (account_id, last_seen_at);

-- Privacy requests about people whose data the platform holds as controller ('platform':
-- a portal user or an email address, filed by operators in the house account) beside those
-- about an account's end users ('end_user', the account is controller).
alter table privacy_requests add column subject_kind text not null default 'end_user' check (subject_kind in ('end_user', 'platform'));
alter table erasure_journal add column subject_kind text not null default 'end_user' check (subject_kind in ('end_user', 'platform'));
