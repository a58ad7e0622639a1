-- The attempts' foreign key to their delivery cost a KEY SHARE lock on the delivery row for every
-- attempt written, in the very transaction that then updates that row (webhooks/outcomes.ts):
-- ~0.8 ms per attempt, a quarter of PostgreSQL's time per message end to end. Its one use was
-- `on delete cascade`; the three statements that delete deliveries now delete their attempts in
-- the same statement (webhooks/delivery-store.ts, deletingAttempts).
alter table webhook_attempts drop constraint webhook_attempts_account_id_delivery_id_fkey;
