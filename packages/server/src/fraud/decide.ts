// The fraud rules at accept, inside the accept path's transaction: every live outbound message
// of an account whose mode is not off is counted and judged. In enforce mode `review` holds it
// (fraud_review) and `block` rejects it (fraud_blocked); in monitor mode only the decision is
// recorded. Decisions with at least one fired rule are stored on the message and shown by the API.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Context } from '../context.ts';
import type { Db, Tx } from '../db/pool.ts';
import { emitEvents, type NewEvent } from '../platform/events.ts';
import { enqueueEmail } from '../platform/email/outbox.ts';
import { accountNotificationEmails } from '../accounts/store.ts';
import type { MessageRow } from '../messaging/store.ts';
import { fraudConfigOf, type FraudConfig } from './config.ts';
import { switchTraffic } from './kill-switch.ts';
import { createFraudCounters, type CountedItem } from './counters.ts';
import { loadRanges, type RangeEntry } from './ranges.ts';
import { decide, rangeOf, type Candidate } from './rules.ts';
import type { FraudDecision } from './decision.ts';
import { rejectMessage } from '../messaging/errors.ts';

export const FRAUD_BLOCKED = { code: 'fraud_blocked', title: 'Blocked by the fraud rules' };

export interface FraudEngine {
  /** Judges the live outbound rows; `texts` are their plaintext bodies (content rules). */
  apply(tx: Tx, rows: MessageRow[], texts: WeakMap<MessageRow, string>, at: Date): Promise<void>;
  /** Writes the last counts (shutdown). */
  stop(): Promise<void>;
}

export function createFraudEngine(ctx: Context): FraudEngine {
  const counters = createFraudCounters();
  counters.start(ctx);
  const configs = cached(5000, async (db: Db, ids: string[]) => {
    const rows = await db<{ id: string; settings: Record<string, unknown> }[]>`select id, settings from accounts where id = any(${ids})`;
    return new Map(rows.map((r) => [r.id, fraudConfigOf(r.settings)]));
  });
  let ranges: { at: number; list: Promise<RangeEntry[]> } | undefined;
  const rangeList = (db: Db) => {
    if (!ranges || Date.now() - ranges.at > 5000) ranges = { at: Date.now(), list: loadRanges(db) };
    return ranges.list;
  };

  // Blocked messages per account and minute, for the optional automatic kill switch.
  const blocks = new Map<string, number>();
  async function autoHold(db: Tx, rows: MessageRow[], cfg: Map<string, FraudConfig>, at: Date): Promise<void> {
    const minute = Math.floor(at.getTime() / 60_000);
    for (const key of blocks.keys()) if (!key.endsWith(`|${minute}`)) blocks.delete(key);
    const tripped = new Set<string>();
    for (const row of rows) {
      const limit = cfg.get(row.accountId)?.autoHoldBlocksPerMinute;
      if (!limit || row.errorCode !== FRAUD_BLOCKED.code) continue;
      const key = `${row.accountId}|${minute}`;
      blocks.set(key, (blocks.get(key) ?? 0) + 1);
      if (blocks.get(key)! >= limit) tripped.add(row.accountId);
    }
    for (const accountId of tripped) {
      const [account] = await db<{ held: boolean }[]>`select traffic_hold as held from accounts where id = ${accountId} for update`;
      if (!account || account.held) continue;
      // This batch is not stored yet: what the rules let through waits with the rest.
      for (const row of rows) {
        if (row.accountId === accountId && row.status !== 'rejected') Object.assign(row, { status: 'held', holdReason: 'traffic_hold', nextAttemptAt: null });
      }
      const limit = cfg.get(accountId)!.autoHoldBlocksPerMinute;
      await switchTraffic(db, { type: 'system', id: 'fraud-rules' }, accountId, true, `automatic: ${limit} messages blocked by the fraud rules within a minute`, at);
      ctx.log.warn({ accountId }, 'fraud rules put a traffic hold on an account');
    }
  }

  return {
    stop: () => counters.stop(ctx.sql),
    async apply(db, rows, texts, at) {
      const live = rows.filter((r) => r.keyMode === 'live' && r.direction === 'outbound' && r.status !== 'rejected');
      if (live.length === 0) return;
      const cfg = await configs(db, [...new Set(live.map((r) => r.accountId))]);
      const judged = live.filter((r) => (cfg.get(r.accountId)?.mode ?? 'off') !== 'off');
      if (judged.length === 0) return;
      const items: CountedItem[] = judged.map((r) => ({ accountId: r.accountId, candidate: candidateOf(r, texts.get(r) ?? null) }));
      const [counts, list] = await Promise.all([counters.count(db, items, at), rangeList(db)]);
      const events: NewEvent[] = [];
      judged.forEach((row, i) => {
        const config = cfg.get(row.accountId)!;
        const verdict = decide(items[i]!.candidate, counts[i]!, config, list);
        if (verdict.rules.length === 0) return;
        const action = config.mode === 'enforce' ? verdict.action : 'allow';
        const decision: FraudDecision = {
          action, wouldAction: verdict.action, mode: config.mode as 'monitor' | 'enforce', score: verdict.score,
          rules: verdict.rules.map((r) => ({ rule: r.rule, score: r.score, explanation: r.explanation })), decidedAt: at.toISOString(),
        };
        row.fraud = decision;
        if (action === 'review') Object.assign(row, { status: 'held', holdReason: 'fraud_review', nextAttemptAt: null });
        if (action === 'block') {
          rejectMessage(row, { ...FRAUD_BLOCKED, detail: verdict.rules.map((r) => r.explanation).join('; ') });
        }
        if (action !== 'allow') events.push({ accountId: row.accountId, type: `fraud.${action === 'review' ? 'held' : 'blocked'}`, objectType: 'message', objectId: row.id, at, data: { score: verdict.score, rules: verdict.rules.map((r) => r.rule) } });
      });
      await emitEvents(db, events);
      await alert(db, [...new Set(events.map((e) => e.accountId))], at);
      await autoHold(db, judged, cfg, at);
    },
  };
}

