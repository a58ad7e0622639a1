// The fraud rules at send time, inside the transaction that stores the messages. Decisions
// with at least one fired rule are stored on the message and shown by the API.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Context } from '../context.ts';
import type { Db, Tx } from '../db/pool.ts';
import { createCache, getMany } from '../db/cache.ts';
import { emitEvents, type NewEvent } from '../platform/events.ts';
import { enqueueEmail } from '../platform/email/outbox.ts';
import { accountNotificationEmails, markFraudAlerted } from '../accounts/store.ts';
import type { Candidate, Judgement, SendCounter } from '../send-policy/policy.ts';
import { fraudConfigOf, type FraudConfig } from './config.ts';
import { switchTraffic } from './kill-switch.ts';
import { createFraudCounters, type CountedItem } from './counters.ts';
import { loadRanges, type RangeEntry } from './ranges.ts';
import { decide, rangeOf, type Candidate as RuleCandidate } from './rules.ts';
import type { FraudDecision } from './decision.ts';
import { FRAUD_BLOCKED } from './problems.ts';

/**
 * The fraud rules as a send-policy counter: every live outbound message of an account whose
 * mode is not off is counted and judged. In enforce mode `review` holds it (fraud_review) and
 * `block` refuses it (fraud_blocked); in monitor mode only the decision is recorded.
 */
export function createFraudCounter(ctx: Context): SendCounter {
  const counters = createFraudCounters();
  counters.start(ctx);
  // Operator changes reach the rules within 5 s.
  const configCache = createCache<Promise<FraudConfig | undefined>>({ ttlMs: 5000 });
  const configs = (db: Db, ids: string[]) =>
    getMany(configCache, ids, async (missing) => {
      const rows = await db<
        { id: string; settings: Record<string, unknown> }[]
      >`select id, settings from accounts where id = any(${missing})`;
      return new Map(rows.map((r) => [r.id, fraudConfigOf(r.settings)]));
    });
  const ranges = createCache<Promise<RangeEntry[]>>({ ttlMs: 5000 });
  const rangeList = (db: Db) => ranges.get('all', () => loadRanges(db));
  const autoHold = createAutoHold(ctx);

  return {
    name: 'fraud',
    stop: () => counters.stop(ctx.sql),
    async judge(db, candidates, at) {
      const out = new Map<Candidate, Judgement>();
      const live = candidates.filter((c) => c.keyMode === 'live');
      if (live.length === 0) return out;
      const cfg = await configs(db, [...new Set(live.map((r) => r.accountId))]);
      const judged = live.filter((r) => (cfg.get(r.accountId)?.mode ?? 'off') !== 'off');
      if (judged.length === 0) return out;
      const items: CountedItem[] = judged.map((c) => ({ accountId: c.accountId, candidate: candidateOf(c) }));
      const [counts, list] = await Promise.all([counters.count(db, items, at), rangeList(db)]);
      const events: NewEvent[] = [];
      judged.forEach((c, i) => {
        const config = cfg.get(c.accountId)!;
        const verdict = decide(items[i]!.candidate, counts[i]!, config, list);
        if (verdict.rules.length === 0) return;
        const action = config.mode === 'enforce' ? verdict.action : 'allow';
        const fraud: FraudDecision = {
          action,
          wouldAction: verdict.action,
          mode: config.mode as 'monitor' | 'enforce',
          score: verdict.score,
          rules: verdict.rules.map((r) => ({ rule: r.rule, score: r.score, explanation: r.explanation })),
          decidedAt: at.toISOString(),
        };
        out.set(c, {
          fraud,
          ...(action === 'review' && { verdict: { kind: 'hold', reason: 'fraud_review' } }),
          ...(action === 'block' && {
            verdict: {
              kind: 'refuse',
              error: { ...FRAUD_BLOCKED, detail: verdict.rules.map((r) => r.explanation).join('; ') },
            },
          }),
        });
        if (action !== 'allow')
          events.push({
            accountId: c.accountId,
            type: `fraud.${action === 'review' ? 'held' : 'blocked'}`,
            objectType: 'message',
            objectId: c.messageId,
            at,
            data: { score: verdict.score, rules: verdict.rules.map((r) => r.rule) },
          });
      });
      await emitEvents(db, events);
      await alert(db, [...new Set(events.map((e) => e.accountId))], at);
      await autoHold(db, judged, out, cfg, at);
      return out;
    },
  };
}

/**
 * The optional automatic kill switch: an account whose messages the rules block this often in
 * a minute gets a traffic hold, and what the rules let through of this group waits with it.
 */
function createAutoHold(ctx: Context) {
  const blocks = new Map<string, number>();
  return async (
    db: Tx,
    judged: Candidate[],
    out: Map<Candidate, Judgement>,
    cfg: Map<string, FraudConfig>,
    at: Date,
  ): Promise<void> => {
    const minute = Math.floor(at.getTime() / 60_000);
    for (const key of blocks.keys()) if (!key.endsWith(`|${minute}`)) blocks.delete(key);
    const tripped = new Set<string>();
    for (const c of judged) {
      const limit = cfg.get(c.accountId)?.autoHoldBlocksPerMinute;
      const v = out.get(c)?.verdict;
      if (!limit || v?.kind !== 'refuse' || v.error.code !== FRAUD_BLOCKED.code) continue;
      const key = `${c.accountId}|${minute}`;
      blocks.set(key, (blocks.get(key) ?? 0) + 1);
      if (blocks.get(key)! >= limit) tripped.add(c.accountId);
    }
    for (const accountId of tripped) {
      const [account] = await db<
        { held: boolean }[]
      >`select traffic_hold as held from accounts where id = ${accountId} for no key update`;
      if (!account || account.held) continue;
      for (const c of judged) {
        const j = out.get(c) ?? {};
        if (c.accountId === accountId && j.verdict?.kind !== 'refuse')
          out.set(c, { ...j, verdict: { kind: 'hold', reason: 'traffic_hold' } });
      }
      const limit = cfg.get(accountId)!.autoHoldBlocksPerMinute;
      await switchTraffic(
        db,
        { type: 'system', id: 'fraud-rules' },
        accountId,
        true,
        `automatic: ${limit} messages blocked by the fraud rules within a minute`,
        at,
      );
      ctx.log.warn({ accountId }, 'fraud rules put a traffic hold on an account');
    }
  };
}

function candidateOf(c: Candidate): RuleCandidate {
  return {
    to: c.toNumber,
    country: parsePhoneNumberFromString(c.toNumber)?.country ?? null,
    range: rangeOf(c.toNumber),
    purpose: c.purpose,
    text: c.text,
  };
}

/** At most one alert an hour per account: an event and an email to its owners and admins. */
async function alert(db: Db, accountIds: string[], at: Date): Promise<void> {
  if (accountIds.length === 0) return;
  for (const id of await markFraudAlerted(db, accountIds, at, new Date(at.getTime() - 3_600_000))) {
    await emitEvents(db, [
      {
        accountId: id,
        type: 'fraud.alert',
        objectType: 'account',
        objectId: id,
        at,
        data: { reason: 'messages held or blocked by the fraud rules' },
      },
    ]);
    for (const to of await accountNotificationEmails(db, id)) {
      await enqueueEmail(db, {
        accountId: id,
        to,
        at,
        subject: 'Messages held or blocked by the fraud rules',
        text:
          'The fraud rules held or blocked messages of your account. Review held messages with GET /v1/messages?status=held; ' +
          'each message shows which rules fired and why. Release or reject them with POST /v1/messages/{id}/release or /reject.\n',
      });
    }
  }
}
