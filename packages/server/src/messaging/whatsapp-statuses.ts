// Meta's status webhooks applied to our outbound WhatsApp messages (matched by wamid). Meta
// batches statuses, sends them out of order and repeats them (PROTOCOLS.md, "WhatsApp"), so:
// - a message takes the latest status it reached under the contract's precedence (the first
//   final status wins, except delivered → read), never an older one that arrives late;
// - each status a message reaches is one event (and so one webhook), however often Meta repeats
//   it; a status that arrives after a later one (delivered after read) is an event only;
// - a POST of N statuses costs a constant number of statements: lock the messages, read the
//   statuses they have reached, one UPDATE, one event INSERT;
// - a status whose wamid we do not know yet (it beat the commit of our send) waits in
//   pending_whatsapp_statuses, committed before Meta gets its 200, and the leader's sweep
//   applies it once the send is stored (retryPendingWhatsAppStatuses).
import type { Context } from '../context.ts';
import type { Tx } from '../db/pool.ts';
import { withTransaction } from '../db/tx.ts';
import { recordset } from '../db/recordset.ts';
import type { StatusUpdate } from '../channels/whatsapp/webhook.ts';
import { smscIdKey } from '../channels/link.ts';
import type { SendPolicyEngine } from '../send-policy/engine.ts';
import { canMoveTo, type MessageError } from './model.ts';
import { applyStatusChanges, type StatusChange } from './status.ts';
import { WINDOW_CLOSED, whatsAppFailed } from './problems.ts';
import { failOverToSms } from './failover.ts';

interface Target {
  accountId: string;
  messageId: string;
  smscId: string;
  status: string;
  /** Still on WhatsApp: statuses of an attempt the message has left (failed over to SMS) are ignored. */
  onWhatsApp: boolean;
  fallback: boolean;
}

/** Meta's order of a message's life, for statuses stamped in the same second. */
const RANK: Record<StatusUpdate['status'], number> = { sent: 0, delivered: 1, failed: 1, read: 2 };

/** A wamid still unknown this long after its status came is not ours: the status is dropped. */
const PENDING_FOR_MS = 3600_000;

/** Applies statuses; those whose message is not known yet wait (same transaction). */
export async function applyWhatsAppStatuses(
  ctx: Context,
  policies: SendPolicyEngine,
  connectorId: string,
  statuses: StatusUpdate[],
): Promise<void> {
  if (statuses.length === 0) return;
  const now = ctx.clock.now();
  await withTransaction(ctx.sql, async (tx) =>
    keepPending(tx, connectorId, await applyIn(ctx, tx, policies, connectorId, statuses), () => now),
  );
}

/** The leader's sweep: statuses that waited for their send, applied now if it is stored. */
export async function retryPendingWhatsAppStatuses(
  ctx: Context,
  tx: Tx,
  policies: SendPolicyEngine,
  now: Date,
): Promise<number> {
  const rows = await tx<{ connectorId: string; update: StatusUpdate & { timestamp: string }; receivedAt: Date }[]>`
    delete from pending_whatsapp_statuses where ctid in (
      select ctid from pending_whatsapp_statuses order by received_at limit 1000 for update skip locked)
    returning connector_id as "connectorId", update, received_at as "receivedAt"`;
  // Each status keeps the time it first came: its own hour, not its batch's oldest.
  const receivedAt = new Map<StatusUpdate, Date>();
  const byConnector = new Map<string, StatusUpdate[]>();
  for (const r of rows) {
    const status = { ...r.update, timestamp: new Date(r.update.timestamp) };
    receivedAt.set(status, r.receivedAt);
    const group = byConnector.get(r.connectorId) ?? [];
    group.push(status);
    byConnector.set(r.connectorId, group);
  }
  let applied = 0;
  for (const [connectorId, statuses] of byConnector) {
    const unknown = await applyIn(ctx, tx, policies, connectorId, statuses);
    applied += statuses.length - unknown.length;
    // Still unknown: back to wait until an hour after it came.
    const waiting = unknown.filter((s) => now.getTime() - receivedAt.get(s)!.getTime() < PENDING_FOR_MS);
    await keepPending(tx, connectorId, waiting, (s) => receivedAt.get(s)!);
    if (waiting.length < unknown.length)
      ctx.log.warn(
        { connectorId, count: unknown.length - waiting.length },
        'WhatsApp statuses for messages we do not know after an hour; dropped',
      );
  }
  return applied;
}

