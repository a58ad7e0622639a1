// Privacy policy and terms versions: read what changes, object in writing before the deadline
// (one calendar month from the notification), or accept explicitly. Without an objection a
// version is deemed accepted when the month ends.
import type { QueryParams, RequestBody, RequestOptions, ResponseBody } from '../api-types.ts';
import type { HttpClient } from '../http-client.ts';
import { paginate, type PageRequest } from '../pagination.ts';

export type Policy = ResponseBody<'get', '/v1/policies/{policyId}'>;
export type PolicySummary = ResponseBody<'get', '/v1/policies'>['data'][number];
export type PolicyFilters = QueryParams<'get', '/v1/policies'>;
export type PolicyObjectionInput = RequestBody<'post', '/v1/policies/{policyId}/objection'>;
export type PolicyAcceptanceInput = RequestBody<'post', '/v1/policies/{policyId}/acceptance'>;

export class PoliciesResource {
  readonly #api: HttpClient;

  constructor(api: HttpClient) {
    this.#api = api;
  }

  list(filters: PolicyFilters = {}): PageRequest<PolicySummary> {
    return paginate(filters, (query) => this.#api.request('get', '/v1/policies', { query }));
  }

  /** The version with its full text and your notice (status, objection deadline). */
  get(policyId: string, options?: RequestOptions): Promise<Policy> {
    return this.#api.request('get', '/v1/policies/{policyId}', { path: { policyId }, ...options });
  }

  /** Objects in writing; recorded only before the objection deadline. */
  object(policyId: string, input: PolicyObjectionInput, options?: RequestOptions): Promise<Policy> {
    return this.#api.request('post', '/v1/policies/{policyId}/objection', {
      path: { policyId },
      body: input,
      ...options,
    });
  }

  accept(policyId: string, input: PolicyAcceptanceInput, options?: RequestOptions): Promise<Policy> {
    return this.#api.request('post', '/v1/policies/{policyId}/acceptance', {
      path: { policyId },
      body: input,
      ...options,
    });
  }
}
