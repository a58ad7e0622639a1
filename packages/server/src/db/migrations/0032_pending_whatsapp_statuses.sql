-- WhatsApp statuses whose wamid we have no record of yet: Meta's status can beat the commit of
-- our send's outcome. They wait here (durable before Meta gets its 200) and the leader's sweep
-- applies them once the send is stored; one still unknown after an hour is not ours and goes.
-- No account_id, like pending_receipts: which account a wamid belongs to is what is not known yet.
create table pending_whatsapp_statuses (
  connector_id text not null,
  smsc_id text not null,
  status text not null,
  at timestamptz not null,
  update jsonb not null,
  received_at timestamptz not null,
  primary key (connector_id, smsc_id, status, at)
);
create index pending_whatsapp_statuses_received on pending_whatsapp_statuses (received_at);
