// Contacts and their consent ledger. A contact exists for every customer you message; the
// ledger is append-only: a withdrawal is a new record, never an edit.
import type { QueryParams, RequestBody, RequestOptions, ResponseBody } from '../api-types.ts';
import type { HttpClient } from '../http-client.ts';
import { paginate, type PageRequest } from '../pagination.ts';

export type Contact = ResponseBody<'get', '/v1/contacts/{contactId}'>;
export type ContactFilters = QueryParams<'get', '/v1/contacts'>;
export type ContactInput = RequestBody<'post', '/v1/contacts'>;
export type ContactChanges = RequestBody<'patch', '/v1/contacts/{contactId}'>;
export type ConsentState = ResponseBody<'get', '/v1/contacts/{contactId}/consents'>;
export type ConsentInput = RequestBody<'post', '/v1/contacts/{contactId}/consents'>;
export type ConsentByPhoneInput = RequestBody<'post', '/v1/consents'>;
export type ContactImport = RequestBody<'post', '/v1/contacts/import'>;
export type ContactImportResult = ResponseBody<'post', '/v1/contacts/import'>;

export class ContactsResource {
  readonly #api: HttpClient;

  constructor(api: HttpClient) {
    this.#api = api;
  }

  list(filters: ContactFilters = {}): PageRequest<Contact> {
    return paginate(filters, (query) => this.#api.request('get', '/v1/contacts', { query }));
  }

  /** Creates a contact, or returns the existing one of the same number. */
  create(input: ContactInput, options?: RequestOptions): Promise<Contact> {
    return this.#api.request('post', '/v1/contacts', { body: input, ...options });
  }

  /**
   * Imports up to 1,000 contacts with their consent (recorded with source `import`). All or
   * nothing: a 422 names every bad row (`/contacts/{index}/…`) and writes nothing.
   */
  import(input: ContactImport, options?: RequestOptions): Promise<ContactImportResult> {
    return this.#api.request('post', '/v1/contacts/import', { body: input, ...options });
  }

  get(contactId: string, options?: RequestOptions): Promise<Contact> {
    return this.#api.request('get', '/v1/contacts/{contactId}', { path: { contactId }, ...options });
  }

  update(contactId: string, changes: ContactChanges, options?: RequestOptions): Promise<Contact> {
    return this.#api.request('patch', '/v1/contacts/{contactId}', { path: { contactId }, body: changes, ...options });
  }

  /** Deletes the contact only; an erasure request removes everything held on the person. */
  async delete(contactId: string, options?: RequestOptions): Promise<void> {
    await this.#api.request('delete', '/v1/contacts/{contactId}', { path: { contactId }, ...options });
  }

  /** The current consent per channel and purpose, and the full history. */
  consents(contactId: string, options?: RequestOptions): Promise<ConsentState> {
    return this.#api.request('get', '/v1/contacts/{contactId}/consents', { path: { contactId }, ...options });
  }

  recordConsent(contactId: string, input: ConsentInput, options?: RequestOptions): Promise<ConsentState> {
    return this.#api.request('post', '/v1/contacts/{contactId}/consents', {
      path: { contactId },
      body: input,
      ...options,
    });
  }

  /** Records consent by number, creating the number's contact if it has none. */
  recordConsentByPhone(
    input: ConsentByPhoneInput,
    options?: RequestOptions,
  ): Promise<ResponseBody<'post', '/v1/consents'>> {
    return this.#api.request('post', '/v1/consents', { body: input, ...options });
  }
}
