// The links of the binds this worker holds (connectors/bind-leases.ts), kept in step with the
// connectors table, and the router built from the routes table. Refreshed every couple of
// seconds and at once on a configuration notice: operators' changes apply without a restart,
// and binds move to the workers the split plans them for.
import type { Context } from '../context.ts';
import type { LinkHandlers, SmsLink, StatusReport } from '../channels/link.ts';
import { createPrefixRouter, type Router } from '../routing/router.ts';
import { listRoutes } from '../routing/routes-store.ts';
import { listConnectors, writeConnectorStatuses, type ConnectorRow } from './store.ts';
import { houseAccountId } from '../accounts/store.ts';
import {
  bindsMissing,
  mergeBinds,
  heartbeat,
  plannedBinds,
  releaseBinds,
  syncLeases,
  WHATSAPP_SENDER,
  type LeaseView,
} from './bind-leases.ts';

/** The binds of a connector one worker holds: `binds` of its `of`; `receiver`: the separate receiver bind too. */
export interface BindShare {
  binds: number;
  of: number;
  receiver: boolean;
}

export type LinkFactory = (row: ConnectorRow, password: string, handlers: LinkHandlers, share: BindShare) => SmsLink;

export interface ConnectorPool {
  link(id: string): SmsLink | undefined;
  router(): Router;
  /** Whether this worker holds a bind of the connector (or the WhatsApp sender lease). */
  holds(id: string): boolean;
  /** Whether another live worker holds a bind of the connector and does not report it down (bind-leases.ts). */
  usableElsewhere(id: string): boolean;
  /**
   * Messages this worker should hold at once: while other workers hold binds too, twice the
   * windows of its own (one window submitting, one ready), so a first claimer does not take
   * what the others' binds would send; alone, no limit of its own.
   */
  capacity(): number;
  /** Connectors whose binds only other workers hold: messages waiting for them are theirs to claim. */
  onlyElsewhere(): string[];
  refresh(): Promise<void>;
  /**
   * Whether the router is complete: in sandbox mode the leader creates the sandbox connector
   * when it starts the simulators, and until then every route would be missing.
   */
  ready(): boolean;
  /** Writes the links' health, with `extra` reports of connectors without a link (WhatsApp). */
  reportStatus(extra?: StatusReport[]): Promise<void>;
  /** Unbinds everything (the leases go with the worker's heartbeat, bind-leases.ts leaveWorkers). */
  close(): Promise<void>;
}

export function createConnectorPool(
  ctx: Context,
  handlers: LinkHandlers,
  makeLink: LinkFactory,
  worker: { id: string; startedAt: Date },
): ConnectorPool {
  const links = new Map<string, { link: SmsLink; version: string }>();
  let router: Router = { route: () => [] };
  let view: LeaseView = { held: new Map(), elsewhere: new Map() };
  let ready = false;
  /** Links being unbound after the split gave some of their binds to others. */
  const closing = new Map<string, Promise<void>>();

  const closeLink = async (id: string) => {
    const current = links.get(id);
    if (!current) return;
    links.delete(id);
    await current.link.close().catch((err: unknown) => ctx.log.warn({ err, connectorId: id }, 'unbind failed'));
  };

  async function refresh(): Promise<void> {
    const now = ctx.clock.now();
    const [rows, routes, workers] = await Promise.all([
      listConnectors(ctx.sql),
      listRoutes(ctx.sql),
      heartbeat(ctx.sql, worker.id, worker.startedAt, now),
    ]);
    const wanted = new Map(rows.filter((r) => r.enabled && (ctx.config.sandbox || !r.isSandbox)).map((r) => [r.id, r]));
    const planned = plannedBinds(
      [
        ...[...wanted.values()].map((r) => ({ id: r.id, binds: r.config.binds ?? 1 })),
        { id: WHATSAPP_SENDER, binds: 1 },
      ],
      workers,
      worker.id,
    );
    // Renew everything held (also what goes to others now, until it is unbound) before any
    // unbinding, which may wait for a window's responses: no lease lapses while this runs.
    const renewed = await syncLeases(ctx.sql, worker.id, mergeBinds(planned, view.held), now);
    const surplus = bindsMissing(renewed.held, planned);
    view = { held: bindsMissing(renewed.held, surplus), elsewhere: renewed.elsewhere };
    // What the split gives to others: out of use at once, unbound in the background, then the lease goes.
    for (const id of surplus.keys()) {
      const done = closeLink(id)
        .then(() => releaseBinds(ctx.sql, worker.id, new Map([[id, surplus.get(id)!]])))
        .catch((err: unknown) => ctx.log.warn({ err, connectorId: id }, 'could not give a bind up; its lease runs out'))
        .finally(() => closing.delete(id));
      closing.set(id, done);
    }
    for (const [id, current] of links) {
      const row = wanted.get(id);
      if (!row || versionOf(row, view.held.get(id)) !== current.version) await closeLink(id);
    }
    const house = await houseAccountId(ctx.sql);
    for (const [id, row] of wanted) {
      const indexes = view.held.get(id);
      // A link still closing is rebuilt once it is gone: the SMSC never sees more binds than the connector has.
      if (links.has(id) || !indexes || closing.has(id)) continue;
      const password = row.secret ? (await ctx.keyring.decrypt(house, row.secret)).toString('utf8') : '';
      const share = { binds: indexes.length, of: row.config.binds ?? 1, receiver: indexes.includes(0) };
      links.set(id, { link: makeLink(row, password, handlers, share), version: versionOf(row, indexes) });
    }
    const sandbox = rows.find((r) => r.isSandbox && wanted.has(r.id));
    router = createPrefixRouter(routes, { sandboxId: sandbox?.id ?? null, isSandbox: (id) => id === sandbox?.id });
    ready = !ctx.config.sandbox || sandbox !== undefined;
  }

  return {
    link: (id) => links.get(id)?.link,
    router: () => router,
    holds: (id) => view.held.has(id),
    usableElsewhere: (id) => view.elsewhere.get(id)?.usable ?? false,
    capacity: () =>
      view.elsewhere.size === 0
        ? Infinity
        : 2 * [...links.values()].reduce((n, l) => n + l.link.window, 0) +
          (view.held.has(WHATSAPP_SENDER) ? WHATSAPP_ROOM : 0),
    onlyElsewhere: () => [...view.elsewhere.keys()].filter((id) => !view.held.has(id)),
    refresh,
    ready: () => ready,
    async reportStatus(extra = []) {
      const reports = [...[...links].map(([connectorId, { link }]) => ({ connectorId, ...link.health() })), ...extra];
      await writeConnectorStatuses(ctx.sql, worker.id, reports, ctx.clock.now());
    },
    async close() {
      await Promise.all([...links.keys()].map(closeLink));
      await Promise.all(closing.values());
      view = { held: new Map(), elsewhere: new Map() };
    },
  };
}

/** Room for WhatsApp messages on top of the SMS windows, for the worker that sends them: their pace is per number, not per bind. */
const WHATSAPP_ROOM = 200;

/** A connector's link is rebuilt when its settings or password change, or the binds held of it. */
function versionOf(row: ConnectorRow, indexes: number[] | undefined): string {
  return `${row.updatedAt.getTime()}:${(indexes ?? []).join(',')}`;
}
