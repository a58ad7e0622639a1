// The messaging side of the worker role. One worker of the cluster leads (advisory lock held
// on its own connection): it binds the connectors, runs the sandbox SMSC, dispatches and
// sweeps. Route and connector changes reach it by notification (cx_config), not by a timer.
// When it dies its lock goes with its connection and another worker takes over; messages it
// held come back when their lease expires. The lock lives on a connection of its own, checked
// every sweep: a leader whose lock went with a database restart stops leading.
import { cachedPriceBook } from '../../billing/price-book.ts';
import crypto from 'node:crypto';
import type { Context } from '../../context.ts';
import { withTransaction } from '../../db/tx.ts';
import { openPool, type Sql } from '../../db/pool.ts';
import { emitEvents, readEventsNotice } from '../../platform/events.ts';
import type { LinkHandlers } from '../../channels/link.ts';
import { createConnectorPool, type LinkFactory } from '../../connectors/pool.ts';
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
import { createWhatsAppDirectory } from '../../channels/whatsapp/directory.ts';
import { createWhatsAppSendCounters } from '../../channels/whatsapp/send-counters.ts';
import { applyReceipts, keepPending, retryPendingReceipts } from './receipts.ts';
import { retryPendingWhatsAppStatuses } from '../whatsapp-statuses.ts';
import type { Receipt } from '../../channels/link.ts';
import { dueScheduled, expiredQueued, releaseLeases } from './claim.ts';

const LEADER_LOCK = 7_263_010;

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
  const worker = `${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  let stopped = false;
  let leading: Promise<void> | undefined;
  let leader = false;
  let wake: (() => void) | undefined;
  // SMS fallbacks of WhatsApp messages pass the send policies here (dispatcher, overdue sweep).
  const policies = createSendPolicies(ctx);

  const campaign = async () => {
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
      if (!stopped) await sleep(2000, (w) => (wake = w));
    }
  };

  /** Throws when the lock's session is gone (the database restarted): another worker may lead now. */
  async function checkLock(conn: Sql): Promise<void> {
    const [row] = await conn<{ held: boolean }[]>`
      select exists (select 1 from pg_locks where locktype = 'advisory' and classid = 0 and objid = ${LEADER_LOCK}
                     and objsubid = 1 and pid = pg_backend_pid() and granted) as held`;
    if (!row?.held) throw new Error('the leader lock was lost with its database session');
  }

  async function lead(lock: Sql): Promise<void> {
    // Whatever the previous leader held when it died is ours to send again, now.
    await sweep({ takeOverLeases: true });
    const stopSandbox = opts.onLead ? await opts.onLead() : async () => {};
    const inboundPrices = cachedPriceBook(ctx.sql);
    const receipts = new GroupCommit<Receipt>((rows) => withTransaction(ctx.sql, async (tx) => keepPending(tx, await applyReceipts(tx, rows, ctx.clock.now()))), { maxWaitMs: 10, maxRows: 2000, concurrency: 2 });
    const handlers: LinkHandlers = {
      onReceipt: (r) => receipts.add([r]),
      onInbound: async (m) => {
        const text = m.part ? await collectInboundPart(ctx.sql, { ...m, part: m.part }) : m.text;
        if (text !== undefined) await receiveSms(ctx, opts.hasher, inboundPrices, { from: m.from, to: m.to, text, connectorId: m.connectorId, at: m.at });
      },
    };
    const pool = createConnectorPool(ctx, handlers, opts.makeLink);
    // Holds are known before the first claim, so a new leader never submits past one.
    const holds = await watchHolds(ctx, worker);
    const whatsapp = createWhatsAppDirectory(ctx);
    const whatsappCounters = createWhatsAppSendCounters();
    const dispatcher = createDispatcher(ctx, pool, { ...DEFAULT_DISPATCH, worker, holds: holds.current, whatsapp, whatsappCounters, policies });
    // New queued messages (or a sandbox inbound request): claim now rather than at the next tick.
    const listener = await ctx.sql.listen('cx_events', (payload) => {
      const notice = readEventsNotice(payload);
      if (!notice || notice.types.includes('message.queued')) wake?.();
    }).catch(() => undefined);
    // A route, connector or number changed anywhere: rebuild the router and binds before the next claim.
    let configChanged = false;
    const configListener = await ctx.sql.listen('cx_config', () => {
      configChanged = true;
      wake?.();
    }).catch(() => undefined);
    let lastRefresh = 0;
    let lastSweep = 0;
    try {
      while (!stopped) {
        const now = Date.now();
        if (configChanged || now - lastRefresh > 5000) {
          configChanged = false;
          await pool.refresh();
          await pool.reportStatus(worker, whatsappCounters.reports());
          lastRefresh = now;
        }
        if (now - lastSweep > 1000) {
          await checkLock(lock);
          await sweep({ takeOverLeases: false });
          lastSweep = now;
        }
        const took = await dispatcher.tick();
        if (took === 0) await sleep(opts.tickMs ?? 250, (w) => (wake = w));
      }
    } finally {
      await listener?.unlisten().catch(() => {});
      await configListener?.unlisten().catch(() => {});
      await dispatcher.drain();
      await whatsapp.close();
      await holds.stop();
      await pool.close();
      await receipts.drain();
      await stopSandbox();
    }
  }

  async function sweep(opts: { takeOverLeases: boolean }): Promise<void> {
    const now = ctx.clock.now();
    await withTransaction(ctx.sql, async (tx) => {
      const released = await releaseLeases(tx, now, { all: opts.takeOverLeases });
      await emitEvents(tx, released.map((m) => ({ accountId: m.accountId, type: 'message.queued', objectType: 'message', objectId: m.id, at: now, data: { status: 'queued', channel: 'sms', connectorId: null, errorCode: null } })));
      const due = await dueScheduled(tx, now, 1000);
      await applyStatusChanges(tx, due.map((m) => ({ accountId: m.accountId, messageId: m.id, status: 'queued', channel: 'sms', at: now, nextAttemptAt: now })));
      const expired = await expiredQueued(tx, now, 1000);
      await applyStatusChanges(tx, expired.map((m) => ({ accountId: m.accountId, messageId: m.id, status: 'expired', channel: 'sms', at: now, error: VALIDITY_EXPIRED })));
      await retryPendingReceipts(tx, now);
      await retryPendingWhatsAppStatuses(ctx, tx, policies, now);
      await failOverOverdue(ctx, tx, policies, now);
    });
  }

  leading = campaign();
  return {
    isLeader: () => leader,
    async stop() {
      stopped = true;
      wake?.();
      await leading;
      await policies.stop();
    },
  };
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
