-- Per-country rules that operators keep for destination countries (docs/sms.md, "Per-country
-- rules"): which SMS senders a country accepts, and when marketing may reach it. Platform-wide,
-- written by operators only, keyed by ISO 3166-1 alpha-2 code. Every process keeps the whole
-- table in memory and reloads it on NOTIFY cx_country_rules (country-rules/service.ts).
create table country_rules (
  country text primary key check (country ~ '^[A-Z]{2}$'),
  alphanumeric_sender text not null default 'allowed'
    check (alphanumeric_sender in ('allowed', 'registered_only', 'not_allowed')),
  -- Used for an SMS to this country that has no sender, or whose alphanumeric sender the
  -- country does not accept; without one such an SMS is rejected (sender_not_allowed).
  default_sender text,
  -- The IANA zone quiet hours, quiet days and holidays are read in (the capital's, for a
  -- country with several zones).
  time_zone text,
  quiet_start time,
  quiet_end time,
  quiet_days text[] not null default '{}'
    check (quiet_days <@ array['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']),
  holidays date[] not null default '{}',
  updated_at timestamptz not null,
  check ((quiet_start is null) = (quiet_end is null)),
  check (quiet_start is null or quiet_start <> quiet_end),
  check (time_zone is not null or (quiet_start is null and quiet_days = '{}' and holidays = '{}'))
);

-- Alphanumeric senders registered for a country: for every account (account_id null) or for one.
create table country_rule_senders (
  country text not null references country_rules (country) on delete cascade,
  sender text not null,
  account_id text references accounts (id) on delete cascade
);
create unique index country_rule_senders_unique on country_rule_senders (country, sender, coalesce(account_id, ''));

-- North American carriers do not carry alphanumeric senders (they drop or refuse them), so a
-- fresh install says so instead of reporting such an SMS as sent. Everything else is left to
-- the operator: quiet hours and holidays are a matter of local law and operators' codes.
insert into country_rules (country, alphanumeric_sender, time_zone, updated_at) values
  ('US', 'not_allowed', 'America/New_York', now()),
  ('CA', 'not_allowed', 'America/Toronto', now());
