// Sending one claimed WhatsApp message through the Cloud API of its sender number's connector:
// within the number's messages-per-second cap, checked against the traffic holds just before
// the request, with Meta's errors mapped to our outcomes (throttling and outages retry later;
// a closed window and permanent errors fail the message with Meta's code).
import type { Context } from '../../context.ts';
import { GraphError } from '../../channels/whatsapp/graph-error.ts';
import { toGraphMessage, type WhatsAppFields } from '../../channels/whatsapp/outbound.ts';
import type { WhatsAppDirectory } from '../../channels/whatsapp/directory.ts';
import { holdReason, type HoldSet } from '../../fraud/holds.ts';
import { NO_WHATSAPP_SENDER, TEST_KEY_SANDBOX_ONLY, WINDOW_CLOSED } from '../problems.ts';
import type { ClaimedMessage } from './claim.ts';
import type { SubmitOutcome } from './outcomes.ts';
import type { WhatsAppSendCounters } from '../../channels/whatsapp/send-counters.ts';

export interface WhatsAppSendOptions {
  directory: WhatsAppDirectory;
  holds: () => HoldSet;
  /** Retry delay after a transient failure, by attempt. */
  backoffMs: (attempts: number) => number;
  counters?: WhatsAppSendCounters | undefined;
}

export function createWhatsAppSend(ctx: Context, opts: WhatsAppSendOptions) {
  // Per phone number id: the earliest moment the next message may go (messages-per-second cap).
  const nextSlot = new Map<string, number>();
  const pace = async (phoneNumberId: string, perSecond: number) => {
    const now = Date.now();
    const slot = Math.max(now, nextSlot.get(phoneNumberId) ?? 0);
    nextSlot.set(phoneNumberId, slot + 1000 / perSecond);
    if (slot > now) await new Promise((r) => setTimeout(r, slot - now));
  };

  return async function sendWhatsApp(msg: ClaimedMessage, startedAt: Date): Promise<SubmitOutcome> {
    const at = () => ctx.clock.now();
    const sender = msg.fromNumber ? await opts.directory.sender(msg.fromNumber) : undefined;
    if (!sender) return { kind: 'failed', msg, connectorId: null, error: NO_WHATSAPP_SENDER, startedAt, at: at() };
    const connectorId = sender.connectorId;
    const retry = (delayMs: number): SubmitOutcome => ({ kind: 'retry', msg, connectorId, error: null, nextAttemptAt: new Date(at().getTime() + delayMs), startedAt, at: at() });
    const connector = await opts.directory.connector(connectorId);
    // Disabled, or no token yet: like an SMSC that is down, the message waits for it.
    if (!connector?.client) return retry(opts.backoffMs(msg.attempts));
    if (msg.keyMode === 'test' && !connector.sandbox) return { kind: 'failed', msg, connectorId, error: TEST_KEY_SANDBOX_ONLY, startedAt, at: at() };
    await pace(sender.phoneNumberId, connector.config.maxPerSecond);
    const held = holdReason(opts.holds(), msg, connectorId);
    if (held) return { kind: 'held', msg, reason: held, startedAt, at: at() };
    const fields = JSON.parse(msg.body ? (await ctx.keyring.decrypt(msg.accountId, msg.body)).toString('utf8') : '{}') as WhatsAppFields;
    try {
      const sent = await connector.client.sendMessage(sender.phoneNumberId, toGraphMessage(msg.toNumber, fields));
      opts.counters?.submitted(connectorId);
      return { kind: 'sent', msg, connectorId, smscIds: [sent.wamid], startedAt, at: at() };
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      opts.counters?.failed(connectorId, err.title);
      switch (err.kind) {
        case 'throttled': return retry(err.retryAfterMs ?? 1000);
        case 'transient':
        case 'auth': return retry(opts.backoffMs(msg.attempts));
        case 'window_closed':
        case 'permanent': {
          const error = err.kind === 'window_closed' ? WINDOW_CLOSED : { code: `whatsapp_${err.code ?? 'error'}`, title: err.title, detail: err.details ?? err.title };
          // With SMS left to try, this attempt fails but the message goes on (failover.ts).
          return { kind: msg.fallback ? 'failover' : 'failed', msg, connectorId, error, startedAt, at: at() };
        }
      }
    }
  };
}
