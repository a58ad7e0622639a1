// @cx-engage/sdk: the typed CX Engage API client and webhook verification.
export { CxEngage } from './client.ts';
export type { ClientOptions } from './http-client.ts';
export type {
  FieldError,
  HttpMethod,
  Page,
  PathParams,
  PathsFor,
  Problem,
  QueryParams,
  RequestArgs,
  RequestArgsTuple,
  RequestBody,
  RequestOptions,
  ResponseBody,
} from './api-types.ts';
export { PageRequest } from './pagination.ts';
export {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  CxEngageError,
  NotFoundError,
  PermissionDeniedError,
  ProblemError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
} from './errors.ts';
export type {
  Account,
  AccountResource,
  CompanyDetails,
  CompanyDetailsInput,
  LimitRequest,
  LimitRequestFilters,
  LimitRequestInput,
  SpendCapInput,
} from './resources/account.ts';
export type {
  ApiKey,
  ApiKeyListFilters,
  ApiKeysResource,
  CreateApiKeyInput,
  CreatedApiKey,
} from './resources/api-keys.ts';
export type { AuditEntry, AuditLogFilters, AuditLogResource } from './resources/audit-log.ts';
export type {
  Balance,
  BillingResource,
  Invoice,
  PricePreview,
  PricePreviewQuery,
  Statement,
  UsageQuery,
  UsageSummary,
} from './resources/billing.ts';
export type {
  BatchResult,
  HeldFilter,
  Message,
  MessageDetail,
  MessageListFilters,
  MessageStatus,
  MessagesResource,
  ReviewResult,
  SendMessageInput,
} from './resources/messages.ts';
export type { NumberList, NumbersResource, PhoneNumber } from './resources/numbers.ts';
export type { Order, OrderFilters, OrderInput, OrdersResource } from './resources/orders.ts';
export type {
  ConsentByPhoneInput,
  ConsentInput,
  ConsentState,
  Contact,
  ContactChanges,
  ContactFilters,
  ContactImport,
  ContactImportResult,
  ContactInput,
  ContactsResource,
} from './resources/contacts.ts';
export type {
  AutomatedDecision,
  DecisionReviewInput,
  PrivacyRequest,
  PrivacyRequestFilters,
  PrivacyRequestInput,
  PrivacyRequestsResource,
} from './resources/privacy-requests.ts';
export type {
  PoliciesResource,
  Policy,
  PolicyAcceptanceInput,
  PolicyFilters,
  PolicyObjectionInput,
  PolicySummary,
} from './resources/policies.ts';
export type {
  SandboxEmail,
  SandboxEmailFilters,
  SandboxResource,
  SimulateInboundInput,
  SimulatedInbound,
} from './resources/sandbox.ts';
export type {
  CreateWebhookEndpointInput,
  ReplayWebhookEventsInput,
  ReplayedWebhookEvents,
  UpdateWebhookEndpointInput,
  WebhookEndpoint,
  WebhookEndpointListFilters,
  WebhookEndpointWithSecret,
  WebhookEndpointsResource,
} from './resources/webhook-endpoints.ts';
export type {
  WebhookDelivery,
  WebhookDeliveryListFilters,
  WebhookDeliveriesResource,
} from './resources/webhook-deliveries.ts';
export type { WebhookSecret, WebhookSecretResource } from './resources/webhook-secret.ts';
export {
  WebhookVerificationError,
  signWebhook,
  verifyWebhook,
  type VerifyWebhookOptions,
  type WebhookEvent,
  type WebhookHeaderSource,
  type WebhookSignatureHeaders,
} from './webhooks.ts';
export type { components, paths } from './generated/openapi.ts';
