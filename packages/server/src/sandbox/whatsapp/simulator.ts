// The sandbox WhatsApp Cloud API: a real HTTP server answering the Graph API subset the
// platform uses, under /{version}/ (any vNN.N), with Meta's JSON and error shapes, and
// sending Meta-shaped, X-Hub-Signature-256-signed webhooks to one URL. Outcomes by the
// destination's last three digits, like the sandbox SMSC (ARCHITECTURE.md, "numbers,
// connectors, sandbox"); Meta reports undeliverable messages asynchronously, so most
// failures arrive as `failed` statuses after a 200 with a wamid:
//
//   suffix  send answer                                   status webhooks (statusDelayMs apart)
//   901     200 + wamid                                   failed 131026 "Message undeliverable" (never sent)
//   902     200 + wamid                                   sent, then failed 131026
//   903     400, code 131030 "Recipient phone number      none (sync rejection, permanent)
//           not in allowed list"
//   904     first send to that number: 429, code 130429   the retry: sent, delivered, read
//           "Rate limit hit", Retry-After (retryAfterSeconds)
//   905     200 + wamid                                   sent, then nothing more
//   other   200 + wamid                                   sent, delivered, read
//
// Before the suffix, Meta's 24-hour rule: a non-template message to a user who has not
// written to that phone number id in the last 24 h (simulator clock) is accepted, then
// reported `failed` 131047 "Re-engagement message". sendInbound() opens the window.
// Templates must exist in the number's WABA, be APPROVED (else 132001 / 132015 / 132016)
// and get the right parameters (else 132000). Unknown or missing token: 401, code 190.
// Meta's throughput limit: over `throughputPerSecond` sends a second on one phone number id,
// 400 with code 130429 "Rate limit hit". Statuses travel batched, several in one POST, and with
// `shuffleStatuses` out of order and some twice, as Meta's do (status-out.ts).
import http from 'node:http';
import type { Logger } from 'pino';
import { systemClock, type Clock } from '../../platform/clock.ts';
import { createLogger } from '../../platform/logger.ts';
import type { GraphTemplate, TemplateStatus } from '../../channels/whatsapp/templates.ts';
import { MetaError, parseJsonBody, readBody, send, unknownObject, type Answer } from './http.ts';
import { createMediaStore } from './media-store.ts';
import { createTemplateStore } from './template-store.ts';
import { createWebhookOut, webhookEnvelope } from './webhook-out.ts';
import { createSendHandler, type SimulatedSend, type StatusPlan } from './sends.ts';
import { createStatusOut, type DueStatus, type StatusStep } from './status-out.ts';
import { inboundValue, type InboundSpec } from './inbound.ts';
import { listenOn } from '../listen.ts';

export type { InboundSpec } from './inbound.ts';
export type { SimulatedSend } from './sends.ts';

export interface WhatsAppSimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** The Bearer token every Graph call must carry. */
  accessToken: string;
  /** Signs webhooks (X-Hub-Signature-256). */
  appSecret: string;
  /** Where webhooks go; null or unset: nowhere until setWebhookUrl. */
  webhookUrl?: string | null;
  /** Known numbers: their WABA (webhook entry id, template lookup) and display number. Others are accepted too. */
  phoneNumbers?: { id: string; wabaId: string; displayPhoneNumber: string }[];
  /** Between a send and its first status, and between statuses (default 50). */
  statusDelayMs?: number;
  /** How long a due status waits for others to share its webhook POST (default 5 ms). */
  statusBatchMs?: number;
  /** Most statuses in one webhook POST (default 100). */
  maxStatusesPerWebhook?: number;
  /** Statuses out of order and some twice, as Meta may send them (default false: in order, once). */
  shuffleStatuses?: boolean;
  /** Seeds the shuffle, so a test's order is reproducible (default 1). */
  shuffleSeed?: number;
  /** Messages per second per phone number; beyond, 400 with code 130429 (default 80, Meta's default). */
  throughputPerSecond?: number;
  /** PENDING until this long after creation (default 0: reviewed on the next tick). */
  templateApprovalDelayMs?: number;
  /** Retry-After of the 904 throttle (default 1). */
  retryAfterSeconds?: number;
  /** Waits before webhook retries (default 200, 1000, 5000 ms). */
  webhookRetryDelaysMs?: number[];
  /** Fail free-form messages outside the 24-hour window (default true). */
  enforceWindow?: boolean;
  clock?: Clock;
  log?: Logger;
}

