-- Invoices. The supplier (the operator running the platform) and each customer's billing
-- profile feed VAT; issued invoices are immutable (corrections are credit notes) and numbered
-- without gaps per year.
create table billing_supplier (
  id boolean primary key default true check (id),
  name text not null,
  address_lines text[] not null,
  country text not null,
  vat_id text not null,
  invoice_prefix text not null default 'CX',
  updated_at timestamptz not null
);

create table billing_profiles (
  account_id text primary key references accounts(id),
  legal_name text not null,
  address_lines text[] not null,
  country text not null check (country ~ '^[A-Z]{2}$'),
  is_business boolean not null,
  vat_id text,
  vat_id_verified_at timestamptz,   -- the operator checked it (VIES cannot be reached offline)
  vat_id_verified_by text,
  email text,
  payment_terms_days integer not null default 14 check (payment_terms_days between 0 and 120),
  updated_at timestamptz not null
);

create table invoice_sequences (
  prefix text not null,
  year integer not null,
  last_seq integer not null,
  primary key (prefix, year)
);

create table invoices (
  account_id text not null references accounts(id),
  id text not null,
  number text not null unique,
  kind text not null check (kind in ('invoice', 'credit_note')),
  credited_invoice_id text,
  issue_date date not null,
  due_date date not null,
  period_from date,
  period_to date,
  currency text not null,
  net_minor bigint not null,
  vat_minor bigint not null,
  total_minor bigint not null,
  document jsonb not null,          -- the full invoice as issued (parties, lines, VAT decision)
  paid_minor bigint not null default 0,
  reminded_at timestamptz,          -- the last overdue reminder
  created_at timestamptz not null,
  primary key (account_id, id)
);
create index invoices_open on invoices (account_id, issue_date) where paid_minor < total_minor;

create function invoices_immutable() returns trigger language plpgsql as $$
begin
  if (new.number, new.kind, new.issue_date, new.due_date, new.currency, new.net_minor, new.vat_minor, new.total_minor, new.document)
     is distinct from (old.number, old.kind, old.issue_date, old.due_date, old.currency, old.net_minor, old.vat_minor, old.total_minor, old.document) then
    raise exception 'issued invoices are immutable: issue a credit note instead';
  end if;
  return new;
end $$;
create trigger invoices_no_edit before update on invoices for each row execute function invoices_immutable();
create function invoices_kept() returns trigger language plpgsql as $$
begin
  raise exception 'issued invoices are never deleted: issue a credit note instead';
end $$;
create trigger invoices_no_delete before delete on invoices for each row execute function invoices_kept();

-- Payments recorded by operators, allocated to the oldest open invoices first.
create table payments (
  account_id text not null references accounts(id),
  id text not null,
  amount_minor bigint not null check (amount_minor > 0),
  currency text not null,
  received_on date not null,
  reference text not null,
  method text not null,
  unallocated_minor bigint not null,
  recorded_by text not null,
  created_at timestamptz not null,
  primary key (account_id, id)
);
create table payment_allocations (
  account_id text not null,
  payment_id text not null,
  invoice_id text not null,
  amount_minor bigint not null check (amount_minor > 0),
  primary key (account_id, payment_id, invoice_id),
  foreign key (account_id, payment_id) references payments (account_id, id),
  foreign key (account_id, invoice_id) references invoices (account_id, id)
);
