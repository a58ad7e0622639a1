-- Fraud rules: counters shared by every api process, the countries each account has used,
-- the operator's destination ranges, and OTP verification feedback.

-- Counts per account, dimension and key, in time buckets (minutes for velocity, hours for the
-- baseline and OTP conversion). Written once per accepted batch (one upsert), pruned daily.
-- Unlogged: counting is on the accept path and skipping the WAL halves its cost; after a
-- database crash the counts start again from zero (a 7-day baseline rebuilds, velocity
-- windows are minutes), which is the trade docs/fraud.md states.
create unlogged table fraud_counters (
  account_id text not null references accounts(id),
  dimension text not null,     -- number | range | country | total_hour | otp_sent | otp_verified
  key text not null,
  bucket timestamptz not null,
  count integer not null,
  primary key (account_id, dimension, key, bucket)
);
create index fraud_counters_bucket on fraud_counters (bucket);

create table fraud_known_countries (
  account_id text not null references accounts(id),
  country text not null,
  first_seen_at timestamptz not null,
  primary key (account_id, country)
);

-- The operator's own list, on top of the shipped seed list (fraud/seed-ranges.ts): an allow
-- entry overrides a seed entry for the same or a longer prefix.
create table fraud_ranges (
  prefix text primary key check (prefix ~ '^\+[0-9]{1,15}$'),
  action text not null check (action in ('review', 'block', 'allow')),
  label text not null,
  updated_at timestamptz not null
);

alter table messages add column verified_at timestamptz;
alter table accounts add column fraud_alerted_at timestamptz;
