// The dispatcher: claims due messages (high lane first), sends each over its route with
// failover, and records the outcomes in batches. It keeps at most `maxInFlight` messages in its
// hands, so connector queues stay short and a new OTP is claimed within one tick. Every worker
// runs one over the binds it holds; a message whose route wants a connector only another
// worker holds is handed to that one.
import type { Context } from '../../context.ts';
import { withTransaction } from '../../db/tx.ts';
import { emitEvents } from '../../platform/events.ts';
import { LinkError, type SmsLink } from '../../channels/link.ts';
import type { Router } from '../../routing/router.ts';
import { GroupCommit } from '../group-commit.ts';
import { NO_ROUTE, RETRIES_EXHAUSTED, smppRejected } from '../problems.ts';
import { claimDueMessages, handOff, type ClaimedMessage } from './claim.ts';
import { WHATSAPP_SENDER } from '../../connectors/bind-leases.ts';
import { writeOutcomes, type SubmitOutcome } from './outcomes.ts';
import { cachedPriceBook } from '../../billing/price-book.ts';
import { holdReason, NO_HOLDS, type HoldSet } from '../../fraud/holds.ts';
import type { WhatsAppDirectory } from '../../channels/whatsapp/directory.ts';
import { createWhatsAppSend } from './whatsapp-send.ts';
import type { WhatsAppSendCounters } from '../../channels/whatsapp/send-counters.ts';
import { failOverToSms } from '../failover.ts';
import type { SendPolicyEngine } from '../../send-policy/engine.ts';

export interface DispatcherOptions {
  worker: string;
  maxInFlight: number;
  perAccount: number;
  leaseMs: number;
  maxAttempts: number;
  /** The traffic holds in force (fraud/hold-watcher.ts); none when not given. */
  holds?: () => HoldSet;
  /** WhatsApp connectors and numbers; without it WhatsApp messages wait. */
  whatsapp?: WhatsAppDirectory;
  /** Counts WhatsApp sends per connector for connector_status. */
  whatsappCounters?: WhatsAppSendCounters;
  /** The send policies a WhatsApp message's SMS fallback passes. */
  policies: SendPolicyEngine;
  /** Called when the dispatcher was full and has room again: claim now, not at the next tick. */
  onRoom?: () => void;
}

export const DEFAULT_DISPATCH: Omit<DispatcherOptions, 'worker' | 'policies'> = {
  maxInFlight: 2000,
  perAccount: 500,
  leaseMs: 60_000,
  maxAttempts: 20,
};

/** The binds this worker holds and what the others hold (connectors/pool.ts). */
export interface LinkSource {
  link(connectorId: string): SmsLink | undefined;
  router(): Router;
  holds(connectorId: string): boolean;
  usableElsewhere(connectorId: string): boolean;
  onlyElsewhere(): string[];
  capacity(): number;
}

export interface Dispatcher {
  /** Claims and starts sending; returns how many messages it took. */
  tick(): Promise<number>;
  inFlight(): number;
  /** Stops claiming, waits for messages in hand, writes their outcomes. */
  drain(): Promise<void>;
}

