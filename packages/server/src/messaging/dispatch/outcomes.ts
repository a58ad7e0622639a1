// Writing what happened to claimed messages: attempts, submitted parts, usage (rated), status
// changes and events, in one transaction per batch of outcomes (grouped like the accept path).
import type { Tx } from '../../db/pool.ts';
import { recordset } from '../../db/recordset.ts';
import type { MessageError } from '../model.ts';
import { applyStatusChanges, type StatusChange } from '../status.ts';
import type { ClaimedMessage } from './claim.ts';
import { recordUsage } from '../../billing/usage.ts';
import type { PriceBook } from '../../billing/price-book.ts';
import { smscIdKey } from '../../channels/link.ts';
import { applyWaitingReceipts } from './receipts.ts';

export type SubmitOutcome =
  | { kind: 'sent'; msg: ClaimedMessage; connectorId: string; smscIds: string[]; startedAt: Date; at: Date }
  | { kind: 'failed'; msg: ClaimedMessage; connectorId: string | null; error: MessageError; startedAt: Date; at: Date }
  | {
      kind: 'retry';
      msg: ClaimedMessage;
      connectorId: string | null;
      error: MessageError | null;
      nextAttemptAt: Date;
      startedAt: Date;
      at: Date;
    }
  /** WhatsApp failed for good, with SMS left to try: the attempt failed, the message does not (failover.ts). */
  | {
      kind: 'failover';
      msg: ClaimedMessage;
      connectorId: string | null;
      error: MessageError;
      startedAt: Date;
      at: Date;
    }
  /** Not sent: a traffic hold stopped it before it entered an SMPP window (fraud/holds.ts). */
  | { kind: 'held'; msg: ClaimedMessage; reason: string; startedAt: Date; at: Date }
  /** Not sent: its number's pace would not reach it within the lease; queued again for `until`, not an attempt. */
  | { kind: 'deferred'; msg: ClaimedMessage; until: Date; startedAt: Date; at: Date };

