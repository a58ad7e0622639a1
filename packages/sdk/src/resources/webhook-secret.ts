// /v1/webhook-secret: the account's default secret, which signs deliveries to a message's callbackUrl.
import type { RequestOptions, ResponseBody } from '../api-types.ts';
import type { HttpClient } from '../http-client.ts';

export type WebhookSecret = ResponseBody<'get', '/v1/webhook-secret'>;

export class WebhookSecretResource {
  readonly #api: HttpClient;

  constructor(api: HttpClient) {
    this.#api = api;
  }

  /** `secret` is shown once: null after the first read (rotate for a new one). */
  get(options?: RequestOptions): Promise<WebhookSecret> {
    return this.#api.request('get', '/v1/webhook-secret', options);
  }

  /** A new secret; the previous one keeps signing too for 24 hours. */
  rotate(options?: RequestOptions): Promise<WebhookSecret> {
    return this.#api.request('post', '/v1/webhook-secret', options);
  }
}
