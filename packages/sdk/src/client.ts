// The CX Engage API client: one resource per area of the API, all sharing one HttpClient
// (auth, retries, timeouts). A new resource is a file in resources/ and one line here.
import type { HttpMethod, PathsFor, RequestArgsTuple, ResponseBody } from './api-types.ts';
import { HttpClient, type ClientOptions } from './http-client.ts';
import { AccountResource } from './resources/account.ts';
import { ApiKeysResource } from './resources/api-keys.ts';
import { AuditLogResource } from './resources/audit-log.ts';
import { BillingResource } from './resources/billing.ts';
import { ContactsResource } from './resources/contacts.ts';
import { MessagesResource } from './resources/messages.ts';
import { NumbersResource } from './resources/numbers.ts';
import { OrdersResource } from './resources/orders.ts';
import { PoliciesResource } from './resources/policies.ts';
import { PrivacyRequestsResource } from './resources/privacy-requests.ts';
import { SandboxResource } from './resources/sandbox.ts';
import { WebhookDeliveriesResource } from './resources/webhook-deliveries.ts';
import { WebhookEndpointsResource } from './resources/webhook-endpoints.ts';
import { WebhookSecretResource } from './resources/webhook-secret.ts';

export class CxEngage {
  readonly messages: MessagesResource;
  readonly account: AccountResource;
  readonly apiKeys: ApiKeysResource;
  readonly numbers: NumbersResource;
  readonly auditLog: AuditLogResource;
  readonly billing: BillingResource;
  readonly orders: OrdersResource;
  readonly policies: PoliciesResource;
  readonly contacts: ContactsResource;
  readonly privacyRequests: PrivacyRequestsResource;
  readonly sandbox: SandboxResource;
  readonly webhookEndpoints: WebhookEndpointsResource;
  readonly webhookDeliveries: WebhookDeliveriesResource;
  readonly webhookSecret: WebhookSecretResource;
  readonly #http: HttpClient;

  constructor(options: ClientOptions) {
    this.#http = new HttpClient(options);
    this.messages = new MessagesResource(this.#http);
    this.account = new AccountResource(this.#http);
    this.apiKeys = new ApiKeysResource(this.#http);
    this.numbers = new NumbersResource(this.#http);
    this.auditLog = new AuditLogResource(this.#http);
    this.billing = new BillingResource(this.#http);
    this.orders = new OrdersResource(this.#http);
    this.policies = new PoliciesResource(this.#http);
    this.contacts = new ContactsResource(this.#http);
    this.privacyRequests = new PrivacyRequestsResource(this.#http);
    this.sandbox = new SandboxResource(this.#http);
    this.webhookEndpoints = new WebhookEndpointsResource(this.#http);
    this.webhookDeliveries = new WebhookDeliveriesResource(this.#http);
    this.webhookSecret = new WebhookSecretResource(this.#http);
  }

  /**
   * Any operation of the API, typed from its OpenAPI document, with the same retries and errors:
   * `client.request('get', '/v1/messages/{messageId}', { path: { messageId } })`.
   */
  request<M extends HttpMethod, P extends PathsFor<M>>(
    method: M,
    path: P,
    ...args: RequestArgsTuple<M, P>
  ): Promise<ResponseBody<M, P>> {
    return this.#http.request(method, path, ...args);
  }
}
