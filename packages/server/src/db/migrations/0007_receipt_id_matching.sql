-- Connectors can say exactly how receipt ids relate to submit_sm_resp ids; only `auto`
-- connectors match leniently, and a receipt kept for later remembers which it was.
alter table pending_receipts add column lenient boolean not null default true;
