-- Boarding, deposits, prepaid balances, orders and billing rates as data.

-- Company details a client gives for boarding (terms: business use only). The operator's
-- acceptance turns a pending account active; it is kept with the account.
create table company_details (
  account_id text primary key references accounts(id),
  legal_name text not null,
  address_lines text[] not null,
  country text not null check (country ~ '^[A-Z]{2}$'),
  vat_id text,
  contact_name text not null,
  contact_email text not null,
  contact_phone text,
  business_use_declared_at timestamptz,   -- the client declared it uses the services for business
  declared_by text,
  updated_at timestamptz not null
);
alter table accounts add column boarding_acceptance jsonb;   -- { text, signer, reference, at } of the operator

-- Deposits: security an operator can require before activation. Held deposits also cover
-- unbilled usage for settlement (docs/billing.md).
alter table accounts add column deposit_required_minor bigint check (deposit_required_minor is null or deposit_required_minor > 0);
alter table accounts add column deposit_currency text check (deposit_currency ~ '^[A-Z]{3}$');
create table deposits (
  account_id text not null references accounts(id),
  id text not null,
  amount_minor bigint not null check (amount_minor > 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  received_on date not null,
  reference text not null,
  method text not null,
  status text not null check (status in ('held', 'refunded')),
  recorded_by text not null,
  created_at timestamptz not null,
  refunded_at timestamptz,
  refund_note text,
  primary key (account_id, id)
);

-- Prepaid accounts buy credit (an invoice of purpose prepaid_credit, VAT charged there);
-- when it is paid, the net amount is credited. Rated usage is debited from it by rating,
-- is never invoiced again, and messages are refused (insufficient_balance) at zero.
alter table accounts add column billing_mode text not null default 'postpaid' check (billing_mode in ('postpaid', 'prepaid'));
alter table accounts add column balance_micros bigint not null default 0;
alter table accounts add column balance_currency text check (balance_currency ~ '^[A-Z]{3}$');
alter table invoices add column purpose text not null default 'usage' check (purpose in ('usage', 'prepaid_credit'));
alter table invoices add column credit_micros bigint;           -- prepaid_credit: what paying it credits
alter table invoices add column credited_at timestamptz;         -- when that credit was added to the balance
alter table usage_records add column prepaid boolean not null default false;
drop index usage_records_uninvoiced;
create index usage_records_uninvoiced on usage_records (account_id, occurred_at) where invoice_id is null and not prepaid;

-- Orders: services, quantities and prices, binding only once an operator accepts them in
-- writing; acceptance applies their effects in the same transaction.
create table orders (
  account_id text not null references accounts(id),
  id text not null,
  status text not null check (status in ('draft', 'requested', 'accepted', 'rejected', 'canceled')),
  items jsonb not null,
  note text,
  created_by text not null,
  created_at timestamptz not null,
  decided_by text,
  decided_at timestamptz,
  acceptance jsonb,          -- { text, signer, reference }
  decision_note text,
  effects jsonb,             -- what acceptance changed, for the record
  primary key (account_id, id)
);
create unique index orders_id on orders (id);

-- Billing rates as data: rows here add to (or correct) the shipped tables in
-- billing/rules/ (VAT standard rates per country, the ECB reference rate per half-year).
create table vat_rates (
  country text not null check (country ~ '^[A-Z]{2}$'),
  effective_from date not null,
  standard_rate_basis_points integer not null check (standard_rate_basis_points between 0 and 10000),
  updated_at timestamptz not null,
  primary key (country, effective_from)
);
create table reference_rates (
  half_year_start date primary key check (extract(day from half_year_start) = 1 and extract(month from half_year_start) in (1, 7)),
  rate_basis_points integer not null check (rate_basis_points between -1000 and 10000),
  updated_at timestamptz not null
);
alter table billing_supplier add column consumer_late_rate_basis_points integer not null default 715
  check (consumer_late_rate_basis_points between 0 and 10000);
