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
