// /v1/api-keys: the account's API keys. The secret of a key is only ever returned by `create`.
import type { QueryParams, RequestBody, RequestOptions, ResponseBody } from '../api-types.ts';
import type { HttpClient } from '../http-client.ts';
import { paginate, type PageRequest } from '../pagination.ts';

export type ApiKey = ResponseBody<'get', '/v1/api-keys/{keyId}'>;
export type CreateApiKeyInput = RequestBody<'post', '/v1/api-keys'>;
/** The new key with its `secret`: store it now, it is not shown again. */
export type CreatedApiKey = ResponseBody<'post', '/v1/api-keys'>;
export type ApiKeyListFilters = QueryParams<'get', '/v1/api-keys'>;

export class ApiKeysResource {
  readonly #api: HttpClient;

  constructor(api: HttpClient) {
    this.#api = api;
  }

  create(input: CreateApiKeyInput, options?: RequestOptions): Promise<CreatedApiKey> {
    return this.#api.request('post', '/v1/api-keys', { body: input, ...options });
  }

  get(keyId: string, options?: RequestOptions): Promise<ApiKey> {
    return this.#api.request('get', '/v1/api-keys/{keyId}', { path: { keyId }, ...options });
  }

  list(filters: ApiKeyListFilters = {}): PageRequest<ApiKey> {
    return paginate(filters, (query) => this.#api.request('get', '/v1/api-keys', { query }));
  }

  /** Takes effect immediately: requests with the key fail with 401 from now on. */
  revoke(keyId: string, options?: RequestOptions): Promise<ApiKey> {
    return this.#api.request('delete', '/v1/api-keys/{keyId}', { path: { keyId }, ...options });
  }
}
