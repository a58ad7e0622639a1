// For tests only (imported by *.test.ts, never by the app). A WhatsApp sandbox: the Cloud
// API simulator, a GraphClient pointed at it, and a real HTTP receiver for its webhooks whose
// every POST is checked with verifySignature and parsed with parseWebhook, as the platform's
// webhook route will do.
import { GraphClient } from '../../channels/whatsapp/graph-client.ts';
import {
  parseTemplateStatusUpdates,
  parseWebhook,
  verifySignature,
  type InboundWhatsApp,
  type StatusUpdate,
  type TemplateStatusUpdate,
} from '../../channels/whatsapp/webhook.ts';
import { startWhatsAppSimulator, type WhatsAppSimulator, type WhatsAppSimulatorOptions } from './simulator.ts';
import { startReceiver, type Receiver } from '../../../test/receiver.ts';
import { waitFor } from '../../../test/wait.ts';
import type { TestPlatform } from '../../../test/harness.ts';

export const TOKEN = 'EAAG-sandbox-token-0123456789';
export const APP_SECRET = 'sandbox-app-secret';
export const PHONE_NUMBER_ID = '106540352242922';
export const WABA_ID = '102290129340398';
export const VERSION = 'v23.0';

export interface WhatsAppSandbox {
  sim: WhatsAppSimulator;
  client: GraphClient;
  receiver: Receiver;
  /** Statuses from correctly signed POSTs so far. */
  statuses(): StatusUpdate[];
  inbound(): InboundWhatsApp[];
  templateUpdates(): TemplateStatusUpdate[];
  /** Waits until `wamid` has `count` statuses, then returns them in arrival order. */
  statusesOf(wamid: string, count: number): Promise<StatusUpdate[]>;
  /** POSTs that failed signature verification. */
  unsigned(): number;
  close(): Promise<void>;
}

export async function startWhatsAppSandbox(over: Partial<WhatsAppSimulatorOptions> = {}): Promise<WhatsAppSandbox> {
  const receiver = await startReceiver();
  const sim = await startWhatsAppSimulator({
    accessToken: TOKEN,
    appSecret: APP_SECRET,
    webhookUrl: receiver.url,
    statusDelayMs: 10,
    webhookRetryDelaysMs: [20, 50],
    phoneNumbers: [{ id: PHONE_NUMBER_ID, wabaId: WABA_ID, displayPhoneNumber: '15550783881' }],
    ...over,
  });
  const client = new GraphClient({ baseUrl: sim.url, version: VERSION, accessToken: TOKEN });
  const verified = () =>
    receiver.received
      .filter((r) => verifySignature(APP_SECRET, Buffer.from(r.body), r.headers['x-hub-signature-256']))
      .map((r) => JSON.parse(r.body) as unknown);
  const statuses = () => verified().flatMap((b) => parseWebhook(b).statuses);
  return {
    sim,
    client,
    receiver,
    statuses,
    inbound: () => verified().flatMap((b) => parseWebhook(b).inbound),
    templateUpdates: () => verified().flatMap(parseTemplateStatusUpdates),
    statusesOf: (wamid, count) =>
      waitFor(
        async () => {
          const mine = statuses().filter((s) => s.wamid === wamid);
          return mine.length >= count ? mine : undefined;
        },
        `${count} statuses for ${wamid}`,
        5000,
      ),
    unsigned: () => receiver.received.length - verified().length,
    async close() {
      await client.close();
      await sim.close();
      await receiver.close();
    },
  };
}

/**
 * A Cloud API simulator of its own wired to a test platform as a WhatsApp connector: one business
 * number on the house account, one approved UTILITY template with a `{{1}}` body, the simulator's
 * webhooks pointed at the platform. Returns the simulator (the caller closes it).
 */
export async function connectWhatsAppSimulator(
  t: TestPlatform,
  opts: {
    from: string;
    phoneNumberId: string;
    wabaId: string;
    template: string;
    secrets: { accessToken: string; appSecret: string; verifyToken: string };
    maxPerSecond?: number;
    simulator?: Partial<WhatsAppSimulatorOptions>;
  },
): Promise<WhatsAppSimulator> {
  const meta = await startWhatsAppSimulator({
    ...opts.secrets,
    phoneNumbers: [{ id: opts.phoneNumberId, wabaId: opts.wabaId, displayPhoneNumber: opts.from.slice(1) }],
    ...opts.simulator,
  });
  meta.templates.add(opts.wabaId, {
    name: opts.template,
    language: 'en_US',
    category: 'UTILITY',
    components: [{ type: 'BODY', text: 'Notice {{1}}' }],
  });
  const admin = t.boot.adminApiKey;
  const connector = await t.api.post('/v1/admin/connectors', {
    key: admin,
    body: {
      name: `WABA ${opts.wabaId}`,
      kind: 'whatsapp',
      config: {
        wabaId: opts.wabaId,
        graphBaseUrl: meta.url,
        graphVersion: 'v21.0',
        ...(opts.maxPerSecond && { maxPerSecond: opts.maxPerSecond }),
        ...opts.secrets,
      },
    },
  });
  if (connector.status !== 201) throw new Error(`connector: ${JSON.stringify(connector.body)}`);
  meta.setWebhookUrl(`${t.url}/webhooks/whatsapp/${connector.body.id}`);
  const number = await t.api.post('/v1/admin/numbers', {
    key: admin,
    body: {
      number: opts.from,
      accountId: t.boot.accountId,
      channels: ['whatsapp'],
      whatsapp: { connectorId: connector.body.id, phoneNumberId: opts.phoneNumberId },
    },
  });
  if (number.status !== 201) throw new Error(`number: ${JSON.stringify(number.body)}`);
  const sync = await t.api.post('/v1/admin/whatsapp/templates/sync', { key: admin });
  if (sync.status !== 200) throw new Error(`template sync: ${JSON.stringify(sync.body)}`);
  return meta;
}