function candidateOf(row: MessageRow, text: string | null): Candidate {
  return { to: row.toNumber, country: parsePhoneNumberFromString(row.toNumber)?.country ?? null, range: rangeOf(row.toNumber), purpose: row.purpose, text };
}

/** At most one alert an hour per account: an event and an email to its owners and admins. */
async function alert(db: Db, accountIds: string[], at: Date): Promise<void> {
  if (accountIds.length === 0) return;
  const due = await db<{ id: string }[]>`
    update accounts set fraud_alerted_at = ${at} where id = any(${accountIds}) and (fraud_alerted_at is null or fraud_alerted_at < ${new Date(at.getTime() - 3_600_000)})
    returning id`;
  for (const { id } of due) {
    await emitEvents(db, [{ accountId: id, type: 'fraud.alert', objectType: 'account', objectId: id, at, data: { reason: 'messages held or blocked by the fraud rules' } }]);
    for (const to of await accountNotificationEmails(db, id)) {
      await enqueueEmail(db, {
        accountId: id, to, at, subject: 'Messages held or blocked by the fraud rules',
        text: 'The fraud rules held or blocked messages of your account. Review held messages with GET /v1/messages?status=held; '
          + 'each message shows which rules fired and why. Release or reject them with POST /v1/messages/{id}/release or /reject.\n',
      });
    }
  }
}

function cached<V>(ttlMs: number, load: (db: Db, ids: string[]) => Promise<Map<string, V>>) {
  const entries = new Map<string, { at: number; value: V }>();
  return async (db: Db, ids: string[]): Promise<Map<string, V>> => {
    const now = Date.now();
    const missing = ids.filter((id) => { const e = entries.get(id); return !e || now - e.at > ttlMs; });
    if (missing.length > 0) for (const [id, value] of await load(db, missing)) entries.set(id, { at: now, value });
    return new Map(ids.flatMap((id) => (entries.has(id) ? [[id, entries.get(id)!.value] as const] : [])));
  };
}

