// GET /v1/numbers: the phone numbers assigned to the account (not paginated: there are few).
import type { RequestOptions, ResponseBody } from '../api-types.ts';
import type { HttpClient } from '../http-client.ts';

export type NumberList = ResponseBody<'get', '/v1/numbers'>;
export type PhoneNumber = NumberList['data'][number];

export class NumbersResource {
  readonly #api: HttpClient;

  constructor(api: HttpClient) {
    this.#api = api;
  }

  list(options?: RequestOptions): Promise<NumberList> {
    return this.#api.request('get', '/v1/numbers', options);
  }
}
