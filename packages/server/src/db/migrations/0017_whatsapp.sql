-- WhatsApp Business: connectors of kind whatsapp (a WhatsApp Business Account on the Cloud
-- API), numbers mapped to a connector's phone number id, and the 24-hour customer-service
-- window per business number and customer.
alter table connectors drop constraint connectors_kind_check;
alter table connectors add constraint connectors_kind_check check (kind in ('smpp', 'whatsapp'));
-- One sandbox connector per kind (the SMSC simulator, the Cloud API simulator).
drop index connectors_one_sandbox;
create unique index connectors_one_sandbox on connectors (kind) where is_sandbox;

alter table numbers add column whatsapp_connector_id text references connectors(id);
alter table numbers add column phone_number_id text;
create unique index numbers_phone_number_id on numbers (whatsapp_connector_id, phone_number_id) where phone_number_id is not null;

-- The customer's last message to the business number: free-form replies are allowed for 24 h.
create table whatsapp_windows (
  account_id text not null references accounts(id),
  business_number text not null,
  customer_number text not null,
  last_inbound_at timestamptz not null,
  primary key (account_id, business_number, customer_number)
);


-- POST /v1/sandbox/inbound for WhatsApp goes through the Cloud API simulator.
alter table sandbox_inbound add column channel text not null default 'sms' check (channel in ('sms', 'whatsapp'));

-- Message templates, per account and WhatsApp connector (Business Account), synced with the
-- Cloud API: created through our API, statuses from Meta's webhook and a periodic sync.
create table whatsapp_templates (
  account_id text not null references accounts(id),
  id text not null,
  connector_id text not null references connectors(id),
  name text not null,
  language text not null,
  category text not null,
  status text not null,
  quality text,
  components jsonb not null,
  meta_id text,
  reason text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (account_id, id),
  unique (account_id, connector_id, name, language)
);

-- Failover: { channels: ['sms'], afterSeconds } for a WhatsApp message that may go by SMS when
-- WhatsApp fails for good or nothing is delivered in time; the SMS text sits sealed with the
-- content. fallback_due_at: when a sent message without `delivered` fails over.
alter table messages add column fallback jsonb;
alter table messages add column fallback_due_at timestamptz;
create index messages_fallback_due on messages (fallback_due_at) where status = 'sent' and fallback_due_at is not null;

-- WhatsApp opt-ins (Meta's rule and the contract's consent rule: business-initiated templates
-- need one when the account enforces consent). A minimal record until the privacy work's
-- consent ledger takes over: people are named by their subject hash only.
create table whatsapp_optins (
  account_id text not null references accounts(id),
  subject_hash bytea not null,
  source text not null,
  evidence text,
  granted_at timestamptz not null,
  withdrawn_at timestamptz,
  primary key (account_id, subject_hash)
);

-- WhatsApp is priced per message by category: marketing, utility, authentication (templates,
-- by the template's category) or service (replies inside the window). Null: any category.
alter table prices add column category text check (category in ('marketing', 'utility', 'authentication', 'service'));
alter table usage_records add column category text;
alter table messages add column category text;
