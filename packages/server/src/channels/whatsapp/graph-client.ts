// A Graph API client for one WhatsApp Business Account's token: send, mark read, media,
// template management (PROTOCOLS.md, "WhatsApp Business Cloud API"). Requests go through an
// undici Agent (one keep-alive pool per origin); many connectors can share one Agent by
// passing it as `dispatcher`. Every failure is a GraphError; the token never appears in one.
import { Agent, FormData, request, type Dispatcher } from 'undici';
import { GraphError, graphErrorFromAnswer, graphErrorFromNetwork } from './graph-error.ts';
import type { GraphMessage } from './outbound.ts';
import type { GraphTemplate, TemplateCategory, TemplateDefinition, TemplateStatus } from './templates.ts';
import { arr, obj, str, type Json } from './json.ts';

export const GRAPH_TIMEOUT_MS = 10_000;
/** Meta's largest media (documents) is 100 MB. */
const MAX_MEDIA_BYTES = 100 * 1024 * 1024;
const MAX_TEMPLATE_PAGES = 200;

export interface GraphClientOptions {
  /** e.g. https://graph.facebook.com, or the sandbox simulator's URL. */
  baseUrl: string;
  /** e.g. v23.0 */
  version: string;
  accessToken: string;
  /** Connect, headers and body idle timeout (default 10 s). */
  timeoutMs?: number;
  /** A shared Agent (see createGraphAgent); without one the client makes and closes its own. */
  dispatcher?: Dispatcher;
}

export interface SentMessage {
  wamid: string;
  /** Meta's id of the recipient: digits without '+', possibly normalised from what was sent. */
  waId: string;
  /** For templates Meta may say `accepted`, `held_for_quality_assessment` or `paused`. */
  messageStatus: string | null;
}

/**
 * Keep-alive pools per origin with the Graph timeouts; share one across clients. One origin
 * carries every number of a connector (80 messages/s each): 32 connections capped a loaded
 * process at about 450 sends/s, so there are 128.
 */
