// SMPP connector settings: what operators can configure, with the defaults we apply.
import { Type, type Static } from 'typebox';

export const SmppConfigInput = Type.Object(
  {
    host: Type.String({ minLength: 1, maxLength: 255 }),
    port: Type.Integer({ minimum: 1, maximum: 65535 }),
    tls: Type.Optional(Type.Boolean({ default: false })),
    systemId: Type.String({ minLength: 1, maxLength: 16 }),
    password: Type.Optional(Type.String({ maxLength: 9, description: 'write-only; stored encrypted' })),
    systemType: Type.Optional(Type.String({ maxLength: 13, default: '' })),
    bindMode: Type.Optional(
      Type.Union([Type.Literal('transceiver'), Type.Literal('transmitter_receiver')], { default: 'transceiver' }),
    ),
    windowSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 10 })),
    binds: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 10,
        default: 1,
        description: 'submitting binds held at once (if the operator allows several)',
      }),
    ),
    maxPerSecond: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1, maximum: 100000 }), Type.Null()], { default: null }),
    ),
    enquireLinkSeconds: Type.Optional(Type.Integer({ minimum: 5, maximum: 600, default: 30 })),
    responseTimeoutSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 120, default: 10 })),
    reconnectMaxSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 3600, default: 60 })),
    dataCoding0: Type.Optional(
      Type.Union([Type.Literal('gsm7'), Type.Literal('latin1')], {
        default: 'gsm7',
        description: 'what data_coding 0 means on this SMSC: GSM 03.38 (most) or ISO-8859-1',
      }),
    ),
    receiptIdFormat: Type.Optional(
      Type.Union([Type.Literal('same'), Type.Literal('hex-to-decimal'), Type.Literal('decimal-to-hex')], {
        default: 'same',
        description:
          "how receipt ids relate to submit_sm_resp ids, like Kannel's msg-id-type: same (leading zeros and case aside), or converted (hex-to-decimal: resp ids hex, receipt ids decimal; or the reverse). Never guessed.",
      }),
    ),
    longMessageMode: Type.Optional(
      Type.Union([Type.Literal('udh8'), Type.Literal('udh16'), Type.Literal('sar'), Type.Literal('payload')], {
        default: 'udh8',
        description: 'long messages: UDH with 8- or 16-bit reference, SAR TLVs, or one PDU with message_payload',
      }),
    ),
  },
  { additionalProperties: false },
);
export type SmppConfigInput = Static<typeof SmppConfigInput>;

export interface SmppConfig {
  host: string;
  port: number;
  tls: boolean;
  systemId: string;
  systemType: string;
  bindMode: 'transceiver' | 'transmitter_receiver';
  windowSize: number;
  binds: number;
  maxPerSecond: number | null;
  enquireLinkSeconds: number;
  responseTimeoutSeconds: number;
  reconnectMaxSeconds: number;
  dataCoding0: DefaultAlphabet;
  receiptIdFormat: ReceiptIdFormat;
  longMessageMode: LongMessageMode;
}

export type DefaultAlphabet = 'gsm7' | 'latin1';
/** Like Kannel's msg-id-type: `hex-to-decimal` = resp ids in hex, receipt ids in decimal. */
export type ReceiptIdFormat = 'same' | 'hex-to-decimal' | 'decimal-to-hex';

export type LongMessageMode = 'udh8' | 'udh16' | 'sar' | 'payload';

export function withDefaults(c: Omit<SmppConfigInput, 'password'>): SmppConfig {
  return {
    host: c.host,
    port: c.port,
    tls: c.tls ?? false,
    systemId: c.systemId,
    systemType: c.systemType ?? '',
    bindMode: c.bindMode ?? 'transceiver',
    windowSize: c.windowSize ?? 10,
    binds: c.binds ?? 1,
    maxPerSecond: c.maxPerSecond ?? null,
    enquireLinkSeconds: c.enquireLinkSeconds ?? 30,
    responseTimeoutSeconds: c.responseTimeoutSeconds ?? 10,
    reconnectMaxSeconds: c.reconnectMaxSeconds ?? 60,
    dataCoding0: c.dataCoding0 ?? 'gsm7',
    receiptIdFormat: c.receiptIdFormat ?? 'same',
    longMessageMode: c.longMessageMode ?? 'udh8',
  };
}
