// /v1/account: the account the API key belongs to (its SMS limit and usage included), and its
// requests for a different SMS limit, which apply only once an operator approves them in writing,
// and the company details boarding needs.
import type { QueryParams, RequestBody, RequestOptions, ResponseBody } from '../api-types.ts';
import type { HttpClient } from '../http-client.ts';
import { paginate, type PageRequest } from '../pagination.ts';

export type Account = ResponseBody<'get', '/v1/account'>;
export type LimitRequest = ResponseBody<'post', '/v1/account/limit-requests'>;
export type LimitRequestInput = RequestBody<'post', '/v1/account/limit-requests'>;
export type LimitRequestFilters = QueryParams<'get', '/v1/account/limit-requests'>;
export type SpendCapInput = RequestBody<'put', '/v1/account/spend-cap'>;
export type CompanyDetails = ResponseBody<'get', '/v1/account/company'>;
export type CompanyDetailsInput = RequestBody<'put', '/v1/account/company'>;

export class AccountResource {
  readonly #api: HttpClient;

  constructor(api: HttpClient) {
    this.#api = api;
  }

  get(options?: RequestOptions): Promise<Account> {
    return this.#api.request('get', '/v1/account', options);
  }

  requestLimit(input: LimitRequestInput, options?: RequestOptions): Promise<LimitRequest> {
    return this.#api.request('post', '/v1/account/limit-requests', { body: input, ...options });
  }

  /** Caps rated spend per calendar month; at the cap new messages are rejected (spend_cap). */
  setSpendCap(input: SpendCapInput, options?: RequestOptions): Promise<Account> {
    return this.#api.request('put', '/v1/account/spend-cap', { body: input, ...options });
  }

  /** Company details for boarding: `complete` and `missing` say what an operator still needs. */
  company(options?: RequestOptions): Promise<CompanyDetails> {
    return this.#api.request('get', '/v1/account/company', options);
  }

  setCompany(input: CompanyDetailsInput, options?: RequestOptions): Promise<CompanyDetails> {
    return this.#api.request('put', '/v1/account/company', { body: input, ...options });
  }

  listLimitRequests(filters: LimitRequestFilters = {}): PageRequest<LimitRequest> {
    return paginate(filters, (query) => this.#api.request('get', '/v1/account/limit-requests', { query }));
  }
}
