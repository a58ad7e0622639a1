// Data-subject requests: rows, their API form and their status changes (each with its
// `dsr.*` event in the same transaction). The subject as given, the client's note, the
// rectification changes and the team's notes are sealed; an erasure clears them.
import type { Db } from '../../db/pool.ts';
import { jsonb } from '../../db/json.ts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import { emitEvents } from '../../platform/events.ts';

export const REQUEST_TYPES = [
  'access',
  'portability',
  'rectification',
  'erasure',
  'objection',
  'restriction',
  'automated_decision_review',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
export type RequestStatus = 'received' | 'in_progress' | 'completed' | 'rejected';

export interface SubjectRef {
  phone?: string;
  email?: string;
  contactId?: string;
  /** A portal user (platform subjects only). */
  userId?: string;
}

/**
 * Whose data: an account's end user (the account is controller), or a person the platform
 * itself is controller for (a portal user or an email address; operators file these).
 */
export type SubjectKind = 'end_user' | 'platform';

export interface RequestNote {
  at: string;
  by: { type: string; id: string };
  text: string;
}

export interface RequestRow {
  accountId: string;
  id: string;
  type: RequestType;
  status: RequestStatus;
  subjectKind: SubjectKind;
  subjectHash: Buffer;
  subject: Buffer | null;
  note: Buffer | null;
  changes: Buffer | null;
  notes: Buffer | null;
  assignee: string | null;
  receivedAt: Date;
  dueAt: Date;
  extensionReason: string | null;
  startedAt: Date | null;
  completedAt: Date | null;
  rejectionReason: string | null;
  result: Record<string, unknown> | null;
  exportFileId: string | null;
  exportExpiresAt: Date | null;
}

export const requestColumns = (
  db: Db,
) => db`account_id as "accountId", id, type, status, subject_kind as "subjectKind", subject_hash as "subjectHash", subject, note, changes, notes, assignee,
  received_at as "receivedAt", due_at as "dueAt", extension_reason as "extensionReason", started_at as "startedAt", completed_at as "completedAt",
  rejection_reason as "rejectionReason", result, export_file_id as "exportFileId", export_expires_at as "exportExpiresAt"`;

export async function getRequest(
  db: Db,
  accountId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<RequestRow | undefined> {
  const [row] = await db<
    RequestRow[]
  >`select ${requestColumns(db)} from privacy_requests where account_id = ${accountId} and id = ${id} ${opts.forUpdate ? db`for update` : db``}`;
  return row;
}

export async function listRequests(
  db: Db,
  accountId: string,
  f: {
    status?: string | undefined;
    type?: string | undefined;
    kind?: SubjectKind;
    before?: string | undefined;
    limit: number;
  },
): Promise<RequestRow[]> {
  return db<RequestRow[]>`
    select ${requestColumns(db)} from privacy_requests where account_id = ${accountId} ${f.kind ? db`and subject_kind = ${f.kind}` : db``}
      ${f.status ? db`and status = ${f.status}` : db``} ${f.type ? db`and type = ${f.type}` : db``} ${f.before ? db`and id < ${f.before}` : db``}
    order by id desc limit ${f.limit + 1}`;
}

/** Moves a request (locked by the caller) to a status, with its event. */
export async function setStatus(
  db: Db,
  row: RequestRow,
  status: RequestStatus,
  at: Date,
  fields: {
    result?: Record<string, unknown>;
    rejectionReason?: string;
    exportFileId?: string;
    exportExpiresAt?: Date;
  } = {},
): Promise<void> {
  await db`
    update privacy_requests set status = ${status}, updated_at = ${at},
      started_at = ${status === 'in_progress' ? at : row.startedAt},
      completed_at = ${status === 'completed' || status === 'rejected' ? at : null},
      result = ${fields.result ? jsonb(db, fields.result) : row.result ? jsonb(db, row.result) : null},
      rejection_reason = ${fields.rejectionReason ?? row.rejectionReason},
      export_file_id = ${fields.exportFileId ?? row.exportFileId}, export_expires_at = ${fields.exportExpiresAt ?? row.exportExpiresAt}
    where account_id = ${row.accountId} and id = ${row.id}`;
  await emitRequestEvent(db, row, `dsr.${status}`, status, at);
}

export async function emitRequestEvent(
  db: Db,
  row: Pick<RequestRow, 'accountId' | 'id' | 'type'>,
  type: string,
  status: RequestStatus,
  at: Date,
): Promise<void> {
  await emitEvents(db, [
    {
      accountId: row.accountId,
      type,
      objectType: 'privacy_request',
      objectId: row.id,
      at,
      data: { status, requestType: row.type },
    },
  ]);
}

const open = async <T>(keyring: Keyring, accountId: string, sealed: Buffer | null): Promise<T | null> =>
  sealed ? (JSON.parse((await keyring.decrypt(accountId, sealed)).toString('utf8')) as T) : null;

export async function readSubject(keyring: Keyring, row: RequestRow): Promise<SubjectRef | null> {
  return open<SubjectRef>(keyring, row.accountId, row.subject);
}

export async function readChanges<T>(keyring: Keyring, row: RequestRow): Promise<T | null> {
  return open<T>(keyring, row.accountId, row.changes);
}

export async function readNotes(keyring: Keyring, row: RequestRow): Promise<RequestNote[]> {
  return (await open<RequestNote[]>(keyring, row.accountId, row.notes)) ?? [];
}

export async function requestJson(keyring: Keyring, row: RequestRow) {
  const note = row.note ? (await keyring.decrypt(row.accountId, row.note)).toString('utf8') : null;
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    subjectKind: row.subjectKind,
    subject: await readSubject(keyring, row),
    note,
    notes: await readNotes(keyring, row),
    assignee: row.assignee,
    receivedAt: row.receivedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    extension: row.extensionReason ? { reason: row.extensionReason } : null,
    startedAt: row.startedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    rejectionReason: row.rejectionReason,
    result: row.result,
    export:
      row.exportFileId && row.exportExpiresAt
        ? {
            url: `${row.subjectKind === 'platform' ? '/v1/admin' : '/v1'}/privacy/requests/${row.id}/export`,
            expiresAt: row.exportExpiresAt.toISOString(),
          }
        : null,
  };
}
