// An SMPP connector as the dispatcher sees it (channels/link.ts): turns an outbound SMS into
// submit_sm PDUs on one bind, and deliver_sm into receipts and inbound messages.
import type { PDU, PduFields } from 'smpp';
import type { Logger } from 'pino';
import { LinkError, type LinkHandlers, type LinkHealth, type OutboundSms, type SmsLink } from '../link.ts';
import { splitForSms } from '../../messaging/text-analysis.ts';
import type { SmppConfig } from '../../connectors/config.ts';
import { SmppSession } from './session.ts';
import { concatInfo, isReceipt, messageText, normalizeAddress, parseReceipt } from './receipt.ts';

export interface SmppLinkOptions {
  connectorId: string;
  config: SmppConfig;
  password: string;
  handlers: LinkHandlers;
  log: Logger;
}

/** Source address TON/NPI (SMPP 3.4 5.2.5/5.2.6): alphanumeric 5/0, E.164 1/1 without '+', short code 3/0. */
export function sourceAddress(from: string | null): PduFields {
  if (!from) return {};
  if (from.startsWith('+')) return { source_addr: from.slice(1), source_addr_ton: 1, source_addr_npi: 1 };
  if (/^[0-9]+$/.test(from)) return { source_addr: from, source_addr_ton: 3, source_addr_npi: 0 };
  return { source_addr: from, source_addr_ton: 5, source_addr_npi: 0 };
}

export function createSmppLink(opts: SmppLinkOptions): SmsLink {
  const { config, connectorId, handlers } = opts;
  const log = opts.log.child({ connectorId });
  const counters = { submitted: 0, failed: 0, receipts: 0 };
  let reference = Math.floor(Math.random() * 256);
  const tps = tokenBucket(config.maxPerSecond);

  const onDeliver = async (pdu: PDU): Promise<void> => {
    const at = new Date();
    if (isReceipt(pdu)) {
      const r = parseReceipt(pdu);
      if (!r) return log.warn('receipt without a message id or state; acknowledged and dropped');
      counters.receipts++;
      return handlers.onReceipt({ connectorId, smscId: r.smscId, stat: r.stat, err: r.err, at });
    }
    const part = concatInfo(pdu);
    return handlers.onInbound({
      connectorId, at, text: messageText(pdu),
      from: normalizeAddress(String(pdu.source_addr ?? ''), Number(pdu.source_addr_ton) || 0),
      to: normalizeAddress(String(pdu.destination_addr ?? ''), Number(pdu.dest_addr_ton) || 0),
      ...(part && { part }),
    });
  };

  const base = {
    host: config.host, port: config.port, tls: config.tls, systemId: config.systemId, password: opts.password,
    systemType: config.systemType, windowSize: config.windowSize, responseTimeoutMs: config.responseTimeoutSeconds * 1000,
    enquireLinkMs: config.enquireLinkSeconds * 1000, reconnectMaxMs: config.reconnectMaxSeconds * 1000, log, onDeliver,
  };
  // transmitter_receiver: submits on a transmitter, receipts and MO on a separate receiver bind.
  const tx = new SmppSession({ ...base, bindMode: config.bindMode === 'transceiver' ? 'transceiver' : 'transmitter' });
  const rx = config.bindMode === 'transmitter_receiver' ? new SmppSession({ ...base, bindMode: 'receiver' }) : undefined;

  return {
    connectorId,
    async send(sms: OutboundSms): Promise<string[]> {
      const parts = splitForSms(sms.text, sms.encoding);
      const common: PduFields = {
        ...sourceAddress(sms.from),
        destination_addr: sms.to.replace(/^\+/, ''), dest_addr_ton: 1, dest_addr_npi: 1,
        // Always explicit: left empty, the package would label GSM text as IA5 (0x01).
        data_coding: sms.encoding === 'UCS-2' ? 0x08 : 0x00,
        registered_delivery: sms.receipt ? 1 : 0,
        ...(sms.validUntil && { validity_period: sms.validUntil }),
      };
      reference = (reference + 1) % 256;
      const ref = reference;
      try {
        // All parts on this one bind, concurrently inside its window.
        const ids = await Promise.all(parts.map(async (text, i) => {
          await tps();
          const short_message = parts.length === 1 ? text : { udh: Buffer.from([0x05, 0x00, 0x03, ref, parts.length, i + 1]), message: text };
          return tx.submit({ ...common, short_message });
        }));
        counters.submitted += parts.length;
        return ids;
      } catch (err) {
        counters.failed++;
        if (err instanceof LinkError) throw err;
        throw new LinkError((err as Error).message, { transient: true });
      }
    },
    health(): LinkHealth {
      const states = [tx.state, ...(rx ? [rx.state] : [])];
      const state = states.every((s) => s === 'bound') ? 'bound' : states.some((s) => s === 'connecting') ? 'connecting' : 'down';
      return { state, outstanding: tx.inFlight, ...counters, lastError: tx.lastError ?? rx?.lastError ?? null };
    },
    async close() {
      await Promise.all([tx.close(), rx?.close()]);
    },
  };
}

/** At most `perSecond` submits per second (the operator's TPS contract); null = no cap. */
function tokenBucket(perSecond: number | null): () => Promise<void> {
  if (!perSecond) return async () => {};
  let tokens = perSecond;
  let last = Date.now();
  return async function take(): Promise<void> {
    for (;;) {
      const now = Date.now();
      tokens = Math.min(perSecond, tokens + ((now - last) / 1000) * perSecond);
      last = now;
      if (tokens >= 1) {
        tokens--;
        return;
      }
      await new Promise((r) => setTimeout(r, Math.ceil(((1 - tokens) / perSecond) * 1000)));
    }
  };
}
