// Routes: destination prefix (longest match) and optionally one account → ordered connectors.
import type { Db } from '../db/pool.ts';
import { jsonb } from '../db/json.ts';

export interface RouteTarget {
  connectorId: string;
  priority: number;
  weight: number;
}

export interface RouteRow {
  id: string;
  prefix: string;
  accountId: string | null;
  connectors: RouteTarget[];
  createdAt: Date;
}

const cols = (db: Db) => db`id, prefix, account_id as "accountId", connectors, created_at as "createdAt"`;

export async function insertRoute(db: Db, r: RouteRow): Promise<RouteRow> {
  const [row] = await db<RouteRow[]>`
    insert into routes (id, prefix, account_id, connectors, created_at)
    values (${r.id}, ${r.prefix}, ${r.accountId}, ${jsonb(db, r.connectors)}, ${r.createdAt})
    returning ${cols(db)}`;
  return row!;
}

export async function listRoutes(db: Db): Promise<RouteRow[]> {
  return db<RouteRow[]>`select ${cols(db)} from routes order by prefix, account_id nulls first, id`;
}

export async function getRoute(db: Db, id: string): Promise<RouteRow | undefined> {
  const [row] = await db<RouteRow[]>`select ${cols(db)} from routes where id = ${id}`;
  return row;
}

export async function deleteRoute(db: Db, id: string): Promise<boolean> {
  return (await db`delete from routes where id = ${id} returning id`).length === 1;
}
