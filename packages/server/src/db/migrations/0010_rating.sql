-- Rating. Prices are effective-dated rows: the platform's list prices (account_id null) and
-- account agreements (a fixed price, or a discount off the list price in force). Unit prices
-- are in micros (millionths of the currency unit): SMS prices are fractions of a cent.
create table prices (
  id text primary key,
  account_id text references accounts(id),
  channel text not null check (channel in ('sms', 'whatsapp')),
  direction text not null check (direction in ('outbound', 'inbound')),
  prefix text not null check (prefix ~ '^\+[0-9]*$'),
  connector_id text,
  kind text not null check (kind in ('price', 'discount')),
  unit_price_micros bigint check (unit_price_micros >= 0),
  discount_basis_points integer check (discount_basis_points between 0 and 10000),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  effective_from timestamptz not null,
  note text,
  created_at timestamptz not null,
  check ((kind = 'price' and unit_price_micros is not null) or (kind = 'discount' and discount_basis_points is not null and account_id is not null))
);
create index prices_account on prices (account_id);

-- One row per billable unit batch (the parts of one submitted SMS), rated when it is sent.
-- Destinations are kept as country and matched prefix only: usage never names a person.
create table usage_records (
  account_id text not null references accounts(id),
  id text not null,
  message_id text not null,
  channel text not null,
  direction text not null,
  country text,
  connector_id text,
  units integer not null,
  unit_price_micros bigint,
  amount_micros bigint not null,
  currency text,
  price_id text,
  occurred_at timestamptz not null,
  invoice_id text,
  primary key (account_id, id)
);
create index usage_records_uninvoiced on usage_records (account_id, occurred_at) where invoice_id is null;

alter table messages add column price_micros bigint;
alter table messages add column price_currency text;
