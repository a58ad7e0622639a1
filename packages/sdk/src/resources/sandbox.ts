// /v1/sandbox/*: what a sandbox server lets you simulate and inspect (not on production servers).
import type { QueryParams, RequestBody, RequestOptions, ResponseBody } from '../api-types.ts';
import type { HttpClient } from '../http-client.ts';
import { paginate, type PageRequest } from '../pagination.ts';

export type SimulateInboundInput = RequestBody<'post', '/v1/sandbox/inbound'>;
export type SimulatedInbound = ResponseBody<'post', '/v1/sandbox/inbound'>;
export type SandboxEmail = ResponseBody<'get', '/v1/sandbox/emails'>['data'][number];
export type SandboxEmailFilters = QueryParams<'get', '/v1/sandbox/emails'>;

export class SandboxResource {
  readonly #api: HttpClient;

  constructor(api: HttpClient) {
    this.#api = api;
  }

  /** An SMS or WhatsApp message from a phone (`from`) to one of your numbers (`to`), received like a real one; resolves to the received message. */
  simulateInbound(input: SimulateInboundInput, options?: RequestOptions): Promise<SimulatedInbound> {
    return this.#api.request('post', '/v1/sandbox/inbound', { body: input, ...options });
  }

  /** Emails the platform would have sent (invitations, alerts…), newest first. */
  listEmails(filters: SandboxEmailFilters = {}): PageRequest<SandboxEmail> {
    return paginate(filters, (query) => this.#api.request('get', '/v1/sandbox/emails', { query }));
  }
}