export function createDispatcher(ctx: Context, links: LinkSource, opts: DispatcherOptions): Dispatcher {
  let inFlight = 0;
  let full = false;
  let draining = false;
  const settled: (() => void)[] = [];
  // Outcomes commit synchronously (the contract): a submit_sm_resp id that a receipt will name
  // must survive a crash, or the receipt finds no part and the message stays `sent`.
  const prices = cachedPriceBook(ctx.sql);
  const outcomes = new GroupCommit<SubmitOutcome>(
    async (rows) => {
      const book = await prices();
      await withTransaction(ctx.sql, async (tx) => {
        await writeOutcomes(tx, rows, book);
        const failover = rows.filter((o) => o.kind === 'failover');
        if (failover.length)
          await failOverToSms(
            ctx,
            tx,
            opts.policies,
            failover.map((o) => o.msg),
            ctx.clock.now(),
          );
      });
    },
    { maxWaitMs: 10, maxRows: 2000, concurrency: 2 },
  );

  async function tick(): Promise<number> {
    if (draining) return 0;
    const limit = Math.min(opts.maxInFlight, links.capacity());
    let room = limit - inFlight;
    if (room <= 0) {
      full = true;
      return 0;
    }
    const now = ctx.clock.now();
    // A claim may skip the WAL flush wait: no answer to anyone depends on it, and the outcome's
    // synchronous commit flushes it too. Lost in a database crash before that, the message is
    // queued again: sent twice at most, within the in-flight bound any crash allows.
    const claimed = await withTransaction(ctx.sql, async (tx) => {
      await tx`set local synchronous_commit = off`;
      const claim = {
        now,
        leaseMs: opts.leaseMs,
        worker: opts.worker,
        perAccount: opts.perAccount,
        theirs: links.onlyElsewhere(),
      };
      const high = await claimDueMessages(tx, { ...claim, limit: room, lane: 'high' });
      room -= high.length;
      const normal = room > 0 ? await claimDueMessages(tx, { ...claim, limit: room, lane: 'normal' }) : [];
      // Each message is routed once: the route decides where it goes and what send() tries.
      const kept: { msg: ClaimedMessage; targets: string[] }[] = [];
      const handed: { accountId: string; id: string; via: string }[] = [];
      for (const m of [...high, ...normal]) {
        const targets = m.channel === 'whatsapp' ? [] : routeOf(m);
        const via = belongsElsewhere(m, targets);
        if (via) handed.push({ accountId: m.accountId, id: m.id, via });
        else kept.push({ msg: m, targets });
      }
      await handOff(tx, handed, now);
      await emitEvents(
        tx,
        kept.map(({ msg: m }) => ({
          accountId: m.accountId,
          type: 'message.sending',
          objectType: 'message',
          objectId: m.id,
          at: now,
          data: { status: 'sending', channel: m.channel, connectorId: null, errorCode: null },
        })),
      );
      return kept;
    });
    for (const { msg, targets } of claimed) {
      inFlight++;
      void send(msg, targets)
        .then((o) => outcomes.add([o]))
        .catch((err: unknown) =>
          ctx.log.error({ err, messageId: msg.id }, 'could not record a send outcome; the lease will requeue it'),
        )
        .finally(() => {
          inFlight--;
          if (full && inFlight <= limit / 2) {
            full = false;
            opts.onRoom?.();
          }
          if (inFlight === 0) settled.splice(0).forEach((r) => r());
        });
    }
    return claimed.length;
  }

  /**
   * The connector another worker holds that this message's route wants first, if it must go
   * there: the first target bound here keeps it; a target only another worker holds (and does
   * not report down) takes it.
   * Nowhere bound: it stays, and send() retries or fails over as it would with one worker.
   */
  function routeOf(msg: ClaimedMessage): string[] {
    return links.router().route({ accountId: msg.accountId, to: msg.toNumber, sandboxOnly: msg.keyMode === 'test' });
  }

  function belongsElsewhere(msg: ClaimedMessage, targets: string[]): string | undefined {
    if (msg.channel === 'whatsapp')
      return !links.holds(WHATSAPP_SENDER) && links.usableElsewhere(WHATSAPP_SENDER) ? WHATSAPP_SENDER : undefined;
    const heldConnectors = (opts.holds ?? (() => NO_HOLDS))().connectors;
    for (const id of targets) {
      if (heldConnectors.has(id)) continue;
      // Held here too: ours while bound; while it is down here, the next target's (no hand-off to
      // itself, which this worker would claim back).
      if (links.holds(id)) {
        if (links.link(id)?.health().state === 'bound') return undefined;
        continue;
      }
      if (links.usableElsewhere(id)) return id;
    }
    return undefined;
  }

  const backoffMs = (attempts: number) => Math.min(60_000, 1000 * 2 ** Math.min(attempts, 6));
  const sendWhatsApp =
    opts.whatsapp &&
    createWhatsAppSend(ctx, {
      directory: opts.whatsapp,
      holds: opts.holds ?? (() => NO_HOLDS),
      backoffMs,
      leaseMs: opts.leaseMs,
      counters: opts.whatsappCounters,
    });

  /** `targets`: the message's route, in the order to try (routeOf, at the claim). */
  async function send(msg: ClaimedMessage, targets: string[]): Promise<SubmitOutcome> {
    const startedAt = ctx.clock.now();
    const at = () => ctx.clock.now();
    const holds = opts.holds ?? (() => NO_HOLDS);
    const held = holdReason(holds(), msg, null);
    if (held) return { kind: 'held', msg, reason: held, startedAt, at: at() };
    if (msg.channel === 'whatsapp') {
      if (msg.attempts > opts.maxAttempts)
        return { kind: 'failed', msg, connectorId: null, error: RETRIES_EXHAUSTED, startedAt, at: at() };
      return sendWhatsApp ? sendWhatsApp(msg, startedAt) : retry(msg, null, startedAt, backoffMs(msg.attempts), null);
    }
    if (targets.length === 0) return { kind: 'failed', msg, connectorId: null, error: NO_ROUTE, startedAt, at: at() };
    const text = msg.body ? (await ctx.keyring.decrypt(msg.accountId, msg.body)).toString('utf8') : '';
    let lastConnector: string | null = null;
    let connectorHeld: string | null = null;
    for (const connectorId of targets) {
      // A held connector is passed over like a down one; if no other can take it, the message waits held.
      if (holds().connectors.has(connectorId)) {
        connectorHeld ??= `connector:${connectorId}`;
        continue;
      }
      const link = links.link(connectorId);
      if (link?.health().state !== 'bound') continue; // down: fail over to the next one
      lastConnector = connectorId;
      try {
        const smscIds = await link.send({
          to: msg.toNumber,
          from: msg.fromNumber,
          text,
          encoding: msg.encoding === 'UCS-2' ? 'UCS-2' : 'GSM-7',
          validUntil: msg.validUntil,
          receipt: true,
          gate: () => holdReason(holds(), msg, connectorId),
        });
        return { kind: 'sent', msg, connectorId, smscIds, startedAt, at: at() };
      } catch (err) {
        if (!(err instanceof LinkError)) throw err;
        if (err.held) return { kind: 'held', msg, reason: err.held, startedAt, at: at() };
        if (!err.transient)
          return { kind: 'failed', msg, connectorId, error: smppRejected(err.commandStatus ?? 0), startedAt, at: at() };
        if (err.throttled) return retry(msg, connectorId, startedAt, 1000, null);
        // Transient: try the next connector of the route.
      }
    }
    if (connectorHeld && lastConnector === null)
      return { kind: 'held', msg, reason: connectorHeld, startedAt, at: at() };
    if (msg.attempts >= opts.maxAttempts)
      return { kind: 'failed', msg, connectorId: lastConnector, error: RETRIES_EXHAUSTED, startedAt, at: at() };
    return retry(msg, lastConnector, startedAt, backoffMs(msg.attempts), null);
  }

  function retry(
    msg: ClaimedMessage,
    connectorId: string | null,
    startedAt: Date,
    delayMs: number,
    error: null,
  ): SubmitOutcome {
    const now = ctx.clock.now();
    return {
      kind: 'retry',
      msg,
      connectorId,
      error,
      nextAttemptAt: new Date(now.getTime() + delayMs),
      startedAt,
      at: now,
    };
  }

  return {
    tick,
    inFlight: () => inFlight,
    async drain() {
      draining = true;
      if (inFlight > 0) await new Promise<void>((r) => settled.push(r));
      await outcomes.drain();
    },
  };
}
