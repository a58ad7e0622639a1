// /v1/webhook-deliveries: each event sent to an endpoint or callbackUrl, with its attempts.
import type { QueryParams, RequestOptions, ResponseBody } from '../api-types.ts';
import type { HttpClient } from '../http-client.ts';
import { paginate, type PageRequest } from '../pagination.ts';

export type WebhookDelivery = ResponseBody<'get', '/v1/webhook-deliveries/{deliveryId}'>;
export type WebhookDeliveryListFilters = QueryParams<'get', '/v1/webhook-deliveries'>;

export class WebhookDeliveriesResource {
  readonly #api: HttpClient;

  constructor(api: HttpClient) {
    this.#api = api;
  }

  get(deliveryId: string, options?: RequestOptions): Promise<WebhookDelivery> {
    return this.#api.request('get', '/v1/webhook-deliveries/{deliveryId}', { path: { deliveryId }, ...options });
  }

  /** Newest first. */
  list(filters: WebhookDeliveryListFilters = {}): PageRequest<WebhookDelivery> {
    return paginate(filters, (query) => this.#api.request('get', '/v1/webhook-deliveries', { query }));
  }

  /** Sends it again now, with the same webhook-id so that receivers can tell it is a repeat. */
  retry(deliveryId: string, options?: RequestOptions): Promise<WebhookDelivery> {
    return this.#api.request('post', '/v1/webhook-deliveries/{deliveryId}/retry', { path: { deliveryId }, ...options });
  }
}
