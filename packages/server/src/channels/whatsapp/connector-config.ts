// A WhatsApp connector is one WhatsApp Business Account on the Cloud API. Its token, app
// secret and webhook verify token are write-only and stored encrypted (one sealed JSON); the
// Graph base URL and version are settings, so the sandbox simulator or a proxy can stand in.
import { Type, type Static } from 'typebox';

export const WhatsAppConfigInput = Type.Object(
  {
    wabaId: Type.String({ minLength: 1, maxLength: 64, description: 'the WhatsApp Business Account id' }),
    graphBaseUrl: Type.Optional(Type.String({ format: 'uri', maxLength: 500, default: 'https://graph.facebook.com' })),
    graphVersion: Type.Optional(Type.String({ pattern: '^v[0-9]+\\.[0-9]+$', default: 'v21.0' })),
    maxPerSecond: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 1000,
        default: 80,
        description: 'messages per second per number (Meta: 80 by default)',
      }),
    ),
    accessToken: Type.Optional(
      Type.String({ minLength: 1, maxLength: 1000, description: 'write-only; stored encrypted' }),
    ),
    appSecret: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: "write-only; signs Meta's webhooks (X-Hub-Signature-256)",
      }),
    ),
    verifyToken: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: "write-only; answers Meta's webhook subscription handshake",
      }),
    ),
  },
  { additionalProperties: false },
);
export type WhatsAppConfigInput = Static<typeof WhatsAppConfigInput>;

export interface WhatsAppConfig {
  wabaId: string;
  graphBaseUrl: string;
  graphVersion: string;
  maxPerSecond: number;
}

export interface WhatsAppSecrets {
  accessToken: string;
  appSecret: string;
  verifyToken: string;
}

export function whatsAppConfig(c: WhatsAppConfigInput): WhatsAppConfig {
  return {
    wabaId: c.wabaId,
    graphBaseUrl: c.graphBaseUrl ?? 'https://graph.facebook.com',
    graphVersion: c.graphVersion ?? 'v21.0',
    maxPerSecond: c.maxPerSecond ?? 80,
  };
}

/** The secrets given in this input over the stored ones; all three are needed before the connector works. */
export function mergeSecrets(
  stored: Partial<WhatsAppSecrets> | null,
  c: WhatsAppConfigInput,
): Partial<WhatsAppSecrets> {
  return {
    ...stored,
    ...(c.accessToken !== undefined && { accessToken: c.accessToken }),
    ...(c.appSecret !== undefined && { appSecret: c.appSecret }),
    ...(c.verifyToken !== undefined && { verifyToken: c.verifyToken }),
  };
}
