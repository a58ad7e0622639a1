// Accepting outbound messages: validate, apply per-message policy (opt-outs, consent and objections, fraud rules, spend caps, the SMS limit),
// encrypt the body, and commit rows and their first event through the group committer.
// Nothing is answered before the commit.
import type { Context } from '../context.ts';
import type { Principal } from '../auth/principal.ts';
import { Problem } from '../http/problem.ts';
import { newId } from '../platform/ids.ts';
import { emitEvents } from '../platform/events.ts';
import { withTransaction } from '../db/tx.ts';
import type { Db } from '../db/pool.ts';
import type { SubjectHasher } from '../privacy/subject-hash.ts';
import { analyzeText } from './encoding/analyze.ts';
import { checkMessage, type MessageInput } from './input.ts';
import { GroupCommit } from './group-commit.ts';
import { insertMessages, suppressedHashes, type MessageRow } from './store.ts';
import { messageJson, type MessageJson } from './model.ts';
import { senderAllowed, type SenderPolicies } from './senders.ts';
import { applySmsLimits } from '../billing/limits.ts';
import { applySpendRules } from '../billing/spend.ts';
import { createFraudEngine } from '../fraud/decide.ts';
import { whatsAppKind } from '../channels/whatsapp/outbound.ts';
import { applyWhatsAppWindow, prepareWhatsApp, whatsAppSenders, type PreparedWhatsApp } from './whatsapp-accept.ts';
import { approvedTemplates } from '../channels/whatsapp/template-service.ts';
import { failOverToSms } from './failover.ts';
import { rejectMessage } from './errors.ts';
import { applyPrivacyRules } from '../privacy/enforcement.ts';

export type AcceptOutcome = { message: MessageJson } | { problem: Problem };

export interface Acceptor {
  accept(principal: Principal, inputs: MessageInput[], pointerPrefix: (i: number) => string): Promise<AcceptOutcome[]>;
  close(): Promise<void>;
}

const OPTED_OUT = { code: 'opted_out', title: 'The recipient opted out', detail: 'the recipient replied STOP; they must reply START before you can message them again' };

/** Opt-outs always win: such a message is recorded as `rejected`, never sent. */
async function applyOptOuts(db: Db, rows: MessageRow[]): Promise<void> {
  const suppressed = await suppressedHashes(db, rows.map((r) => ({ accountId: r.accountId, hash: r.subjectHash })), 'sms');
  for (const row of rows) {
    if (!suppressed.has(`${row.accountId}:${row.subjectHash.toString('hex')}`)) continue;
    rejectMessage(row, OPTED_OUT);
  }
}