async function keepPending(
  tx: Tx,
  connectorId: string,
  statuses: StatusUpdate[],
  receivedAt: (s: StatusUpdate) => Date,
): Promise<void> {
  if (statuses.length === 0) return;
  await tx`
    insert into pending_whatsapp_statuses (connector_id, smsc_id, status, at, update, received_at)
    select ${connectorId}, smsc_id, status, at, update, received_at
    from ${recordset(
      tx,
      statuses.map((s) => ({
        smsc_id: smscIdKey(s.wamid),
        status: s.status,
        at: s.timestamp,
        update: withoutRecipient(s),
        received_at: receivedAt(s),
      })),
      { smsc_id: 'text', status: 'text', at: 'timestamptz', update: 'jsonb', received_at: 'timestamptz' },
    )}
    on conflict do nothing`;
}

/** The recipient's number is not needed to apply a status: a table without an account keeps none. */
function withoutRecipient(s: StatusUpdate): StatusUpdate {
  return { ...s, recipient: '' };
}

/** Applies statuses in the caller's transaction; returns those whose message is not known (yet). */
async function applyIn(
  ctx: Context,
  tx: Tx,
  policies: SendPolicyEngine,
  connectorId: string,
  statuses: StatusUpdate[],
): Promise<StatusUpdate[]> {
  if (statuses.length === 0) return [];
  const targets = new Map((await lockTargets(tx, connectorId, statuses)).map((t) => [t.smscId, t]));
  const unknown = statuses.filter((s) => !targets.has(smscIdKey(s.wamid)));
  const byMessage = new Map<string, { target: Target; statuses: StatusUpdate[] }>();
  for (const s of statuses) {
    const target = targets.get(smscIdKey(s.wamid));
    if (!target?.onWhatsApp) continue;
    const group = byMessage.get(target.messageId) ?? { target, statuses: [] };
    group.statuses.push(s);
    byMessage.set(target.messageId, group);
  }
  const reached = await reachedStatuses(
    tx,
    [...byMessage.values()].map((g) => g.target),
  );
  const changes: StatusChange[] = [];
  const failover: { target: Target; error: MessageError | undefined; at: Date }[] = [];
  for (const { target, statuses: mine } of byMessage.values()) {
    const step = decide(connectorId, target, mine, reached);
    changes.push(...step.changes);
    if (step.failover) failover.push({ target, ...step.failover });
  }
  await applyStatusChanges(tx, changes);
  if (failover.length > 0) {
    // SMS is left to try: the WhatsApp attempt failed, the message goes on (failover.ts).
    await failAttempts(tx, connectorId, failover);
    await failOverToSms(
      ctx,
      tx,
      policies,
      failover.map((f) => ({ accountId: f.target.accountId, id: f.target.messageId })),
      ctx.clock.now(),
    );
  }
  return unknown;
}

/**
 * One message's statuses from this POST, in the order they happened (Meta's timestamps, then
 * the order of a message's life): those it has not reached yet become events; the last that
 * may move the message moves it, the others are events only (one UPDATE row per message).
 */