export interface WhatsAppSimulator {
  /** Graph base URL, e.g. http://127.0.0.1:43123 (calls go to `${url}/v23.0/...`). */
  url: string;
  port: number;
  setWebhookUrl(url: string | null): void;
  /** Posts a user's message to the webhook URL; resolves once it was answered 2xx, rejects otherwise. */
  sendInbound(spec: InboundSpec): Promise<{ wamid: string }>;
  templates: {
    list(wabaId?: string): GraphTemplate[];
    /** Seeds a template (APPROVED unless told), without a webhook. */
    add(wabaId: string, def: Omit<GraphTemplate, 'id' | 'status'>, status?: TemplateStatus): GraphTemplate;
    /** Changes status (e.g. PAUSED, DISABLED) and sends the status-update webhook. */
    setStatus(wabaId: string, name: string, status: TemplateStatus, reason?: string): void;
  };
  /** Every message accepted since start. */
  sent(): SimulatedSend[];
  /** How many sends were refused with 130429 for going over a number's throughput. */
  throttled(): number;
  close(): Promise<void>;
}

export async function startWhatsAppSimulator(opts: WhatsAppSimulatorOptions): Promise<WhatsAppSimulator> {
  const log = opts.log ?? createLogger('silent');
  const clock = opts.clock ?? systemClock;
  const statusDelayMs = opts.statusDelayMs ?? 50;
  const numbers = new Map((opts.phoneNumbers ?? []).map((n) => [n.id, n]));
  // Unknown numbers: the phone number id stands in for the WABA id and the display number.
  const wabaIdOf = (phoneNumberId: string) => numbers.get(phoneNumberId)?.wabaId ?? phoneNumberId;
  const displayOf = (phoneNumberId: string) => numbers.get(phoneNumberId)?.displayPhoneNumber ?? phoneNumberId;
  let webhookUrl = opts.webhookUrl ?? null;
  let baseUrl = '';
  const timers = new Set<NodeJS.Timeout>();
  const lastInbound = new Map<string, Date>();

  const webhooks = createWebhookOut({
    appSecret: opts.appSecret,
    url: () => webhookUrl,
    retryDelaysMs: opts.webhookRetryDelaysMs ?? [200, 1000, 5000],
    log,
  });
  const media = createMediaStore();
  const templates = createTemplateStore({
    approvalDelayMs: opts.templateApprovalDelayMs ?? 0,
    onStatus: (wabaId, t, reason) =>
      void webhooks.post(
        webhookEnvelope(wabaId, 'message_template_status_update', {
          event: t.status,
          message_template_id: Number(t.id),
          message_template_name: t.name,
          message_template_language: t.language,
          reason,
        }),
      ),
  });
  const sends = createSendHandler(
    {
      clock,
      templates,
      enforceWindow: opts.enforceWindow ?? true,
      retryAfterSeconds: opts.retryAfterSeconds ?? 1,
      throughputPerSecond: opts.throughputPerSecond ?? 80,
      wabaOf: (id) => (numbers.has(id) ? wabaIdOf(id) : undefined),
      lastInbound: (id, waId) => lastInbound.get(`${id}:${waId}`),
    },
    (plan) => statuses.play(plan),
  );
  const statuses = createStatusOut({
    delayMs: statusDelayMs,
    shuffle: opts.shuffleStatuses ?? false,
    seed: opts.shuffleSeed ?? 1,
    maxPerPost: opts.maxStatusesPerWebhook ?? 100,
    concurrency: 8,
    batchMs: opts.statusBatchMs ?? 5,
    later,
    post: postStatuses,
  });

  function later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  }

  /** One POST for a batch of statuses: an entry per WABA, a change per phone number (Meta's shape). */
  async function postStatuses(batch: DueStatus[]): Promise<void> {
    const entries = new Map<string, Map<string, object[]>>();
    for (const { plan, step, sequence } of batch) {
      const id = plan.send.phoneNumberId;
      const changes = entries.get(wabaIdOf(id)) ?? new Map<string, object[]>();
      entries.set(wabaIdOf(id), changes);
      changes.set(id, [...(changes.get(id) ?? []), statusObject(plan, step, sequence)]);
    }
    await webhooks.post({
      object: 'whatsapp_business_account',
      entry: [...entries].map(([wabaId, changes]) => ({
        id: wabaId,
        changes: [...changes].map(([id, statuses]) => ({
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: displayOf(id), phone_number_id: id },
            statuses,
          },
        })),
      })),
    });
  }

  /** Stamped when it happened (a status delay per step after the send), however late it travels. */
  function statusObject({ send: s, category, acceptedAt }: StatusPlan, step: StatusStep, sequence: number): object {
    const free = category === 'service';
    const happened = acceptedAt.getTime() + (sequence + 1) * statusDelayMs;
    return {
      id: s.wamid,
      status: step.status,
      timestamp: String(Math.floor(happened / 1000)),
      recipient_id: s.to,
      ...(step.status === 'sent' && {
        conversation: { id: `conv-${s.wamid.slice(6, 22)}`, origin: { type: category } },
      }),
      ...(step.status !== 'failed' && {
        pricing: { billable: !free, pricing_model: 'PMP', type: free ? 'free_customer_service' : 'regular', category },
      }),
      ...(step.error && {
        errors: [
          {
            code: step.error.code,
            title: step.error.title,
            message: step.error.title,
            error_data: { details: step.error.details },
          },
        ],
      }),
    };
  }

  async function route(req: http.IncomingMessage, url: URL): Promise<Answer | { bytes: Buffer; mimeType: string }> {
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : url.searchParams.get('access_token');
    if (token !== opts.accessToken)
      throw new MetaError(401, 190, 'Invalid OAuth access token - Cannot parse access token');
    const method = req.method ?? 'GET';
    const download = /^\/media-files\/(\d+)$/.exec(url.pathname);
    if (download && method === 'GET') {
      const m = media.download(download[1]!, url.searchParams.get('hash'));
      if (!m) return { status: 404, json: { error: 'not found' } };
      return { bytes: m.bytes, mimeType: m.mimeType };
    }
    const [, , id, edge, ...rest] = /^\/(v\d+\.\d+)\/([^/]+)(?:\/([^/]+))?(\/.*)?$/.exec(url.pathname) ?? [];
    if (!id || rest.some(Boolean)) throw unknownObject(method, url.pathname);
    const raw = await readBody(req);
    if (edge === 'messages' && method === 'POST') return sends.handle(id, parseJsonBody(raw));
    if (edge === 'media' && method === 'POST')
      return { status: 200, json: await media.upload(req.headers['content-type'], raw) };
    if (edge === 'message_templates') {
      if (method === 'GET')
        return { status: 200, json: templates.list(id, url.searchParams, (after) => nextPage(url, after)) };
      if (method === 'POST') return { status: 200, json: templates.create(id, parseJsonBody(raw)) };
      if (method === 'DELETE') {
        templates.remove(id, url.searchParams.get('name') ?? '');
        return { status: 200, json: { success: true } };
      }
    }
    if (edge === undefined && method === 'GET') {
      const info = media.info(id, baseUrl);
      if (info) return { status: 200, json: info };
    }
    throw unknownObject(method, id);
  }

  function nextPage(url: URL, after: string): string {
    const next = new URL(url.pathname, baseUrl);
    for (const [k, v] of url.searchParams) if (k !== 'after' && k !== 'access_token') next.searchParams.set(k, v);
    next.searchParams.set('after', after);
    return next.toString();
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', baseUrl);
    route(req, url).then(
      (a) =>
        'bytes' in a
          ? res.writeHead(200, { 'content-type': a.mimeType, 'content-length': a.bytes.length }).end(a.bytes)
          : send(res, a),
      (err: unknown) => {
        if (err instanceof MetaError) return send(res, err.answer());
        log.error({ err }, 'sandbox WhatsApp simulator failed a request');
        send(res, new MetaError(500, 1, 'An unknown error occurred').answer());
      },
    );
  });

  async function sendInbound(spec: InboundSpec): Promise<{ wamid: string }> {
    const at = clock.now();
    const { wamid, waId, value } = inboundValue(spec, at, media, displayOf(spec.phoneNumberId));
    lastInbound.set(`${spec.phoneNumberId}:${waId}`, at);
    if (!(await webhooks.post(webhookEnvelope(wabaIdOf(spec.phoneNumberId), 'messages', value)))) {
      throw new Error(webhookUrl ? 'the webhook receiver did not accept the inbound message' : 'no webhook URL set');
    }
    return { wamid };
  }

  const port = await listenOn(server, opts.port, opts.host);
  const host = opts.host ?? '127.0.0.1';
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url: baseUrl,
    port,
    setWebhookUrl: (u) => void (webhookUrl = u),
    sendInbound,
    templates: { list: (w) => templates.all(w), add: templates.add, setStatus: templates.setStatus },
    sent: sends.sent,
    throttled: sends.throttled,
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      templates.close();
      await webhooks.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