export async function writeOutcomes(tx: Tx, all: SubmitOutcome[], prices: PriceBook): Promise<void> {
  await holdMessages(
    tx,
    all.flatMap((o) => (o.kind === 'held' ? [o] : [])),
  );
  await deferMessages(
    tx,
    all.flatMap((o) => (o.kind === 'deferred' ? [o] : [])),
  );
  const outcomes = all.filter(
    (o): o is Exclude<SubmitOutcome, { kind: 'held' | 'deferred' }> => o.kind !== 'held' && o.kind !== 'deferred',
  );
  if (outcomes.length === 0) return;
  const attempts = outcomes.map((o) => ({
    account_id: o.msg.accountId,
    message_id: o.msg.id,
    attempt: o.msg.attempts,
    channel: o.msg.channel,
    connector_id: o.connectorId,
    status: o.kind === 'sent' ? 'sent' : o.kind === 'retry' ? 'retry' : 'failed',
    error_code: o.kind === 'sent' ? null : (o.error?.code ?? null),
    started_at: o.startedAt,
    ended_at: o.at,
  }));
  await tx`
    insert into message_attempts (account_id, message_id, attempt, channel, connector_id, status, error_code, started_at, ended_at)
    select * from ${recordset(tx, attempts, {
      account_id: 'text',
      message_id: 'text',
      attempt: 'integer',
      channel: 'text',
      connector_id: 'text',
      status: 'text',
      error_code: 'text',
      started_at: 'timestamptz',
      ended_at: 'timestamptz',
    })}
    on conflict (account_id, message_id, attempt) do update set status = excluded.status, error_code = excluded.error_code, ended_at = excluded.ended_at`;

  const parts = outcomes.flatMap((o) =>
    o.kind !== 'sent'
      ? []
      : o.smscIds.map((smscId, i) => ({
          account_id: o.msg.accountId,
          message_id: o.msg.id,
          attempt: o.msg.attempts,
          part: i + 1,
          connector_id: o.connectorId,
          smsc_id: smscIdKey(smscId),
          status: 'sent',
          submitted_at: o.at,
        })),
  );
  if (parts.length) {
    await tx`
      insert into message_parts (account_id, message_id, attempt, part, connector_id, smsc_id, status, submitted_at)
      select * from ${recordset(tx, parts, {
        account_id: 'text',
        message_id: 'text',
        attempt: 'integer',
        part: 'integer',
        connector_id: 'text',
        smsc_id: 'text',
        status: 'text',
        submitted_at: 'timestamptz',
      })}
      on conflict do nothing`;
    // A receipt that beat this transaction waited for exactly these ids.
    await applyWaitingReceipts(
      tx,
      parts.map((p) => ({ connectorId: p.connector_id, smscId: p.smsc_id })),
    );
  }

  await recordUsage(
    tx,
    prices,
    outcomes.flatMap((o) =>
      o.kind !== 'sent'
        ? []
        : [
            {
              accountId: o.msg.accountId,
              messageId: o.msg.id,
              keyMode: o.msg.keyMode,
              channel: o.msg.channel,
              direction: 'outbound' as const,
              number: o.msg.toNumber,
              connectorId: o.connectorId,
              units: o.smscIds.length,
              at: o.at,
              category: o.msg.channel === 'whatsapp' ? o.msg.category : null,
            },
          ],
    ),
  );

  const changes: StatusChange[] = outcomes
    .filter((o) => o.kind !== 'failover')
    .map(
      (o) =>
        ({
          accountId: o.msg.accountId,
          messageId: o.msg.id,
          channel: o.msg.channel,
          at: o.at,
          connectorId: o.connectorId,
          ...(o.kind === 'sent' && { status: 'sent' as const }),
          ...(o.kind === 'failed' && { status: 'failed' as const, error: o.error }),
          ...(o.kind === 'retry' && { status: 'queued' as const, nextAttemptAt: o.nextAttemptAt }),
        }) as StatusChange,
    );
  await applyStatusChanges(tx, changes);

  // A sent WhatsApp message with a fallback fails over if nothing is delivered by then.
  const watched = outcomes.filter((o) => o.kind === 'sent' && o.msg.fallback);
  if (watched.length) {
    await tx`update messages m set fallback_due_at = w.due
             from unnest(${watched.map((o) => o.msg.accountId)}::text[], ${watched.map((o) => o.msg.id)}::text[],
                         ${watched.map((o) => new Date(o.at.getTime() + o.msg.fallback!.afterSeconds * 1000).toISOString())}::timestamptz[]) as w(account_id, id, due)
             where m.account_id = w.account_id and m.id = w.id`;
  }

  // storeContent: false — the body is erased once an operator has it.
  const erase = outcomes.filter((o) => o.kind === 'sent' && !o.msg.storeContent).map((o) => o.msg);
  if (erase.length) {
    await tx`update messages m set body = null from unnest(${erase.map((m) => m.accountId)}::text[], ${erase.map((m) => m.id)}::text[]) as e(account_id, id)
             where m.account_id = e.account_id and m.id = e.id`;
  }
}

/** Held by the dispatcher: the attempt is not counted, and release puts the message back. */
async function holdMessages(tx: Tx, held: Extract<SubmitOutcome, { kind: 'held' }>[]): Promise<void> {
  if (held.length === 0) return;
  await tx`update messages m set hold_reason = h.reason, attempts = greatest(m.attempts - 1, 0)
           from unnest(${held.map((o) => o.msg.accountId)}::text[], ${held.map((o) => o.msg.id)}::text[], ${held.map((o) => o.reason)}::text[]) as h(account_id, id, reason)
           where m.account_id = h.account_id and m.id = h.id and m.status = 'sending'`;
  await applyStatusChanges(
    tx,
    held.map((o) => ({
      accountId: o.msg.accountId,
      messageId: o.msg.id,
      status: 'held' as const,
      channel: o.msg.channel,
      at: o.at,
    })),
  );
}

/** Deferred by the dispatcher: back to the queue for later, the claim's attempt given back. */
async function deferMessages(tx: Tx, deferred: Extract<SubmitOutcome, { kind: 'deferred' }>[]): Promise<void> {
  if (deferred.length === 0) return;
  await tx`update messages m set attempts = greatest(m.attempts - 1, 0)
           from unnest(${deferred.map((o) => o.msg.accountId)}::text[], ${deferred.map((o) => o.msg.id)}::text[]) as d(account_id, id)
           where m.account_id = d.account_id and m.id = d.id and m.status = 'sending'`;
  await applyStatusChanges(
    tx,
    deferred.map((o) => ({
      accountId: o.msg.accountId,
      messageId: o.msg.id,
      status: 'queued' as const,
      channel: o.msg.channel,
      at: o.at,
      nextAttemptAt: o.until,
    })),
  );
}
