// The messaging side of the worker role. Every worker dispatches over the binds it holds
// (connectors/bind-leases.ts: binds split evenly over the live workers, taken over within a
// lease when one dies) and applies the receipts and inbound messages that arrive on them. One
// worker of the cluster also leads (advisory lock held on its own connection) for what must run
// once: the sweeps (leases of dead workers, scheduled and expired messages, waiting receipts and
// statuses, overdue failovers) and the sandbox simulators. When it dies its lock goes with its
// connection and another worker takes over. Route and connector changes reach every worker by
// notification (cx_config), not by a timer.
import { cachedPriceBook } from '../../billing/price-book.ts';
import crypto from 'node:crypto';
import type { Context } from '../../context.ts';
import { withTransaction } from '../../db/tx.ts';
import { openPool, type Sql } from '../../db/pool.ts';
import { emitEvents, readEventsNotice } from '../../platform/events.ts';
import type { LinkHandlers } from '../../channels/link.ts';
import { createConnectorPool, type LinkFactory } from '../../connectors/pool.ts';
import { BIND_SYNC_MS, leaveWorkers, liveWorkers } from '../../connectors/bind-leases.ts';
import { GroupCommit } from '../group-commit.ts';
import type { SubjectHasher } from '../../privacy/subject-hash.ts';
import { receiveSms } from '../inbound.ts';
import { collectInboundPart } from '../inbound-parts.ts';
import { applyStatusChanges } from '../status.ts';
import { VALIDITY_EXPIRED } from '../problems.ts';
import { createDispatcher, DEFAULT_DISPATCH } from './dispatcher.ts';
import { watchHolds } from '../../fraud/hold-watcher.ts';
import { failOverOverdue } from '../failover.ts';
import { createSendPolicies } from '../../send-policy/order.ts';
import type { SendPolicyEngine } from '../../send-policy/engine.ts';
import { createWhatsAppDirectory } from '../../channels/whatsapp/directory.ts';
import { createWhatsAppSendCounters } from '../../channels/whatsapp/send-counters.ts';
import { applyReceipts, keepPending, retryPendingReceipts } from './receipts.ts';
import { retryPendingWhatsAppStatuses } from '../whatsapp-statuses.ts';
import type { Receipt } from '../../channels/link.ts';
import { dueScheduled, expiredQueued, releaseLeases } from './claim.ts';

const LEADER_LOCK = 7_263_010;
const SWEEP_MS = 1000;

export interface MessagingRuntimeOptions {
  /** For the leader lock's own connection. */
  databaseUrl: string;
  makeLink: LinkFactory;
  hasher: SubjectHasher;
  /** Started once leadership is won (the sandbox SMSC); returns its stop function. */
  onLead?: () => Promise<() => Promise<void>>;
  tickMs?: number;
}

export interface MessagingRuntime {
  isLeader(): boolean;
  stop(): Promise<void>;
}

export function startMessagingRuntime(ctx: Context, opts: MessagingRuntimeOptions): MessagingRuntime {
  const worker = { id: `${process.pid}-${crypto.randomBytes(3).toString('hex')}`, startedAt: ctx.clock.now() };
  // Two stages on the way out: dispatching stops (in-flight sends finish, binds close), then
  // leading, so the sandbox SMSC outlives the binds to it.
  let stopping = false;
  let stopped = false;
  let leader = false;
  const wakes = { dispatch: undefined as (() => void) | undefined, lead: undefined as (() => void) | undefined };
  // SMS fallbacks of WhatsApp messages pass the send policies here (dispatcher, overdue sweep).
  const policies = createSendPolicies(ctx);

  const dispatching = (async () => {
    while (!stopping) {
      try {
        await dispatch(
          ctx,
          opts,
          worker,
          policies,
          () => stopping,
          (w) => (wakes.dispatch = w),
        );
      } catch (err) {
        ctx.log.error({ err }, 'dispatching stopped on an error; starting again');
      }
      if (!stopping) await sleep(2000, (w) => (wakes.dispatch = w));
    }
  })();

  const leading = (async () => {
    while (!stopped) {
      // Not a connection reserved from the pool: one released after the server dropped it
      // leaves the pool unable to run queries (postgres.js 3.4.9, porsager/postgres#1199).
      const conn = openPool(opts.databaseUrl, { max: 1, idleTimeoutSeconds: 0 });
      const [row] = await conn`select pg_try_advisory_lock(${LEADER_LOCK}) as ok`.catch(() => [{ ok: false }]);
      if (row?.ok) {
        leader = true;
        try {
          await lead(conn);
        } catch (err) {
          ctx.log.error({ err }, 'messaging leader stopped on an error; campaigning again');
        } finally {
          leader = false;
          await conn`select pg_advisory_unlock(${LEADER_LOCK})`.catch(() => {});
        }
      }
      await conn.end({ timeout: 1 }).catch(() => {});
      if (!stopped) await sleep(2000, (w) => (wakes.lead = w));
    }
  })();

  /** Throws when the lock's session is gone (the database restarted): another worker may lead now. */
  async function checkLock(conn: Sql): Promise<void> {
    const [row] = await conn<{ held: boolean }[]>`
      select exists (select 1 from pg_locks where locktype = 'advisory' and classid = 0 and objid = ${LEADER_LOCK}
                     and objsubid = 1 and pid = pg_backend_pid() and granted) as held`;
    if (!row?.held) throw new Error('the leader lock was lost with its database session');
  }

  async function lead(lock: Sql): Promise<void> {
    // Whatever a dead worker held is sent again, now.
    await sweep();
    const stopSandbox = opts.onLead ? await opts.onLead() : async () => {};
    try {
      while (!stopped) {
        await checkLock(lock);
        await sweep();
        await sleep(SWEEP_MS, (w) => (wakes.lead = w));
      }
    } finally {
      await stopSandbox();
    }
  }

  async function sweep(): Promise<void> {
    const now = ctx.clock.now();
    await withTransaction(ctx.sql, async (tx) => {
      const released = await releaseLeases(tx, now, await liveWorkers(tx, now));
      await emitEvents(
        tx,
        released.map((m) => ({
          accountId: m.accountId,
          type: 'message.queued',
          objectType: 'message',
          objectId: m.id,
          at: now,
          data: { status: 'queued', channel: 'sms', connectorId: null, errorCode: null },
        })),
      );
      const due = await dueScheduled(tx, now, 1000);
      await applyStatusChanges(
        tx,
        due.map((m) => ({
          accountId: m.accountId,
          messageId: m.id,
          status: 'queued',
          channel: 'sms',
          at: now,
          nextAttemptAt: now,
        })),
      );
      const expired = await expiredQueued(tx, now, 1000);
      await applyStatusChanges(
        tx,
        expired.map((m) => ({
          accountId: m.accountId,
          messageId: m.id,
          status: 'expired',
          channel: 'sms',
          at: now,
          error: VALIDITY_EXPIRED,
        })),
      );
      await retryPendingReceipts(tx, now);
      await retryPendingWhatsAppStatuses(ctx, tx, policies, now);
      await failOverOverdue(ctx, tx, policies, now);
    });
  }

  return {
    isLeader: () => leader,
    async stop() {
      stopping = true;
      wakes.dispatch?.();
      await dispatching;
      stopped = true;
      wakes.lead?.();
      await leading;
      await policies.stop();
    },
  };
}

