// GET /v1/account: the account the API key belongs to.
import type { RequestOptions, ResponseBody } from '../api-types.ts';
import type { HttpClient } from '../http-client.ts';

export type Account = ResponseBody<'get', '/v1/account'>;

export class AccountResource {
  readonly #api: HttpClient;

  constructor(api: HttpClient) {
    this.#api = api;
  }

  get(options?: RequestOptions): Promise<Account> {
    return this.#api.request('get', '/v1/account', options);
  }
}
