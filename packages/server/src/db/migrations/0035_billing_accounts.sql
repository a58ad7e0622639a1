-- Billing state moves off `accounts` into a table billing owns (issue #18): the SMS limit and its
-- cycle counters, the monthly spend cap, the demanded deposit, the billing mode and the prepaid
-- balance. One row per account, opened in the transaction that creates the account
-- (accounts/store.ts insertAccount → billing/account-store.ts). The SMS limit counter locks this
-- row, so it no longer contends with changes to the account itself (status, settings, holds).
-- updated_at is billing's own; the account's updatedAt shows the later of the two.
-- Nothing references this table: a lock on its row never waits for a foreign-key check.
create table billing_accounts (
  account_id text not null primary key references accounts (id),
  sms_limit integer check (sms_limit is null or sms_limit >= 0),
  sms_used integer not null default 0,
  sms_warned boolean not null default false,
  sms_blocked boolean not null default false,
  sms_cycle integer not null default 0,
  spend_cap_micros bigint check (spend_cap_micros is null or spend_cap_micros >= 0),
  spend_alert_percents integer[] not null default '{}',
  spend_month date,
  spend_month_micros bigint not null default 0,
  spend_alerted_percent integer not null default 0,
  deposit_required_minor bigint check (deposit_required_minor is null or deposit_required_minor > 0),
  deposit_currency text check (deposit_currency ~ '^[A-Z]{3}$'),
  deposit_due_on date,
  billing_mode text not null default 'postpaid' check (billing_mode in ('postpaid', 'prepaid')),
  balance_micros bigint not null default 0,
  balance_currency text check (balance_currency ~ '^[A-Z]{3}$'),
  updated_at timestamptz not null
);

insert into billing_accounts (
  account_id, sms_limit, sms_used, sms_warned, sms_blocked, sms_cycle, spend_cap_micros, spend_alert_percents, spend_month,
  spend_month_micros, spend_alerted_percent, deposit_required_minor, deposit_currency, deposit_due_on, billing_mode,
  balance_micros, balance_currency, updated_at)
select id, sms_limit, sms_used, sms_warned, sms_blocked, sms_cycle, spend_cap_micros, spend_alert_percents, spend_month,
  spend_month_micros, spend_alerted_percent, deposit_required_minor, deposit_currency, deposit_due_on, billing_mode,
  balance_micros, balance_currency, updated_at
from accounts;

alter table accounts
  drop column sms_limit,
  drop column sms_used,
  drop column sms_warned,
  drop column sms_blocked,
  drop column sms_cycle,
  drop column spend_cap_micros,
  drop column spend_alert_percents,
  drop column spend_month,
  drop column spend_month_micros,
  drop column spend_alerted_percent,
  drop column deposit_required_minor,
  drop column deposit_currency,
  drop column deposit_due_on,
  drop column billing_mode,
  drop column balance_micros,
  drop column balance_currency;
