// An SMPP connector as the dispatcher sees it (channels/link.ts): turns an outbound SMS into
// submit_sm PDUs on one bind, and deliver_sm into receipts and inbound messages.
import type { PDU } from 'smpp';
import type { Logger } from 'pino';
import { concatenationUdh, splitForSms } from '@cx-engage/encoding';
import { LinkError, type LinkHandlers, type LinkHealth, type OutboundSms, type SmsLink } from '../link.ts';
import type { LongMessageMode, SmppConfig } from './connector-config.ts';
import { SmppSession, type SessionState, type SmppSessionOptions, type SubmitFields } from './session.ts';
import { SmppError } from './status-codes.ts';
import { dataCodingFor, destinationAddress, normalizeAddress, sourceAddress } from './addresses.ts';
import { parseDeliveryReceipt, isDeliveryReceipt, receiptIdKey } from './receipt.ts';
import { concatInfo, messageText } from './user-data.ts';
import { fitsLatin1, latin1Payload } from './default-alphabet.ts';

export interface SmppLinkOptions {
  connectorId: string;
  config: SmppConfig;
  password: string;
  handlers: LinkHandlers;
  log: Logger;
  /**
   * The binds of the connector this worker holds (connectors/bind-leases.ts): `binds` of `of`
   * submitting binds, the receiver bind with the first of them. The connector's rate is shared
   * in proportion. All of them when not given.
   */
  share?: { binds: number; of: number; receiver: boolean };
}

export function createSmppLink(opts: SmppLinkOptions): SmsLink {
  const { config, connectorId, handlers } = opts;
  const log = opts.log.child({ connectorId });
  const counters = { submitted: 0, failed: 0, receipts: 0 };
  let reference = Math.floor(Math.random() * 256);
  const share = opts.share ?? { binds: config.binds, of: config.binds, receiver: true };
  const tps = tokenBucket(
    config.maxPerSecond === null ? null : Math.max(1, Math.floor((config.maxPerSecond * share.binds) / share.of)),
  );

  const onDeliver = async (pdu: PDU): Promise<void> => {
    const at = new Date();
    if (isDeliveryReceipt(pdu) || pdu.receipted_message_id) {
      const r = parseDeliveryReceipt(pdu);
      if (!r) return log.warn('receipt without a message id or state; acknowledged and dropped');
      counters.receipts++;
      return handlers.onReceipt({
        connectorId,
        smscId: receiptIdKey(r.messageId, config.receiptIdFormat),
        stat: r.stat,
        err: r.err,
        at,
      });
    }
    const part = concatInfo(pdu);
    return handlers.onInbound({
      connectorId,
      at,
      text: messageText(pdu),
      from: normalizeAddress(pdu.source_addr ?? '', pdu.source_addr_ton ?? 0),
      to: normalizeAddress(pdu.destination_addr ?? '', pdu.dest_addr_ton ?? 0),
      ...(part && { part }),
    });
  };

  const base: Omit<SmppSessionOptions, 'bindMode'> = {
    host: config.host,
    port: config.port,
    tls: config.tls,
    systemId: config.systemId,
    password: opts.password,
    systemType: config.systemType,
    windowSize: config.windowSize,
    responseTimeoutMs: config.responseTimeoutSeconds * 1000,
    enquireLinkMs: config.enquireLinkSeconds * 1000,
    reconnectMaxMs: config.reconnectMaxSeconds * 1000,
    log,
    onDeliver,
    defaultAlphabet: config.dataCoding0,
  };
  // transmitter_receiver: submits on a transmitter, receipts and MO on a separate receiver bind.
  // `binds` sessions for submitting (an operator may allow several per account); each message
  // goes whole on the least busy bound one.
  const txs = Array.from(
    { length: share.binds },
    () => new SmppSession({ ...base, bindMode: config.bindMode === 'transceiver' ? 'transceiver' : 'transmitter' }),
  );
  const rx =
    config.bindMode === 'transmitter_receiver' && share.receiver
      ? new SmppSession({ ...base, bindMode: 'receiver' })
      : undefined;
  const pickBind = () => {
    const bound = txs.filter((t) => t.state === 'bound');
    return (
      bound.reduce<SmppSession | undefined>(
        (best, t) => (!best || t.health().outstanding < best.health().outstanding ? t : best),
        undefined,
      ) ?? txs[0]!
    );
  };

  return {
    connectorId,
    window: config.windowSize * share.binds,
    async send(sms: OutboundSms): Promise<string[]> {
      // An SMSC reading data_coding 0 as Latin-1 gets Latin-1 octets; GSM text it cannot carry goes as UCS-2.
      const latin1 = config.dataCoding0 === 'latin1' && sms.encoding === 'GSM-7';
      const encoding = latin1 && !fitsLatin1(sms.text) ? 'UCS-2' : sms.encoding;
      const parts =
        config.longMessageMode === 'payload'
          ? [sms.text]
          : splitForSms(sms.text, encoding, { reference: config.longMessageMode === 'udh16' ? '16-bit' : '8-bit' });
      const common: Omit<SubmitFields, 'short_message'> = {
        ...(sms.from ? sourceAddress(sms.from) : {}),
        ...destinationAddress(sms.to),
        data_coding: dataCodingFor(encoding),
        registered_delivery: sms.receipt ? 1 : 0,
        ...(sms.validUntil && { validity_period: sms.validUntil }),
      };
      reference = (reference + 1) % 0x10000;
      const ref = reference;
      const tx = pickBind();
      // Every part asks the same memoised gate: the first to enter the window decides for the whole message.
      let verdict: { held: string | null } | undefined;
      const gate =
        sms.gate &&
        (() => {
          verdict ??= { held: sms.gate!() };
          if (verdict.held) throw new LinkError(`held: ${verdict.held}`, { transient: false, held: verdict.held });
        });
      try {
        // All parts on this one bind, concurrently inside its window.
        const ids = await Promise.all(
          parts.map(async (text, i) => {
            await tps();
            const fields = partFields(config.longMessageMode, text, ref, parts.length, i + 1);
            return (
              await tx.submit({ ...common, ...(latin1 && encoding === 'GSM-7' ? asLatin1(fields) : fields) }, gate)
            ).messageId;
          }),
        );
        counters.submitted += parts.length;
        return ids;
      } catch (err) {
        const linkError = toLinkError(err);
        if (!linkError.held) counters.failed++;
        throw linkError;
      }
    },
    health(): LinkHealth {
      // Usable while one submitting bind (and the receiver, if separate) is up.
      const states = [txs.some((t) => t.state === 'bound') ? 'bound' : txs[0]!.state, ...(rx ? [rx.state] : [])];
      const outstanding = txs.reduce((n, t) => n + t.health().outstanding, 0);
      const lastError = txs.map((t) => t.health().lastError).find(Boolean) ?? rx?.health().lastError ?? null;
      return { state: linkState(states), outstanding, ...counters, lastError };
    },
    async close() {
      await Promise.all([...txs.map((t) => t.close()), rx?.close()]);
    },
  };
}

