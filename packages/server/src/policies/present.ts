// How policy versions, notices and objections look in the API.
import { Type } from 'typebox';
import type { Keyring } from '../platform/crypto/keyring.ts';
import { decryptField } from '../platform/crypto/keyring.ts';
import { NullableTimestamp, Timestamp } from '../http/schemas.ts';
import type { AccountPolicyRow, NoticeRow, ObjectionRow, PolicyRow, StatusCounts } from './store.ts';

export const PolicyKindSchema = Type.Union([Type.Literal('privacy_policy'), Type.Literal('terms')]);

const versionFields = {
  id: Type.String(),
  kind: PolicyKindSchema,
  version: Type.String(),
  title: Type.String(),
  summaryOfChanges: Type.String(),
  effectiveAt: Timestamp,
  publishedAt: Timestamp,
};
const TextField = Type.String({ description: 'the full text, markdown' });

const CountsSchema = Type.Object(
  {
    pending: Type.Integer(),
    accepted: Type.Integer(),
    objected: Type.Integer(),
    deemedAccepted: Type.Integer(),
  },
  { description: 'client accounts by the status of their notice of this version' },
);

export const AdminPolicySummarySchema = Type.Object({ ...versionFields, accounts: CountsSchema });
export const AdminPolicySchema = Type.Object({ ...versionFields, text: TextField, accounts: CountsSchema });

const NoticeSchema = Type.Object({
  source: Type.Union([Type.Literal('publication'), Type.Literal('account_created')], {
    description: 'publication: notified when it was published; account_created: part of the contract from the start',
  }),
  status: Type.Union([
    Type.Literal('pending'),
    Type.Literal('accepted'),
    Type.Literal('objected'),
    Type.Literal('deemed_accepted'),
  ]),
  notifiedAt: Timestamp,
  objectionDeadline: Type.String({
    format: 'date-time',
    description: 'a written objection is recorded only before this time',
  }),
  decidedAt: NullableTimestamp,
  signer: Type.Union([Type.String(), Type.Null()]),
  objection: Type.Union([Type.String(), Type.Null()], { description: 'the written objection' }),
});

export const ClientPolicySummarySchema = Type.Object({ ...versionFields, notice: NoticeSchema });
export const ClientPolicySchema = Type.Object({ ...versionFields, text: TextField, notice: NoticeSchema });

export const ObjectionSchema = Type.Object({
  accountId: Type.String(),
  accountName: Type.String(),
  text: Type.String(),
  signer: Type.String(),
  objectedAt: Timestamp,
  objectedBy: Type.String({ description: 'the API key or user that recorded it' }),
});

function versionJson(p: PolicyRow) {
  return {
    id: p.id,
    kind: p.kind,
    version: p.version,
    title: p.title,
    summaryOfChanges: p.summaryOfChanges,
    effectiveAt: p.effectiveAt.toISOString(),
    publishedAt: p.publishedAt.toISOString(),
  };
}

/** Without the text (lists); the single-version answers add `text`. */
export function adminPolicyJson(p: PolicyRow, counts: StatusCounts) {
  const accounts = {
    pending: counts.pending,
    accepted: counts.accepted,
    objected: counts.objected,
    deemedAccepted: counts.deemed_accepted,
  };
  return { ...versionJson(p), accounts };
}

async function noticeJson(keyring: Keyring, n: NoticeRow) {
  return {
    source: n.source,
    status: n.status,
    notifiedAt: n.notifiedAt.toISOString(),
    objectionDeadline: n.objectionDeadline.toISOString(),
    decidedAt: n.decidedAt?.toISOString() ?? null,
    signer: await decryptField(keyring, n.accountId, n.signer),
    objection: await decryptField(keyring, n.accountId, n.objectionText),
  };
}

/** Without the text (lists); the single-version answers add `text`. */
export async function clientPolicyJson(keyring: Keyring, row: AccountPolicyRow) {
  return { ...versionJson(row), notice: await noticeJson(keyring, row.notice) };
}

export async function objectionJson(keyring: Keyring, o: ObjectionRow) {
  return {
    accountId: o.accountId,
    accountName: o.accountName,
    text: (await decryptField(keyring, o.accountId, o.objectionText)) ?? '',
    signer: (await decryptField(keyring, o.accountId, o.signer)) ?? '',
    objectedAt: o.decidedAt!.toISOString(),
    objectedBy: o.decidedBy ?? '',
  };
}
