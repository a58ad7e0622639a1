// SQL for connectors and their live status.
import type postgres from 'postgres';
import type { Db } from '../db/pool.ts';
import { recordset } from '../db/recordset.ts';
import { jsonb } from '../db/json.ts';
import type { SmppConfig } from '../channels/smpp/connector-config.ts';
import type { WhatsAppConfig } from '../channels/whatsapp/connector-config.ts';
import type { StatusReport } from '../channels/link.ts';

export interface ConnectorRow {
  id: string;
  name: string;
  kind: 'smpp';
  enabled: boolean;
  config: SmppConfig;
  secret: Buffer | null;
  isSandbox: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** Either kind, for the admin API; the SMPP side works with ConnectorRow only. */
export type AnyConnectorRow =
  | ConnectorRow
  | (Omit<ConnectorRow, 'kind' | 'config'> & { kind: 'whatsapp'; config: WhatsAppConfig });

export interface ConnectorStatusRow {
  state: string;
  outstanding: number;
  submitted: bigint;
  failed: bigint;
  receipts: bigint;
  lastError: string | null;
  updatedAt: Date;
}

const cols = (db: Db) =>
  db`id, name, kind, enabled, config, secret, is_sandbox as "isSandbox", created_at as "createdAt", updated_at as "updatedAt"`;

export async function insertConnector<C extends AnyConnectorRow>(db: Db, c: C): Promise<C> {
  const [row] = await db<C[]>`
    insert into connectors (id, name, kind, enabled, config, secret, is_sandbox, created_at, updated_at)
    values (${c.id}, ${c.name}, ${c.kind}, ${c.enabled}, ${jsonb(db, c.config)}, ${c.secret}, ${c.isSandbox}, ${c.createdAt}, ${c.updatedAt})
    returning ${cols(db)}`;
  return row!;
}

/** The SMPP connectors (what the connector pool binds). */
export async function listConnectors(db: Db): Promise<ConnectorRow[]> {
  return db<ConnectorRow[]>`select ${cols(db)} from connectors where kind = 'smpp' order by id`;
}

export async function listAllConnectors(db: Db): Promise<AnyConnectorRow[]> {
  return db<AnyConnectorRow[]>`select ${cols(db)} from connectors order by id`;
}

export async function getConnector(db: Db, id: string): Promise<AnyConnectorRow | undefined> {
  const [row] = await db<AnyConnectorRow[]>`select ${cols(db)} from connectors where id = ${id}`;
  return row;
}

export async function updateConnector(
  db: Db,
  id: string,
  c: { name?: string; enabled?: boolean; config?: SmppConfig | WhatsAppConfig; secret?: Buffer | null },
  at: Date,
): Promise<AnyConnectorRow | undefined> {
  const set: Record<string, postgres.SerializableParameter> = { updated_at: at };
  if (c.name !== undefined) set.name = c.name;
  if (c.enabled !== undefined) set.enabled = c.enabled;
  if (c.config !== undefined) set.config = jsonb(db, c.config);
  if (c.secret !== undefined) set.secret = c.secret;
  const [row] = await db<AnyConnectorRow[]>`update connectors set ${db(set)} where id = ${id} returning ${cols(db)}`;
  return row;
}

export async function deleteConnector(db: Db, id: string): Promise<boolean> {
  return (await db`delete from connectors where id = ${id} returning id`).length === 1;
}

/**
 * Each connector's status over the workers holding its binds (bind-leases.ts): bound while one
 * is, counters summed, the latest error and report.
 */
export async function connectorStatuses(db: Db): Promise<Map<string, ConnectorStatusRow>> {
  const rows = await db<(ConnectorStatusRow & { connectorId: string })[]>`
    select connector_id as "connectorId",
      case when bool_or(state = 'bound') then 'bound' when bool_or(state = 'connecting') then 'connecting' else min(state) end as state,
      sum(outstanding)::integer as outstanding, sum(submitted)::bigint as submitted, sum(failed)::bigint as failed, sum(receipts)::bigint as receipts,
      (array_agg(last_error order by updated_at desc) filter (where last_error is not null))[1] as "lastError", max(updated_at) as "updatedAt"
    from connector_status group by connector_id`;
  return new Map(rows.map((r) => [r.connectorId, r]));
}

export async function writeConnectorStatuses(db: Db, worker: string, reports: StatusReport[], at: Date): Promise<void> {
  if (reports.length === 0) return;
  await db`
    insert into connector_status (connector_id, state, outstanding, submitted, failed, receipts, last_error, worker, updated_at)
    select r.connector_id, r.state, r.outstanding, r.submitted, r.failed, r.receipts, r.last_error, ${worker}, ${at}
    from ${recordset(
      db,
      reports.map((r) => ({
        connector_id: r.connectorId,
        state: r.state,
        outstanding: r.outstanding,
        submitted: r.submitted,
        failed: r.failed,
        receipts: r.receipts,
        last_error: r.lastError,
      })),
      {
        connector_id: 'text',
        state: 'text',
        outstanding: 'integer',
        submitted: 'bigint',
        failed: 'bigint',
        receipts: 'bigint',
        last_error: 'text',
      },
      'r',
    )}
    where exists (select 1 from connectors c where c.id = r.connector_id)
    on conflict (connector_id, worker) do update set state = excluded.state, outstanding = excluded.outstanding, submitted = excluded.submitted,
      failed = excluded.failed, receipts = excluded.receipts, last_error = excluded.last_error, worker = excluded.worker, updated_at = excluded.updated_at`;
}