function decide(
  connectorId: string,
  target: Target,
  statuses: StatusUpdate[],
  reached: Set<string>,
): { changes: StatusChange[]; failover?: { error: MessageError | undefined; at: Date } } {
  const ordered = [...statuses].sort(
    (a, b) => a.timestamp.getTime() - b.timestamp.getTime() || RANK[a.status] - RANK[b.status],
  );
  const changes: StatusChange[] = [];
  let current = target.status;
  let mover: StatusChange | undefined;
  let failover: { error: MessageError | undefined; at: Date } | undefined;
  for (const s of ordered) {
    const key = `${target.messageId} ${s.status}`;
    if (reached.has(key)) continue;
    reached.add(key);
    const error = s.status === 'failed' ? whatsAppError(s) : undefined;
    if (s.status === 'failed' && target.fallback && canMoveTo(current, 'failed')) {
      // The message leaves WhatsApp: what Meta says after this is about an attempt it has left.
      failover = { error, at: s.timestamp };
      break;
    }
    const change: StatusChange = {
      accountId: target.accountId,
      messageId: target.messageId,
      status: s.status,
      channel: 'whatsapp',
      connectorId,
      at: s.timestamp,
      ...(error && { error }),
      eventOnly: true,
    };
    if (canMoveTo(current, s.status)) {
      current = s.status;
      mover = change;
    }
    changes.push(change);
  }
  if (mover) mover.eventOnly = false;
  return { changes, ...(failover && { failover }) };
}

/** A `failed` status's first error in our terms; 131047 (re-engagement needed) is our own whatsapp_window_closed, learned late. */
function whatsAppError(s: StatusUpdate): MessageError | undefined {
  const e = s.errors[0];
  if (!e) return undefined;
  return e.code === 131047 ? WINDOW_CLOSED : whatsAppFailed(e.code, e.title, e.message ?? e.details ?? e.title);
}

/**
 * The messages behind these wamids, locked in a fixed order (no deadlock between two POSTs):
 * a repeat of a status in a concurrent POST waits here, then sees the first one's event.
 */
async function lockTargets(tx: Tx, connectorId: string, statuses: StatusUpdate[]): Promise<Target[]> {
  return tx<Target[]>`
    select p.account_id as "accountId", p.message_id as "messageId", p.smsc_id as "smscId", m.status,
      m.channel = 'whatsapp' as "onWhatsApp", m.fallback is not null as fallback
    from message_parts p join messages m on m.account_id = p.account_id and m.id = p.message_id
    where p.connector_id = ${connectorId} and p.smsc_id = any(${[...new Set(statuses.map((s) => smscIdKey(s.wamid)))]})
    order by p.account_id, p.message_id
    for update of m`;
}

/**
 * The statuses these messages have reached, as `${messageId} ${status}`, from their events. A
 * statement of its own, after the lock: it reads what a POST that held the lock committed.
 */
async function reachedStatuses(tx: Tx, targets: Target[]): Promise<Set<string>> {
  if (targets.length === 0) return new Set();
  const rows = await tx<{ messageId: string; type: string }[]>`
    select object_id as "messageId", type from events
    where (account_id, object_id) in (select * from unnest(${targets.map((t) => t.accountId)}::text[], ${targets.map((t) => t.messageId)}::text[]))
      and type in ('message.sent', 'message.delivered', 'message.read', 'message.failed')`;
  return new Set(rows.map((r) => `${r.messageId} ${r.type.slice('message.'.length)}`));
}

async function failAttempts(
  tx: Tx,
  connectorId: string,
  failed: { target: Target; error: MessageError | undefined; at: Date }[],
): Promise<void> {
  const rows = failed.map((f) => ({
    account_id: f.target.accountId,
    message_id: f.target.messageId,
    error_code: f.error?.code ?? null,
    at: f.at,
  }));
  await tx`
    update message_attempts a set status = 'failed', error_code = f.error_code, ended_at = f.at
    from ${recordset(tx, rows, { account_id: 'text', message_id: 'text', error_code: 'text', at: 'timestamptz' }, 'f')}
    where a.account_id = f.account_id and a.message_id = f.message_id and a.channel = 'whatsapp' and a.connector_id = ${connectorId}`;
}
