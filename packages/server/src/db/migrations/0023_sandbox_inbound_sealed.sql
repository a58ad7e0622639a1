-- Simulated inbound messages (POST /v1/sandbox/inbound) are message bodies like any other:
-- sealed with the account's keyring (AES-256-GCM envelope), never plaintext at rest.
-- Rows already there are dropped rather than sealed: the keys live in the application, not in
-- SQL, and these rows are disposable simulator requests (a pending one is sent within a second
-- of its creation; a done one is history nobody reads).
delete from sandbox_inbound;
alter table sandbox_inbound alter column body type bytea using null;
