// GET /v1/audit-log: who did what on the account, oldest first, hash-chained.
import type { QueryParams, ResponseBody } from '../api-types.ts';
import type { HttpClient } from '../http-client.ts';
import { paginate, type PageRequest } from '../pagination.ts';

export type AuditEntry = ResponseBody<'get', '/v1/audit-log'>['data'][number];
export type AuditLogFilters = QueryParams<'get', '/v1/audit-log'>;

export class AuditLogResource {
  readonly #api: HttpClient;

  constructor(api: HttpClient) {
    this.#api = api;
  }

  list(filters: AuditLogFilters = {}): PageRequest<AuditEntry> {
    return paginate(filters, (query) => this.#api.request('get', '/v1/audit-log', { query }));
  }
}
