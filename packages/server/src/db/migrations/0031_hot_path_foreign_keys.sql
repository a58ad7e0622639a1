-- Foreign keys that cost a lock on a hot parent row for every row the message engine writes,
-- and guard against nothing: accounts are never deleted (they close), messages are never
-- deleted (erasure and retention scrub them in place, privacy/scrub.ts). Each inserted event,
-- delivery, usage record, part or attempt took a KEY SHARE lock on its account's (or
-- message's) row; with the accept path holding that account row for the SMS limit and the
-- dispatcher, receipts and webhooks inserting for the same account at once, PostgreSQL had to
-- build a multixact per locker on one hot row. The rows are still written only by code that
-- read the parent in the same flow (the dispatcher claims the message it writes parts for).
-- messages.account_id and contacts.account_id keep theirs: the accept transaction that
-- inserts them holds the account row already.
alter table events drop constraint events_account_id_fkey;
alter table usage_records drop constraint usage_records_account_id_fkey;
alter table webhook_deliveries drop constraint webhook_deliveries_account_id_fkey;
alter table message_parts drop constraint message_parts_account_id_message_id_fkey;
alter table message_attempts drop constraint message_attempts_account_id_message_id_fkey;
