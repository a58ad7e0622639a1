-- Privacy: erased content and identity (privacy/scrub.ts), retention policies and runs, legal
-- holds (privacy/retention/), and audit free text that can be redacted without breaking the chain.

-- A message whose content was erased (by retention or an erasure request) says so, with when
-- and why, instead of showing an empty body as if nothing had been sent.
alter table messages add column content_erased_at timestamptz;
alter table messages add column content_erased_reason text check (content_erased_reason in ('retention', 'erasure'));
-- Set when the customer's number and free-form fields were replaced by a pseudonym.
alter table messages add column identity_erased_at timestamptz;
-- Retention finds what is past its period per account by age; partial, so rows already
-- handled drop out of the index and a daily run never walks the whole history again.
create index messages_content_kept on messages (account_id, created_at) where content_erased_at is null;
create index messages_identity_kept on messages (account_id, created_at) where identity_erased_at is null;

-- What a file is for, and the message it belongs to: inbound media, exports and uploads are
-- kept for different periods, and erasing a message's content must find its media without
-- decrypting bodies. Files stored before this migration have neither (null).
alter table files add column purpose text check (purpose in ('media_upload', 'inbound_media', 'export'));
alter table files add column message_id text;
create index files_purpose on files (account_id, purpose, created_at) where purpose is not null;
create index files_message on files (account_id, message_id) where message_id is not null;

-- Erasing a message's identity removes the webhook deliveries of its events.
create index webhook_deliveries_event on webhook_deliveries (account_id, event_id);
