// Orders: request services (a higher SMS limit, numbers, connector access, prices, one-off
// fees). Nothing binds until an operator accepts the order in writing; then it takes effect.
import type { QueryParams, RequestBody, RequestOptions, ResponseBody } from '../api-types.ts';
import type { HttpClient } from '../http-client.ts';
import { paginate, type PageRequest } from '../pagination.ts';

export type Order = ResponseBody<'get', '/v1/orders/{orderId}'>;
export type OrderInput = RequestBody<'post', '/v1/orders'>;
export type OrderFilters = QueryParams<'get', '/v1/orders'>;

export class OrdersResource {
  readonly #api: HttpClient;

  constructor(api: HttpClient) {
    this.#api = api;
  }

  request(input: OrderInput, options?: RequestOptions): Promise<Order> {
    return this.#api.request('post', '/v1/orders', { body: input, ...options });
  }

  get(orderId: string, options?: RequestOptions): Promise<Order> {
    return this.#api.request('get', '/v1/orders/{orderId}', { path: { orderId }, ...options });
  }

  /** Withdraws a request, or declines an operator's draft, before it is accepted. */
  cancel(orderId: string, options?: RequestOptions): Promise<Order> {
    return this.#api.request('post', '/v1/orders/{orderId}/cancel', { path: { orderId }, ...options });
  }

  list(filters: OrderFilters = {}): PageRequest<Order> {
    return paginate(filters, (query) => this.#api.request('get', '/v1/orders', { query }));
  }
}
