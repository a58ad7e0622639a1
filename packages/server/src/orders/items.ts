// What an order can contain: the services whose acceptance the platform can carry out itself.
import { Type, type Static } from 'typebox';
import { MAX_AMOUNT_MINOR } from '../http/schemas.ts';

const Currency = Type.String({ pattern: '^[A-Z]{3}$' });
const Prefix = Type.String({ pattern: '^\\+[0-9]{0,15}$', description: '"+" for every destination' });

export const OrderItemSchema = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('sms_limit'),
      smsLimit: Type.Union([Type.Integer({ minimum: 1, maximum: 1_000_000_000 }), Type.Null()], {
        description: 'null: no limit',
      }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('number'),
      number: Type.String({ minLength: 3, maxLength: 32, description: 'E.164 number or short code' }),
      channels: Type.Array(Type.Union([Type.Literal('sms'), Type.Literal('whatsapp')]), {
        minItems: 1,
        uniqueItems: true,
      }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('connector_access'),
      connectorId: Type.String({ minLength: 1, maxLength: 64 }),
      prefix: Type.Optional(Prefix),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('price'),
      channel: Type.Union([Type.Literal('sms'), Type.Literal('whatsapp')]),
      direction: Type.Optional(Type.Union([Type.Literal('outbound'), Type.Literal('inbound')])),
      prefix: Prefix,
      unitPriceMicros: Type.Integer({
        minimum: 0,
        maximum: 1_000_000_000,
        description: 'fixed price per unit, excluding VAT, untouched by list price changes',
      }),
      currency: Currency,
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('deposit'),
      amountMinor: Type.Integer({ minimum: 1, maximum: MAX_AMOUNT_MINOR }),
      currency: Currency,
      dueOn: Type.Optional(
        Type.String({
          format: 'date',
          description: 'the last day to pay (default: the payment terms from acceptance)',
        }),
      ),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('fee'),
      description: Type.String({ minLength: 1, maxLength: 200 }),
      quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
      unitPriceMinor: Type.Integer({ minimum: 0 }),
      currency: Currency,
    },
    { additionalProperties: false, description: 'a one-off charge, invoiced when the order is accepted' },
  ),
]);
export type OrderItem = Static<typeof OrderItemSchema>;
