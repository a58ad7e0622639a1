-- Portal identity (auth/): sessions, TOTP two-factor with recovery codes, invitations,
-- password resets and login throttling. Secrets arriving in cookies, links and emails are
-- 256 random bits; only their SHA-256 is stored, so a database dump opens no session.

alter table users add column last_login_at timestamptz;

create table user_sessions (
  account_id text not null,
  id text not null,
  user_id text not null,
  token_hash bytea not null,
  created_at timestamptz not null,
  -- The idle timeout counts from here; the absolute one from created_at (both in config.ts).
  last_seen_at timestamptz not null,
  -- For the session list only: the user agent cut to 200 characters, the client address
  -- without its host part (IPv4 /24, IPv6 /48).
  user_agent text,
  ip text,
  -- 'password', 'totp' or 'recovery_code': how the user proved who they are.
  method text not null,
  revoked_at timestamptz,
  primary key (account_id, id),
  foreign key (account_id, user_id) references users (account_id, id)
);
create unique index user_sessions_token on user_sessions (token_hash);
create index user_sessions_user on user_sessions (account_id, user_id, id) where revoked_at is null;

create table user_totp (
  account_id text not null,
  user_id text not null,
  -- The base32 secret sealed with the account's data key (platform/crypto/keyring.ts).
  secret bytea not null,
  -- Null while being set up: the secret works only after a first code proves the app has it.
  enabled_at timestamptz,
  -- RFC 6238 §5.2: a code is accepted once; later codes must belong to a later time step.
  last_time_step bigint,
  created_at timestamptz not null,
  primary key (account_id, user_id),
  foreign key (account_id, user_id) references users (account_id, id)
);

create table user_recovery_codes (
  account_id text not null,
  user_id text not null,
  code_hash bytea not null,
  created_at timestamptz not null,
  used_at timestamptz,
  primary key (account_id, user_id, code_hash),
  foreign key (account_id, user_id) references users (account_id, id)
);

create table user_invitations (
  account_id text not null references accounts (id),
  id text not null,
  email text not null,
  role text not null,
  token_hash bytea not null,
  invited_by text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  user_id text,
  revoked_at timestamptz,
  primary key (account_id, id)
);
create unique index user_invitations_token on user_invitations (token_hash);

create table password_resets (
  account_id text not null,
  user_id text not null,
  token_hash bytea not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  primary key (account_id, user_id, token_hash),
  foreign key (account_id, user_id) references users (account_id, id)
);
create unique index password_resets_token on password_resets (token_hash);

-- Between a correct password and the second factor: a short-lived, hashed challenge.
create table login_challenges (
  account_id text not null,
  user_id text not null,
  token_hash bytea not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  failures integer not null default 0,
  used_at timestamptz,
  primary key (account_id, user_id, token_hash),
  foreign key (account_id, user_id) references users (account_id, id)
);
create unique index login_challenges_token on login_challenges (token_hash);

-- Failed sign-ins per email and per client address. Not tenant data: it exists before anyone
-- is known, and the key is a hash (`email:<sha256>`, `ip:<sha256>`), never the email itself.
create table login_throttles (
  key text primary key,
  failures integer not null,
  window_started_at timestamptz not null,
  lockouts integer not null default 0,
  locked_until timestamptz,
  updated_at timestamptz not null
);
create index login_throttles_updated on login_throttles (updated_at);