/**
 * How one part travels, per the connector's long-message mode: a concatenation UDH (TS 23.040
 * 9.2.3.24.1 / .8), the SAR TLVs (SMPP 3.4 5.3.2.22-24), or the whole text in message_payload.
 */
type PartFields = Pick<
  SubmitFields,
  'short_message' | 'message_payload' | 'sar_msg_ref_num' | 'sar_total_segments' | 'sar_segment_seqnum'
>;

function partFields(mode: LongMessageMode, text: string, ref: number, total: number, seq: number): PartFields {
  if (mode === 'payload') return { message_payload: text };
  if (total === 1) return { short_message: text };
  if (mode === 'sar')
    return { short_message: text, sar_msg_ref_num: ref, sar_total_segments: total, sar_segment_seqnum: seq };
  const udh =
    mode === 'udh16' ? concatenationUdh(ref, total, seq, '16-bit') : concatenationUdh(ref & 0xff, total, seq, '8-bit');
  return { short_message: { udh, message: text } };
}

function asLatin1(fields: PartFields): PartFields {
  return {
    ...fields,
    ...(fields.short_message !== undefined && { short_message: latin1Payload(fields.short_message) }),
    ...(fields.message_payload !== undefined && { message_payload: latin1Payload(fields.message_payload) }),
  };
}

function linkState(states: SessionState[]): LinkHealth['state'] {
  if (states.every((s) => s === 'bound')) return 'bound';
  return states.some((s) => s === 'connecting') ? 'connecting' : 'down';
}

function toLinkError(err: unknown): LinkError {
  if (err instanceof LinkError) return err;
  if (err instanceof SmppError) {
    return new LinkError(err.message, {
      transient: err.transient,
      throttled: err.throttled,
      commandStatus: err.commandStatus,
    });
  }
  return new LinkError((err as Error).message, { transient: true });
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
