// Records of processing (GDPR Art. 30) per account, generated from what is configured: the
// processing the platform does is fixed in code, the recipients follow the connectors that
// carry the account's traffic, retention is the effective policy.
import type { Db } from '../../db/pool.ts';
import { P, Problem } from '../../http/problem.ts';
import { effectivePolicies, type EffectivePolicy } from './policy.ts';

export interface ProcessingActivity {
  name: string;
  purposes: string[];
  /** GDPR Art. 6(1) points. */
  legalBases: string[];
  dataSubjects: string[];
  personalData: string[];
}

const ACTIVITIES: ProcessingActivity[] = [
  {
    name: 'Sending and receiving messages',
    purposes: [
      "delivering the account's SMS and WhatsApp messages and receiving its customers' replies",
      'delivery receipts and message history',
    ],
    legalBases: [
      "Art. 6(1)(b) performance of the account's contracts with its customers",
      'Art. 6(1)(a) consent for marketing messages (enforced per channel when the account enables it)',
    ],
    dataSubjects: ["the account's customers (recipients and senders of messages)"],
    personalData: [
      'phone numbers',
      'message content and media (encrypted at rest)',
      'delivery statuses and times',
      'opt-outs and opt-ins (by pseudonymous subject hash)',
    ],
  },
  {
    name: 'Webhook notifications',
    purposes: ["telling the account's systems about message status changes and inbound messages"],
    legalBases: ['Art. 6(1)(b) performance of the contract with the account'],
    dataSubjects: ["the account's customers"],
    personalData: [
      'message snapshots (numbers, statuses) sent to endpoints the account configured',
      "the endpoints' answers",
    ],
  },
  {
    name: 'Fraud prevention',
    purposes: ['detecting premium-rate, artificially inflated and sequential-number traffic'],
    legalBases: ['Art. 6(1)(f) legitimate interest in preventing fraud against the account and the operators'],
    dataSubjects: ["the account's customers"],
    personalData: [
      'destination numbers, ranges and countries (short-lived counters)',
      'the explained decision kept with each message',
    ],
  },
  {
    name: 'Billing',
    purposes: ['rating usage, invoicing, payments'],
    legalBases: ['Art. 6(1)(b) the contract with the account', 'Art. 6(1)(c) bookkeeping and tax law'],
    dataSubjects: ["the account's contact persons"],
    personalData: ['usage records without identity of recipients', 'billing contact and company details'],
  },
  {
    name: 'Portal and API access',
    purposes: ['signing in, access control, the audit trail of changes'],
    legalBases: [
      'Art. 6(1)(b) the contract with the account',
      'Art. 6(1)(f) legitimate interest in securing the service',
    ],
    dataSubjects: ["the account's users", 'people invited to the portal'],
    personalData: [
      'email addresses and names',
      'sign-in times, shortened IP addresses and user agents',
      'invitations and password resets (tokens only as hashes)',
      'audit entries by pseudonymous ids',
    ],
  },
  {
    name: 'Emails from the platform',
    purposes: [
      'invitations, password resets and notices about the account (limits, invoices, webhooks, policy changes)',
    ],
    legalBases: [
      'Art. 6(1)(b) the contract with the account',
      'Art. 6(1)(f) legitimate interest in securing the service',
    ],
    dataSubjects: ["the account's users and contact persons", 'people invited to the portal'],
    personalData: ['email addresses and the emails sent (sealed at rest)'],
  },
];

const SECURITY_MEASURES = [
  "encryption at rest of message bodies, media and designated contact fields with the account's data key (envelope encryption, AES-256-GCM)",
  'phone numbers searchable only through a keyed hash (HMAC-SHA-256 per account)',
  'access control by scoped API keys and portal roles; operators need platform scopes; two-factor authentication for the portal',
  'append-only audit log with a per-account hash chain',
  'signed webhooks (Standard Webhooks) and a guard against requests to private networks',
  'retention periods enforced daily; legal holds recorded',
  'emails sealed at rest to a key only the sender opens (X25519, AES-256-GCM)',
];

export interface Recipient {
  name: string;
  kind: string;
  role: string;
}

export interface RecordsOfProcessing {
  accountId: string;
  controller: string;
  processor: string;
  generatedAt: string;
  activities: ProcessingActivity[];
  recipients: Recipient[];
  transfers: string[];
  retention: EffectivePolicy[];
  securityMeasures: string[];
}

/** The connectors that carry this account's traffic: its routes (or the default ones) and its WhatsApp numbers. */
async function recipientsOf(db: Db, accountId: string): Promise<Recipient[]> {
  const connectors = await db<{ name: string; kind: string; isSandbox: boolean }[]>`
    select distinct c.name, c.kind, c.is_sandbox as "isSandbox" from connectors c
    where c.id in (
      select t."connectorId" from routes r cross join jsonb_to_recordset(r.connectors) as t("connectorId" text)
      where r.account_id = ${accountId} or (r.account_id is null and not exists (select 1 from routes o where o.account_id = ${accountId}))
      union select whatsapp_connector_id from numbers where account_id = ${accountId} and whatsapp_connector_id is not null)
    order by c.name`;
  const recipients = connectors.map((c) => ({
    name: c.name,
    kind: c.kind,
    role: c.isSandbox
      ? 'built-in simulator: nothing leaves the platform'
      : c.kind === 'smpp'
        ? 'SMS operator (SMSC): receives numbers and message text to deliver them'
        : 'WhatsApp Business Account',
  }));
  if (connectors.some((c) => c.kind === 'whatsapp' && !c.isSandbox)) {
    recipients.push({
      name: 'Meta Platforms Ireland Ltd. (WhatsApp Business Platform)',
      kind: 'whatsapp',
      role: 'processes WhatsApp messages, numbers and media for delivery',
    });
  }
  return recipients;
}

export async function recordsOfProcessing(db: Db, accountId: string, now: Date): Promise<RecordsOfProcessing> {
  const [account] = await db<{ name: string }[]>`select name from accounts where id = ${accountId}`;
  if (!account) throw new Problem(P['not-found'], `no account ${accountId}`);
  const recipients = await recipientsOf(db, accountId);
  return {
    accountId,
    controller: account.name,
    processor: 'the operator of this CX Engage platform',
    generatedAt: now.toISOString(),
    activities: ACTIVITIES,
    recipients,
    transfers: [
      'SMS: to the operators that carry each message, in the country of their network (a destination abroad means a transfer to that country)',
      ...(recipients.some((r) => r.name.startsWith('Meta'))
        ? ['WhatsApp: Meta may process data in the USA (EU-US Data Privacy Framework, standard contractual clauses)']
        : []),
    ],
    retention: await effectivePolicies(db, accountId),
    securityMeasures: SECURITY_MEASURES,
  };
}