/** One worker's dispatching, until `done()`: its binds, the dispatcher, receipts and inbound. */
async function dispatch(
  ctx: Context,
  opts: MessagingRuntimeOptions,
  worker: { id: string; startedAt: Date },
  policies: SendPolicyEngine,
  done: () => boolean,
  onSleep: (wake: () => void) => void,
): Promise<void> {
  let wake: (() => void) | undefined;
  const inboundPrices = cachedPriceBook(ctx.sql);
  const receipts = new GroupCommit<Receipt>(
    (rows) => withTransaction(ctx.sql, async (tx) => keepPending(tx, await applyReceipts(tx, rows, ctx.clock.now()))),
    { maxWaitMs: 10, maxRows: 2000, concurrency: 2 },
  );
  const handlers: LinkHandlers = {
    onReceipt: (r) => receipts.add([r]),
    onInbound: async (m) => {
      const text = m.part ? await collectInboundPart(ctx.sql, { ...m, part: m.part }) : m.text;
      if (text !== undefined)
        await receiveSms(ctx, opts.hasher, inboundPrices, {
          from: m.from,
          to: m.to,
          text,
          connectorId: m.connectorId,
          at: m.at,
        });
    },
  };
  const pool = createConnectorPool(ctx, handlers, opts.makeLink, worker);
  // Holds are known before the first claim, so a worker never submits past one.
  const holds = await watchHolds(ctx, worker.id);
  const whatsapp = createWhatsAppDirectory(ctx);
  const whatsappCounters = createWhatsAppSendCounters();
  const dispatcher = createDispatcher(ctx, pool, {
    ...DEFAULT_DISPATCH,
    worker: worker.id,
    holds: holds.current,
    whatsapp,
    whatsappCounters,
    policies,
    onRoom: () => wake?.(),
  });
  // New queued messages (or a sandbox inbound request): claim now rather than at the next tick.
  const listener = await ctx.sql
    .listen('cx_events', (payload) => {
      const notice = readEventsNotice(payload);
      if (!notice || notice.types.includes('message.queued')) wake?.();
    })
    .catch(() => undefined);
  // A route, connector or number changed anywhere: rebuild the router and binds before the next claim.
  let configChanged = false;
  const configListener = await ctx.sql
    .listen('cx_config', () => {
      configChanged = true;
      wake?.();
    })
    .catch(() => undefined);
  let lastSync = 0;
  try {
    while (!done()) {
      const now = Date.now();
      if (configChanged || now - lastSync > BIND_SYNC_MS) {
        configChanged = false;
        await pool.refresh();
        await pool.reportStatus(whatsappCounters.reports());
        lastSync = now;
      }
      const took = pool.ready() ? await dispatcher.tick() : 0;
      if (took === 0) {
        await sleep(Math.min(opts.tickMs ?? 250, BIND_SYNC_MS), (w) => {
          wake = w;
          onSleep(w);
        });
      }
    }
  } finally {
    await listener?.unlisten().catch(() => {});
    await configListener?.unlisten().catch(() => {});
    await dispatcher.drain();
    await whatsapp.close();
    await holds.stop();
    await pool.close();
    await receipts.drain();
    await leaveWorkers(ctx.sql, worker.id).catch((err: unknown) =>
      ctx.log.warn({ err }, 'could not give up the binds; their leases run out'),
    );
  }
}

function sleep(ms: number, register: (wake: () => void) => void): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    register(() => {
      clearTimeout(t);
      resolve();
    });
  });
}
