-- Every unique key of a tenant table now carries account_id, and of `accounts` its id, so the
-- schema can be distributed by account with Citus, which enforces uniqueness only inside one
-- shard (docs/architecture.md, "Growing past one machine"; db/distribution-keys.test.ts checks
-- the rule on the catalog). Primary and foreign keys already followed it.
--
-- Each key below was unique on a value that is already unique across accounts by how it is
-- made, so adding account_id loses no guarantee and keeps every row:
-- - token and key hashes are SHA-256 digests of random secrets: 256 bits for sessions, challenges
--   and links (auth/session-cookies.ts), 192 bits for API keys (auth/api-key-format.ts);
-- - ids are prefixed ULIDs (platform/ids.ts);
-- - invoice numbers come from one gapless counter per prefix and year, whose row stays locked
--   until the invoice commits (billing/invoices.ts, nextNumber).
-- The value stays the leading column, so the lookups by it alone (a key or session token on
-- every request, an operator's order or audit entry by id) still use the index. No statement
-- names these keys in `on conflict`.
-- One house account: only bootstrap creates it, under its advisory lock after looking for it
-- (bootstrap.ts, ensureBootstrap); a plain index stays for the `where is_house` lookups.
-- Values unique across accounts by rule (a login email, an assigned number) keep their keys:
-- `users` and `numbers` are reference tables in the Citus plan, copied to every node.

drop index api_keys_hash;
create unique index api_keys_hash on api_keys (key_hash, account_id);
drop index api_keys_id;
create unique index api_keys_id on api_keys (id, account_id);

drop index audit_log_id;
create unique index audit_log_id on audit_log (id, account_id);

drop index orders_id;
create unique index orders_id on orders (id, account_id);

drop index user_sessions_token;
create unique index user_sessions_token on user_sessions (token_hash, account_id);
drop index user_invitations_token;
create unique index user_invitations_token on user_invitations (token_hash, account_id);
drop index password_resets_token;
create unique index password_resets_token on password_resets (token_hash, account_id);
drop index login_challenges_token;
create unique index login_challenges_token on login_challenges (token_hash, account_id);

alter table invoices drop constraint invoices_number_key;
alter table invoices add constraint invoices_number_key unique (number, account_id);

drop index accounts_one_house;
create index accounts_house on accounts (is_house) where is_house;