export function createAcceptor(ctx: Context, hasher: SubjectHasher, senders: SenderPolicies): Acceptor {
  const fraud = createFraudEngine(ctx);
  // Plaintext bodies for the content rules, never stored: bodies are encrypted in the rows.
  const texts = new WeakMap<MessageRow, string>();
  const whatsAppKinds = new WeakMap<MessageRow, string>();
  const whatsAppDeps = { sender: whatsAppSenders(ctx.sql), templates: approvedTemplates(ctx.sql) };
  const committer = new GroupCommit<MessageRow>(
    (rows) => withTransaction(ctx.sql, async (tx) => {
      await applyOptOuts(tx, rows);
      await applyPrivacyRules(tx, rows, ctx.clock.now());
      const windowClosed = await applyWhatsAppWindow(tx, rows, whatsAppKinds, ctx.clock.now());
      // Before the money rules: what fraud blocks is neither charged nor counted against the limit.
      await fraud.apply(tx, rows, texts, ctx.clock.now());
      await applySpendRules(tx, rows, ctx.clock.now());
      await applySmsLimits(tx, rows, ctx.clock.now());
      await insertMessages(tx, rows);
      await emitEvents(tx, rows.map((r) => ({
        accountId: r.accountId, type: `message.${r.status}`, objectType: 'message', objectId: r.id, at: r.createdAt,
        data: { status: r.status, channel: r.channel, connectorId: null, errorCode: r.errorCode },
      })), { newObjects: true });
      // Outside the window but with an SMS fallback: it goes as an SMS straight away.
      await failOverToSms(ctx, tx, windowClosed.filter((r) => r.status === 'queued'), ctx.clock.now());
    }),
    { maxWaitMs: 2, maxRows: 1000, concurrency: 4 },
  );

  async function accept(principal: Principal, inputs: MessageInput[], pointerPrefix: (i: number) => string): Promise<AcceptOutcome[]> {
    const now = ctx.clock.now();
    const policy = await senders.get(principal.accountId);
    const outcomes: (AcceptOutcome | undefined)[] = new Array(inputs.length);
    const rows: { index: number; row: MessageRow; body: string }[] = [];
    for (const [i, input] of inputs.entries()) {
      const checked = checkMessage(input, now, pointerPrefix(i));
      if ('errors' in checked) {
        outcomes[i] = { problem: Problem.fields(checked.errors) };
        continue;
      }
      let from = checked.ok.from ?? policy.defaultSender;
      let wa: Extract<PreparedWhatsApp, { content: unknown }> | undefined;
      if (input.channel === 'whatsapp' || input.channel === 'auto') {
        const prepared = await prepareWhatsApp(whatsAppDeps, principal.accountId, input, checked.ok.from, policy.defaultSender ?? null, pointerPrefix(i));
        if ('errors' in prepared) {
          outcomes[i] = { problem: Problem.fields(prepared.errors) };
          continue;
        }
        if ('content' in prepared) {
          wa = prepared;
          from = prepared.from;
        }
      }
      if (!wa && from && !senderAllowed(policy, from)) {
        outcomes[i] = { problem: Problem.field(`${pointerPrefix(i)}/from`, 'is not on this account\'s sender allow-list') };
        continue;
      }
      // An SMS body is analysed for its encoding and parts; WhatsApp content is kept as JSON.
      const analysis = wa ? undefined : analyzeText(input.body!, { smartEncoding: policy.smartEncoding });
      const text = wa ? JSON.stringify(wa.content) : analysis!.text;
      const whatsapp = wa !== undefined;
      const scheduled = checked.ok.scheduledAt && checked.ok.scheduledAt > now;
      rows.push({
        index: i,
        body: text,
        row: {
          accountId: principal.accountId, id: newId('msg', now), direction: 'outbound', channel: whatsapp ? 'whatsapp' : 'sms',
          status: scheduled ? 'scheduled' : 'queued', keyMode: principal.mode, toNumber: checked.ok.to, fromNumber: from,
          subjectHash: await hasher.hash(principal.accountId, checked.ok.to), body: await ctx.keyring.encrypt(principal.accountId, text),
          encoding: analysis?.encoding ?? null, segments: analysis?.segments ?? null, purpose: input.purpose ?? 'transactional',
          priority: input.purpose === 'otp' ? 'high' : input.priority ?? 'normal', scheduledAt: checked.ok.scheduledAt ?? null,
          validUntil: checked.ok.validUntil ?? null, reference: input.reference ?? null, metadata: input.metadata ?? null,
          callbackUrl: input.callbackUrl ?? null, storeContent: input.storeContent ?? true, connectorId: null,
          errorCode: null, errorTitle: null, errorDetail: null, attempts: 0,
          nextAttemptAt: scheduled ? null : now, fallback: wa?.fallback ?? null, category: wa?.category ?? null, createdAt: now, updatedAt: now,
        },
      });
      // What the group's checks need beside the sealed row: the text (fraud content rules) and the WhatsApp kind (window).
      const row = rows.at(-1)!.row;
      texts.set(row, wa ? wa.content.body ?? '' : text);
      if (wa) whatsAppKinds.set(row, whatsAppKind(wa.content) ?? 'text');
    }
    // Opt-outs are checked inside the shared transaction (one query for the whole group).
    await committer.add(rows.map((r) => r.row));
    for (const r of rows) outcomes[r.index] = { message: messageJson(r.row, r.body) };
    return outcomes as AcceptOutcome[];
  }


  return {
    accept,
    async close() {
      await committer.drain();
      await fraud.stop();
    },
  };
}
