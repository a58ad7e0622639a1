// POST/GET /v1/messages…: send one or a batch, read one with its history, list, cancel.
import type { QueryParams, RequestBody, RequestOptions, ResponseBody } from '../api-types.ts';
import type { HttpClient } from '../http-client.ts';
import { paginate, type PageRequest } from '../pagination.ts';

export type SendMessageInput = RequestBody<'post', '/v1/messages'>;
export type Message = ResponseBody<'post', '/v1/messages'>;
/** A message with its status history (`events`) and delivery `attempts`. */
export type MessageDetail = ResponseBody<'get', '/v1/messages/{messageId}'>;
export type MessageStatus = Message['status'];
/** Per item, in the order sent: the accepted message or `{ error }` with the reason it was refused. */
export type BatchResult = ResponseBody<'post', '/v1/messages/batch'>;
export type MessageListFilters = QueryParams<'get', '/v1/messages'>;
/** Which held messages a bulk review decides on (only those the fraud rules held for review). */
export type HeldFilter = RequestBody<'post', '/v1/messages/held/release'>;
export type ReviewResult = ResponseBody<'post', '/v1/messages/held/release'>;

export class MessagesResource {
  readonly #api: HttpClient;

  constructor(api: HttpClient) {
    this.#api = api;
  }

  /** Accepts the message for sending (202); follow its `status` with `get` or webhooks. */
  send(input: SendMessageInput, options?: RequestOptions): Promise<Message> {
    return this.#api.request('post', '/v1/messages', { body: input, ...options });
  }

  /** Up to 1000 messages; each is accepted or refused on its own, so check every `data` item. */
  batch(messages: SendMessageInput[], options?: RequestOptions): Promise<BatchResult> {
    return this.#api.request('post', '/v1/messages/batch', { body: { messages }, ...options });
  }

  get(messageId: string, options?: RequestOptions): Promise<MessageDetail> {
    return this.#api.request('get', '/v1/messages/{messageId}', { path: { messageId }, ...options });
  }

  /** Newest first. `await` for one page, `for await` for every matching message. */
  list(filters: MessageListFilters = {}): PageRequest<Message> {
    return paginate(filters, (query) => this.#api.request('get', '/v1/messages', { query }));
  }

  /** Cancels a scheduled, held or not-yet-sent message; a ConflictError once it is too late. */
  cancel(messageId: string, options?: RequestOptions): Promise<Message> {
    return this.#api.request('post', '/v1/messages/{messageId}/cancel', { path: { messageId }, ...options });
  }

  /** Sends a message the fraud rules held for review (scope fraud:review); it goes out exactly once. */
  release(messageId: string, options?: RequestOptions): Promise<Message> {
    return this.#api.request('post', '/v1/messages/{messageId}/release', { path: { messageId }, ...options });
  }

  /** Ends a message held for review as `rejected` (fraud_blocked). */
  reject(messageId: string, options?: RequestOptions): Promise<Message> {
    return this.#api.request('post', '/v1/messages/{messageId}/reject', { path: { messageId }, ...options });
  }

  releaseHeld(filter: HeldFilter, options?: RequestOptions): Promise<ReviewResult> {
    return this.#api.request('post', '/v1/messages/held/release', { body: filter, ...options });
  }

  rejectHeld(filter: HeldFilter, options?: RequestOptions): Promise<ReviewResult> {
    return this.#api.request('post', '/v1/messages/held/reject', { body: filter, ...options });
  }

  /** Reports that the passcode in this message was verified: the fraud rules judge OTP conversion with it. */
  async reportVerified(messageId: string, options?: RequestOptions): Promise<void> {
    await this.#api.request('post', '/v1/messages/{messageId}/feedback', {
      path: { messageId },
      body: { outcome: 'verified' },
      ...options,
    });
  }
}
