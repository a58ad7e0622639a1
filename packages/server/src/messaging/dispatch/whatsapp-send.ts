// Sending one claimed WhatsApp message through the Cloud API of its sender number's connector:
// within the number's messages-per-second cap (number-pacer.ts), checked against the traffic
// holds just before the request, with Meta's errors mapped to our outcomes (throttling and
// outages retry later; a closed window and permanent errors fail the message with Meta's code).
import type { Context } from '../../context.ts';
import { GraphError } from '../../channels/whatsapp/graph-error.ts';
import { toGraphMessage, type WhatsAppFields } from '../../channels/whatsapp/outbound.ts';
import type { WhatsAppDirectory } from '../../channels/whatsapp/directory.ts';
import { holdReason, type HoldSet } from '../../fraud/holds.ts';
import { NO_WHATSAPP_SENDER, TEST_KEY_SANDBOX_ONLY, WINDOW_CLOSED } from '../problems.ts';
import type { ClaimedMessage } from './claim.ts';
import type { SubmitOutcome } from './outcomes.ts';
import type { MessageError } from '../model.ts';
import { createNumberPacer } from './number-pacer.ts';
import type { WhatsAppSendCounters } from '../../channels/whatsapp/send-counters.ts';

export interface WhatsAppSendOptions {
  directory: WhatsAppDirectory;
  holds: () => HoldSet;
  /** Retry delay after a transient failure, by attempt. */
  backoffMs: (attempts: number) => number;
  /** The claim's lease: a message must be sent well within it, or another claim sends it again. */
  leaseMs: number;
  counters?: WhatsAppSendCounters | undefined;
}

/** 131056 limits one business-customer pair, not the number: only that message waits. */
const PAIR_RATE_LIMIT = 131056;
/** Meta's 130429 comes without Retry-After: the number pauses this long. */
const DEFAULT_THROTTLE_PAUSE_MS = 1000;

export function createWhatsAppSend(ctx: Context, opts: WhatsAppSendOptions) {
  const pacer = createNumberPacer();

  return async function sendWhatsApp(msg: ClaimedMessage, startedAt: Date): Promise<SubmitOutcome> {
    const at = () => ctx.clock.now();
    const sender = msg.fromNumber ? await opts.directory.sender(msg.fromNumber) : undefined;
    if (!sender) return { kind: 'failed', msg, connectorId: null, error: NO_WHATSAPP_SENDER, startedAt, at: at() };
    const connectorId = sender.connectorId;
    const retry = (delayMs: number, error: MessageError | null = null): SubmitOutcome => ({
      kind: 'retry',
      msg,
      connectorId,
      error,
      nextAttemptAt: new Date(at().getTime() + delayMs),
      startedAt,
      at: at(),
    });
    const connector = await opts.directory.connector(connectorId);
    // Disabled, or no token yet: like an SMSC that is down, the message waits for it.
    if (!connector?.client) return retry(opts.backoffMs(msg.attempts));
    if (msg.keyMode === 'test' && !connector.sandbox)
      return { kind: 'failed', msg, connectorId, error: TEST_KEY_SANDBOX_ONLY, startedAt, at: at() };
    const { maxPerSecond } = connector.config;
    // More claimed for this number than its pace sends within half the lease: back to the queue
    // for when its turn would come, unsent (not an attempt), rather than sent twice after the lease.
    const wait = pacer.waitMs(sender.phoneNumberId);
    if (wait > opts.leaseMs / 2)
      return { kind: 'deferred', msg, until: new Date(at().getTime() + wait), startedAt, at: at() };
    await pacer.take(sender.phoneNumberId, maxPerSecond);
    const held = holdReason(opts.holds(), msg, connectorId);
    if (held) return { kind: 'held', msg, reason: held, startedAt, at: at() };
    const fields = JSON.parse(
      msg.body ? (await ctx.keyring.decrypt(msg.accountId, msg.body)).toString('utf8') : '{}',
    ) as WhatsAppFields;
    try {
      const sent = await connector.client.sendMessage(sender.phoneNumberId, toGraphMessage(msg.toNumber, fields));
      pacer.accepted(sender.phoneNumberId, maxPerSecond);
      opts.counters?.submitted(connectorId);
      return { kind: 'sent', msg, connectorId, smscIds: [sent.wamid], startedAt, at: at() };
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      // A throttle is not a refusal: the message goes again (below).
      if (err.kind !== 'throttled') opts.counters?.failed(connectorId, err.title);
      switch (err.kind) {
        case 'throttled': {
          // A throttle is not a failure: the message waits (Retry-After, else a second) and goes again;
          // its attempt keeps Meta's code. The number itself slows down, unless only this pair is limited.
          const pauseMs = err.retryAfterMs ?? DEFAULT_THROTTLE_PAUSE_MS;
          if (err.code !== PAIR_RATE_LIMIT) pacer.throttled(sender.phoneNumberId, pauseMs);
          return retry(pauseMs, {
            code: `whatsapp_${err.code ?? 'throttled'}`,
            title: err.title,
            detail: err.details ?? err.title,
          });
        }
        case 'transient':
        case 'auth':
          return retry(opts.backoffMs(msg.attempts));
        case 'window_closed':
        case 'permanent': {
          const error =
            err.kind === 'window_closed'
              ? WINDOW_CLOSED
              : { code: `whatsapp_${err.code ?? 'error'}`, title: err.title, detail: err.details ?? err.title };
          // With SMS left to try, this attempt fails but the message goes on (failover.ts).
          return { kind: msg.fallback ? 'failover' : 'failed', msg, connectorId, error, startedAt, at: at() };
        }
      }
    }
  };
}