export function createGraphAgent(timeoutMs = GRAPH_TIMEOUT_MS): Agent {
  return new Agent({
    connect: { timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    keepAliveTimeout: 30_000,
    connections: 128,
  });
}

type Method = 'GET' | 'POST' | 'DELETE';

export class GraphClient {
  private readonly base: string;
  private readonly origin: string;
  private readonly token: string;
  private readonly timeoutMs: number;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;

  constructor(opts: GraphClientOptions) {
    const root = opts.baseUrl.replace(/\/+$/, '');
    this.base = `${root}/${encodeURIComponent(opts.version)}`;
    this.origin = new URL(root).origin;
    this.token = opts.accessToken;
    this.timeoutMs = opts.timeoutMs ?? GRAPH_TIMEOUT_MS;
    this.ownsDispatcher = !opts.dispatcher;
    this.dispatcher = opts.dispatcher ?? createGraphAgent(this.timeoutMs);
  }

  async sendMessage(phoneNumberId: string, body: GraphMessage): Promise<SentMessage> {
    const res = await this.json('POST', this.path(phoneNumberId, 'messages'), body);
    const message = obj(arr(res.messages)[0]);
    const wamid = str(message.id);
    // A 200 without an id is not retried: the message may have gone, and a retry would duplicate it.
    if (!wamid) throw new GraphError('send answered without a message id', { kind: 'permanent', httpStatus: 200 });
    return {
      wamid,
      waId: str(obj(arr(res.contacts)[0]).wa_id) ?? body.to,
      messageStatus: str(message.message_status) ?? null,
    };
  }

  /** Marks an inbound message (and the ones before it) read: the user sees blue ticks. */
  async markRead(phoneNumberId: string, wamid: string): Promise<void> {
    await this.json('POST', this.path(phoneNumberId, 'messages'), {
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: wamid,
    });
  }

  /** Uploads media for sending by id; Meta keeps it 30 days. */
  async uploadMedia(phoneNumberId: string, bytes: Uint8Array, mimeType: string, filename: string): Promise<string> {
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('type', mimeType);
    // A copy on its own ArrayBuffer: what Blob accepts under every lib setting (the SDK's DOM types included).
    form.set('file', new Blob([new Uint8Array(bytes)], { type: mimeType }), filename);
    const id = str((await this.call('POST', this.path(phoneNumberId, 'media'), { body: form })).id);
    if (!id) throw new GraphError('media upload answered without an id', { kind: 'permanent', httpStatus: 200 });
    return id;
  }

  /** Media by id (inbound media from a webhook, or our own upload): its URL first, then the bytes. */
  async downloadMedia(mediaId: string): Promise<{ bytes: Buffer; mimeType: string }> {
    const info = await this.json('GET', this.path(mediaId));
    const url = str(info.url);
    if (!url || !URL.canParse(url))
      throw new GraphError('media answered without a download URL', { kind: 'permanent', httpStatus: 200 });
    // Meta's download URL is on another host (lookaside.fbsbx.com) and still wants the token.
    const { statusCode, headers, body } = await this.raw('GET', url, {});
    if (statusCode >= 400)
      throw graphErrorFromAnswer(statusCode, header(headers['retry-after']), await body.text(), this.token);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body) {
      size += (chunk as Buffer).length;
      if (size > MAX_MEDIA_BYTES) {
        body.destroy();
        throw new GraphError(`media larger than ${MAX_MEDIA_BYTES} bytes`, { kind: 'permanent' });
      }
      chunks.push(chunk as Buffer);
    }
    return {
      bytes: Buffer.concat(chunks),
      mimeType: str(info.mime_type) ?? header(headers['content-type']) ?? 'application/octet-stream',
    };
  }

  /** Every template of the WABA, following `paging.next` (only ever to the Graph origin: it gets our token). */
  async listTemplates(wabaId: string): Promise<GraphTemplate[]> {
    const templates: GraphTemplate[] = [];
    let url: string | undefined = `${this.path(wabaId, 'message_templates')}?limit=100`;
    for (let page = 0; url; page++) {
      if (page >= MAX_TEMPLATE_PAGES)
        throw new GraphError(`more than ${MAX_TEMPLATE_PAGES} pages of templates`, { kind: 'permanent' });
      const res = await this.json('GET', url);
      for (const t of arr(res.data)) templates.push(t as GraphTemplate);
      url = str(obj(res.paging).next);
      if (url && (!URL.canParse(url) || new URL(url).origin !== this.origin))
        throw new GraphError('paging.next leads off the Graph API origin', { kind: 'permanent' });
    }
    return templates;
  }

  async createTemplate(
    wabaId: string,
    def: TemplateDefinition,
  ): Promise<{ id: string; status: TemplateStatus; category: TemplateCategory }> {
    const res = await this.json('POST', this.path(wabaId, 'message_templates'), def);
    return {
      id: String(res.id),
      status: (str(res.status) ?? 'PENDING') as TemplateStatus,
      category: (str(res.category) ?? def.category) as TemplateCategory,
    };
  }

  /** Deletes the template in every language. */
  async deleteTemplate(wabaId: string, name: string): Promise<void> {
    await this.json('DELETE', `${this.path(wabaId, 'message_templates')}?${new URLSearchParams({ name })}`);
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  private path(...parts: string[]): string {
    return [this.base, ...parts.map(encodeURIComponent)].join('/');
  }

  private json(method: Method, url: string, body?: unknown): Promise<Json> {
    return this.call(
      method,
      url,
      body === undefined ? {} : { body: JSON.stringify(body), contentType: 'application/json' },
    );
  }

  /** One Graph call answering JSON; non-2xx answers become Meta's error. */
  private async call(
    method: Method,
    url: string,
    opts: { body?: string | FormData; contentType?: string },
  ): Promise<Json> {
    const { statusCode, headers, body } = await this.raw(method, url, opts);
    let text: string;
    try {
      text = await body.text();
    } catch (err) {
      throw graphErrorFromNetwork(err, this.token);
    }
    if (statusCode >= 300) throw graphErrorFromAnswer(statusCode, header(headers['retry-after']), text, this.token);
    try {
      return obj(JSON.parse(text));
    } catch {
      throw new GraphError(`HTTP ${statusCode} with a body that is not JSON`, {
        kind: 'transient',
        httpStatus: statusCode,
      });
    }
  }

  private async raw(
    method: Method,
    url: string,
    opts: { body?: string | FormData; contentType?: string },
  ): Promise<Dispatcher.ResponseData> {
    try {
      return await request(url, {
        method,
        dispatcher: this.dispatcher,
        headersTimeout: this.timeoutMs,
        bodyTimeout: this.timeoutMs,
        headers: {
          authorization: `Bearer ${this.token}`,
          accept: 'application/json',
          ...(opts.contentType && { 'content-type': opts.contentType }),
        },
        ...(opts.body !== undefined && { body: opts.body }),
      });
    } catch (err) {
      throw graphErrorFromNetwork(err, this.token);
    }
  }
}

function header(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
