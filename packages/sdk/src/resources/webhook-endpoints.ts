// /v1/webhook-endpoints: where CX Engage sends signed events (verify them with verifyWebhook).
import type { QueryParams, RequestBody, RequestOptions, ResponseBody } from '../api-types.ts';
import type { HttpClient } from '../http-client.ts';
import { paginate, type PageRequest } from '../pagination.ts';

export type WebhookEndpoint = ResponseBody<'get', '/v1/webhook-endpoints/{endpointId}'>;
export type CreateWebhookEndpointInput = RequestBody<'post', '/v1/webhook-endpoints'>;
export type UpdateWebhookEndpointInput = RequestBody<'patch', '/v1/webhook-endpoints/{endpointId}'>;
/** The endpoint with its `whsec_…` signing `secret`: store it now, it is not shown again. */
export type WebhookEndpointWithSecret = ResponseBody<'post', '/v1/webhook-endpoints'>;
export type WebhookEndpointListFilters = QueryParams<'get', '/v1/webhook-endpoints'>;
export type ReplayWebhookEventsInput = RequestBody<'post', '/v1/webhook-endpoints/{endpointId}/replay'>;
export type ReplayedWebhookEvents = ResponseBody<'post', '/v1/webhook-endpoints/{endpointId}/replay'>;

export class WebhookEndpointsResource {
  readonly #api: HttpClient;

  constructor(api: HttpClient) {
    this.#api = api;
  }

  create(input: CreateWebhookEndpointInput, options?: RequestOptions): Promise<WebhookEndpointWithSecret> {
    return this.#api.request('post', '/v1/webhook-endpoints', { body: input, ...options });
  }

  get(endpointId: string, options?: RequestOptions): Promise<WebhookEndpoint> {
    return this.#api.request('get', '/v1/webhook-endpoints/{endpointId}', { path: { endpointId }, ...options });
  }

  list(filters: WebhookEndpointListFilters = {}): PageRequest<WebhookEndpoint> {
    return paginate(filters, (query) => this.#api.request('get', '/v1/webhook-endpoints', { query }));
  }

  /** `{ enabled: true }` re-enables an endpoint that was disabled (by you, a 410 or failures). */
  update(endpointId: string, input: UpdateWebhookEndpointInput, options?: RequestOptions): Promise<WebhookEndpoint> {
    return this.#api.request('patch', '/v1/webhook-endpoints/{endpointId}', {
      path: { endpointId },
      body: input,
      ...options,
    });
  }

  /** Its pending deliveries are dropped. */
  delete(endpointId: string, options?: RequestOptions): Promise<void> {
    return this.#api.request('delete', '/v1/webhook-endpoints/{endpointId}', { path: { endpointId }, ...options });
  }

  /** A new secret; the previous one keeps signing too for 24 hours, so receivers can switch. */
  rotateSecret(endpointId: string, options?: RequestOptions): Promise<WebhookEndpointWithSecret> {
    return this.#api.request('post', '/v1/webhook-endpoints/{endpointId}/rotate-secret', {
      path: { endpointId },
      ...options,
    });
  }

  /** Sends the endpoint's events of a time range (at most 31 days) again. */
  replay(
    endpointId: string,
    input: ReplayWebhookEventsInput,
    options?: RequestOptions,
  ): Promise<ReplayedWebhookEvents> {
    return this.#api.request('post', '/v1/webhook-endpoints/{endpointId}/replay', {
      path: { endpointId },
      body: input,
      ...options,
    });
  }
}
