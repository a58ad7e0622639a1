-- Binds leased to worker processes (issue #16): every worker dispatches, each over the binds it
-- holds. A worker announces itself in `workers` (its heartbeat); the binds of each connector are
-- split evenly over the live workers, and a bind changes hands only once its lease is given up or
-- has run out, so no bind is held twice (operators cap the binds of an account).
-- No account_id: workers, binds and connectors are the platform's, not a tenant's.
create table workers (
  id text primary key,
  started_at timestamptz not null,
  seen_at timestamptz not null
);

create table bind_leases (
  connector_id text not null,
  bind_index integer not null,
  worker text not null,
  lease_until timestamptz not null,
  primary key (connector_id, bind_index)
);

-- One status row per connector and worker: a connector's binds may be spread over several.
update connector_status set worker = coalesce(worker, 'unknown');
alter table connector_status alter column worker set not null;
alter table connector_status drop constraint connector_status_pkey;
alter table connector_status add constraint connector_status_pkey primary key (connector_id, worker);

-- The connector a queued message waits for: set when a worker that does not hold it hands the
-- message to the workers that do. Null: any worker may take it.
alter table messages add column via_connector text;
