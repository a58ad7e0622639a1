// The links of the connectors this worker binds, kept in step with the connectors table,
// and the router built from the routes table. Refreshed every few seconds: operators'
// changes apply without a restart.
import type { Context } from '../context.ts';
import type { LinkHandlers, SmsLink, StatusReport } from '../channels/link.ts';
import { createPrefixRouter, type Router } from '../routing/router.ts';
import { listRoutes } from '../routing/routes-store.ts';
import { listConnectors, writeConnectorStatuses, type ConnectorRow } from './store.ts';
import { houseAccountId } from '../accounts/store.ts';

export type LinkFactory = (row: ConnectorRow, password: string, handlers: LinkHandlers) => SmsLink;

export interface ConnectorPool {
  link(id: string): SmsLink | undefined;
  router(): Router;
  refresh(): Promise<void>;
  /** Writes the links' health, with `extra` reports of connectors without a link (WhatsApp). */
  reportStatus(worker: string, extra?: StatusReport[]): Promise<void>;
  close(): Promise<void>;
}

export function createConnectorPool(ctx: Context, handlers: LinkHandlers, makeLink: LinkFactory): ConnectorPool {
  const links = new Map<string, { link: SmsLink; version: string }>();
  let router: Router = { route: () => [] };

  async function refresh(): Promise<void> {
    const [rows, routes] = await Promise.all([listConnectors(ctx.sql), listRoutes(ctx.sql)]);
    const wanted = new Map(rows.filter((r) => r.enabled && (ctx.config.sandbox || !r.isSandbox)).map((r) => [r.id, r]));
    for (const [id, current] of links) {
      const row = wanted.get(id);
      if (!row || versionOf(row) !== current.version) {
        links.delete(id);
        await current.link.close().catch((err: unknown) => ctx.log.warn({ err, connectorId: id }, 'unbind failed'));
      }
    }
    const house = await houseAccountId(ctx.sql);
    for (const [id, row] of wanted) {
      if (links.has(id)) continue;
      const password = row.secret ? (await ctx.keyring.decrypt(house, row.secret)).toString('utf8') : '';
      links.set(id, { link: makeLink(row, password, handlers), version: versionOf(row) });
    }
    const sandbox = rows.find((r) => r.isSandbox && wanted.has(r.id));
    router = createPrefixRouter(routes, { sandboxId: sandbox?.id ?? null, isSandbox: (id) => id === sandbox?.id });
  }

  return {
    link: (id) => links.get(id)?.link,
    router: () => router,
    refresh,
    async reportStatus(worker, extra = []) {
      const reports = [...[...links].map(([connectorId, { link }]) => ({ connectorId, ...link.health() })), ...extra];
      await writeConnectorStatuses(ctx.sql, worker, reports, ctx.clock.now());
    },
    async close() {
      await Promise.all([...links.values()].map((l) => l.link.close().catch(() => {})));
      links.clear();
    },
  };
}

/** A connector's link is rebuilt when its settings or password change. */
function versionOf(row: ConnectorRow): string {
  return `${row.updatedAt.getTime()}`;
}
