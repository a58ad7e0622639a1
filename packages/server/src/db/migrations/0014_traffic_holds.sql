-- Traffic holds (the kill switch) and held messages.

-- Why a message is `held`: 'traffic_hold' (its account's kill switch), 'connector:<id>' or
-- 'country:<CC>' (a platform-wide hold), or 'fraud_review' (a rule asked for a human). Release
-- puts it back where it was: `scheduled` if its time has not come, else `queued`.
alter table messages add column hold_reason text;
-- The fraud decision taken for the message ({ action, score, mode, rules: [...] }), shown by the API.
alter table messages add column fraud jsonb;
create index messages_held on messages (account_id, hold_reason) where status = 'held';

-- Platform-wide holds an operator puts on a connector or a destination country.
create table traffic_holds (
  scope text not null check (scope in ('connector', 'country')),
  target text not null,
  reason text not null,
  created_by text not null,
  created_at timestamptz not null,
  primary key (scope, target)
);

-- Every hold change bumps the epoch; the dispatching worker records the epoch it has applied,
-- so a hold call can return only once no further submit will ignore it.
create table traffic_hold_epochs (
  id boolean primary key default true check (id),
  epoch bigint not null,
  applied_epoch bigint not null,
  applied_by text,
  applied_at timestamptz
);
insert into traffic_hold_epochs (epoch, applied_epoch) values (0, 0);
