-- The SMS limit of the terms: 50,000 messages per client account between settlements (none for
-- the house account), counted at accept; a 75 % notice once per cycle; blocked at the limit.
alter table accounts add column sms_limit integer default 50000 check (sms_limit is null or sms_limit >= 0);
alter table accounts add column sms_used integer not null default 0;
alter table accounts add column sms_warned boolean not null default false;
update accounts set sms_limit = null where is_house;

-- Limit changes take effect only with a written approval by an operator (who, text, when, reference).
create table limit_requests (
  account_id text not null references accounts(id),
  id text not null,
  sms_limit integer check (sms_limit is null or sms_limit >= 0),
  reason text,
  status text not null,
  requested_by text not null,
  created_at timestamptz not null,
  decided_by text,
  decided_at timestamptz,
  approval_text text,
  approval_reference text,
  decision_note text,
  primary key (account_id, id),
  check (status in ('pending', 'approved', 'rejected')),
  check (status <> 'approved' or (approval_text is not null and decided_by is not null))
);
create index limit_requests_pending on limit_requests (created_at) where status = 'pending';
