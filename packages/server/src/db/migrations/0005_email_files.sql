-- Email outbox: emails are rows, sent by a worker through SMTP (or kept, in the sandbox).
create table email_outbox (
  account_id text not null references accounts (id),
  id text not null,
  to_address text not null,
  subject text not null,
  text_body text not null,
  html_body text,
  status text not null check (status in ('queued', 'sent', 'failed', 'kept')),
  attempts integer not null default 0,
  last_error text,
  next_attempt_at timestamptz,
  created_at timestamptz not null,
  sent_at timestamptz,
  primary key (account_id, id)
);
create index email_outbox_due on email_outbox (next_attempt_at) where status = 'queued';

-- Files (exports, media, PDFs) stored in PostgreSQL in 256 KiB chunks, streamed in and out.
create table files (
  account_id text not null references accounts (id),
  id text not null,
  name text not null,
  content_type text not null,
  size bigint not null,
  sha256 bytea not null,
  created_at timestamptz not null,
  expires_at timestamptz,
  primary key (account_id, id)
);
create index files_expires on files (expires_at) where expires_at is not null;

create table file_chunks (
  account_id text not null,
  file_id text not null,
  seq integer not null,
  data bytea not null,
  primary key (account_id, file_id, seq),
  foreign key (account_id, file_id) references files (account_id, id) on delete cascade
);
