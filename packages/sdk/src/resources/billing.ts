// Billing for clients: price preview, usage summaries, invoices and the statement of open
// invoices with late-payment interest (the PDF of an invoice is at GET /v1/invoices/{id}/pdf). Amounts exclude VAT unless named total/vat.
import type { QueryParams, RequestOptions, ResponseBody } from '../api-types.ts';
import type { HttpClient } from '../http-client.ts';

export type PricePreview = ResponseBody<'get', '/v1/pricing'>;
export type PricePreviewQuery = QueryParams<'get', '/v1/pricing'>;
export type UsageSummary = ResponseBody<'get', '/v1/usage'>;
export type UsageQuery = QueryParams<'get', '/v1/usage'>;
export type Invoice = ResponseBody<'get', '/v1/invoices/{invoiceId}'>;
export type Statement = ResponseBody<'get', '/v1/statement'>;
export type Balance = ResponseBody<'get', '/v1/balance'>;

export class BillingResource {
  readonly #api: HttpClient;

  constructor(api: HttpClient) {
    this.#api = api;
  }

  /** What an SMS with this text to this number would cost now. */
  price(query: PricePreviewQuery, options?: RequestOptions): Promise<PricePreview> {
    return this.#api.request('get', '/v1/pricing', { query, ...options });
  }

  usage(query: UsageQuery, options?: RequestOptions): Promise<UsageSummary> {
    return this.#api.request('get', '/v1/usage', { query, ...options });
  }

  async invoices(options?: RequestOptions): Promise<Invoice[]> {
    return (await this.#api.request('get', '/v1/invoices', options)).data;
  }

  invoice(invoiceId: string, options?: RequestOptions): Promise<Invoice> {
    return this.#api.request('get', '/v1/invoices/{invoiceId}', { path: { invoiceId }, ...options });
  }

  statement(options?: RequestOptions): Promise<Statement> {
    return this.#api.request('get', '/v1/statement', options);
  }

  /** Billing mode, prepaid credit left (refused at zero: insufficient_balance) and deposits. */
  balance(options?: RequestOptions): Promise<Balance> {
    return this.#api.request('get', '/v1/balance', options);
  }
}
