// Data-subject requests (GDPR Art. 15-22): filed here, carried out by the platform, due one
// month after receipt. Access and portability produce a zip to download until it expires.
import type { QueryParams, RequestBody, RequestOptions, ResponseBody } from '../api-types.ts';
import type { HttpClient } from '../http-client.ts';
import { paginate, type PageRequest } from '../pagination.ts';

export type PrivacyRequest = ResponseBody<'get', '/v1/privacy/requests/{requestId}'>;
export type PrivacyRequestFilters = QueryParams<'get', '/v1/privacy/requests'>;
export type PrivacyRequestInput = RequestBody<'post', '/v1/privacy/requests'>;
export type AutomatedDecision = ResponseBody<'get', '/v1/privacy/requests/{requestId}/decisions'>['data'][number];
export type DecisionReviewInput = RequestBody<'post', '/v1/privacy/requests/{requestId}/reviews'>;

export class PrivacyRequestsResource {
  readonly #api: HttpClient;

  constructor(api: HttpClient) {
    this.#api = api;
  }

  create(input: PrivacyRequestInput, options?: RequestOptions): Promise<PrivacyRequest> {
    return this.#api.request('post', '/v1/privacy/requests', { body: input, ...options });
  }

  list(filters: PrivacyRequestFilters = {}): PageRequest<PrivacyRequest> {
    return paginate(filters, (query) => this.#api.request('get', '/v1/privacy/requests', { query }));
  }

  get(requestId: string, options?: RequestOptions): Promise<PrivacyRequest> {
    return this.#api.request('get', '/v1/privacy/requests/{requestId}', { path: { requestId }, ...options });
  }

  approve(
    requestId: string,
    input: RequestBody<'post', '/v1/privacy/requests/{requestId}/approve'> = {},
    options?: RequestOptions,
  ): Promise<PrivacyRequest> {
    return this.#api.request('post', '/v1/privacy/requests/{requestId}/approve', {
      path: { requestId },
      body: input,
      ...options,
    });
  }

  reject(requestId: string, reason: string, options?: RequestOptions): Promise<PrivacyRequest> {
    return this.#api.request('post', '/v1/privacy/requests/{requestId}/reject', {
      path: { requestId },
      body: { reason },
      ...options,
    });
  }

  /** Two more months, once, with the reason (GDPR Art. 12(3)). */
  extend(requestId: string, reason: string, options?: RequestOptions): Promise<PrivacyRequest> {
    return this.#api.request('post', '/v1/privacy/requests/{requestId}/extend', {
      path: { requestId },
      body: { reason },
      ...options,
    });
  }

  async decisions(requestId: string, options?: RequestOptions): Promise<AutomatedDecision[]> {
    return (
      await this.#api.request('get', '/v1/privacy/requests/{requestId}/decisions', { path: { requestId }, ...options })
    ).data;
  }

  review(requestId: string, input: DecisionReviewInput, options?: RequestOptions): Promise<PrivacyRequest> {
    return this.#api.request('post', '/v1/privacy/requests/{requestId}/reviews', {
      path: { requestId },
      body: input,
      ...options,
    });
  }
}
