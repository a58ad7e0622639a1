-- The terms' commercial rules (docs/billing.md): orders placed by the client and concluded by
-- the operator's written acceptance; deposits demanded with a due date; late interest per
-- supplier jurisdiction, charged on interest notes.

-- Orders: the client places an order (its own request, or its confirmation of a draft the
-- operator offered); only then can the operator's written acceptance conclude it.
alter table orders add column placed_by text;
alter table orders add column placed_at timestamptz;
update orders set placed_by = created_by, placed_at = created_at where created_by not like 'operator:%';

-- Deposits demanded from an account (terms: "CX Engage is entitled to demand payment of a
-- deposit"): the day by which the required amount must be held. After it, every live message
-- is refused (deposit_overdue) until held deposits cover the requirement. Null: no date (a
-- requirement set before boarding, which boarding itself enforces).
alter table accounts add column deposit_due_on date;

-- Late interest per supplier jurisdiction: which reference rate and margin the supplier's law
-- sets for late payment between businesses. The supplier's country picks its row; a supplier in
-- the euro area without one uses 'EA', the Directive's ECB rate + 8 points; any other country
-- needs its own row (its central bank's rate). Platform-wide data, written by operators only.
create table late_interest_rules (
  jurisdiction text primary key check (jurisdiction ~ '^([A-Z]{2}|EA)$'),
  reference_rate_name text not null,
  legal_basis text not null,
  margin_basis_points integer not null check (margin_basis_points between 0 and 10000),
  updated_at timestamptz not null
);
-- The reference rate from a date until the next row; a half-year's interest uses the rate in
-- force on its first day (1 January, 1 July).
create table late_interest_reference_rates (
  jurisdiction text not null references late_interest_rules (jurisdiction),
  valid_from date not null,
  rate_basis_points integer not null check (rate_basis_points between -1000 and 10000),
  updated_at timestamptz not null,
  primary key (jurisdiction, valid_from)
);
insert into late_interest_rules (jurisdiction, reference_rate_name, legal_basis, margin_basis_points, updated_at) values
  ('EA', 'ECB main refinancing operations rate', 'Directive 2011/7/EU Art. 2(6), 2(7), 3(2): reference rate + 8 points', 800, now()),
  ('DE', 'Basiszinssatz (§ 247 BGB), published by the Deutsche Bundesbank', '§ 288(2) BGB: base rate + 9 points where no consumer is party', 900, now()),
  ('GB', 'Bank of England Bank Rate', 'Late Payment of Commercial Debts (Interest) Act 1998 and Rate of Interest (No. 3) Order 2002: reference rate + 8 points', 800, now()),
  ('SE', 'Sveriges Riksbank reference rate (referensränta)', 'Räntelag (1975:635) 6 §: reference rate + 8 points', 800, now());
-- The ECB rates the shipped table held (Key ECB interest rates), and the Bundesbank's
-- announcements of the Basiszinssatz; verify the latest against the source. GB and SE come
-- without rates: until an operator enters them, their interest cannot be computed.
insert into late_interest_reference_rates (jurisdiction, valid_from, rate_basis_points, updated_at) values
  ('EA', '2023-01-01', 250, now()), ('EA', '2023-07-01', 400, now()), ('EA', '2024-01-01', 450, now()), ('EA', '2024-07-01', 425, now()),
  ('EA', '2025-01-01', 315, now()), ('EA', '2025-07-01', 215, now()),
  ('DE', '2023-01-01', 162, now()), ('DE', '2023-07-01', 312, now()), ('DE', '2024-01-01', 362, now()), ('DE', '2024-07-01', 337, now()),
  ('DE', '2025-01-01', 227, now()), ('DE', '2025-07-01', 127, now());
-- Rates operators entered per half-year become euro-area rates from that day.
insert into late_interest_reference_rates (jurisdiction, valid_from, rate_basis_points, updated_at)
  select 'EA', half_year_start, rate_basis_points, updated_at from reference_rates
  on conflict (jurisdiction, valid_from) do update set rate_basis_points = excluded.rate_basis_points, updated_at = excluded.updated_at;
drop table reference_rates;

-- Interest notes: late interest and the fixed compensation charged on a document of their own,
-- numbered with the invoices, without VAT (damages, not consideration for a supply). Each
-- names the invoice it charges for, the last day it charged interest for, and the compensation.
alter table invoices drop constraint invoices_kind_check;
alter table invoices add constraint invoices_kind_check check (kind in ('invoice', 'credit_note', 'interest_note'));
alter table invoices drop constraint invoices_purpose_check;
alter table invoices add constraint invoices_purpose_check check (purpose in ('usage', 'prepaid_credit', 'late_interest'));
alter table invoices add column interest_invoice_id text;
alter table invoices add column interest_through date;
alter table invoices add column compensation_minor bigint not null default 0;
create index invoices_interest on invoices (account_id, interest_invoice_id) where interest_invoice_id is not null;
