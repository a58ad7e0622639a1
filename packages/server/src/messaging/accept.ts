// Accepting outbound messages: validate, seal the body, judge each message by the send
// policies (send-policy/), and commit rows and their first event through the group committer.
// Nothing is answered before the commit. The checks of a group (opt-outs, consent, window,
// money) only read, so they run before its transaction opens; the counters (fraud, the SMS
// limit) run inside it, so the transaction stays short.
import { analyzeText } from '@cx-engage/encoding';
import type { Context } from '../context.ts';
import type { Principal } from '../http/principal.ts';
import { Problem, type FieldError } from '../http/problem.ts';
import { newId } from '../platform/ids.ts';
import { emitEvents } from '../platform/events.ts';
import { withTransaction } from '../db/tx.ts';
import type { SubjectHasher } from '../privacy/subject-hash.ts';
import { createSendPolicies } from '../send-policy/order.ts';
import type { Candidate } from '../send-policy/policy.ts';
import { checkMessage, type CheckedInput, type MessageInput } from './input.ts';
import { senderKind } from '../platform/phone.ts';
import { GroupCommit } from './group-commit.ts';
import { insertMessages, type MessageRow } from './store.ts';
import { messageJson, type AcceptedMessageJson, type MessageError, type MessageWarning } from './model.ts';
import { SENDER_NOT_ON_ALLOW_LIST } from '../country-rules/problems.ts';
import { DEFAULT_SENDER_USED, senderAllowed, type SenderPolicies, type SenderPolicy } from './senders.ts';
import { whatsAppKind } from '../channels/whatsapp/outbound.ts';
import { prepareWhatsApp, whatsAppSenders, type PreparedWhatsApp } from './whatsapp-accept.ts';
import { approvedTemplates } from '../channels/whatsapp/template-service.ts';
import { failOverToSms } from './failover.ts';
import { applyJudgement, candidateOf } from './judgement.ts';
import { storeAnswers, type StoredAnswer } from '../platform/idempotency.ts';

export type AcceptOutcome = { message: AcceptedMessageJson } | { problem: Problem };

export interface Acceptor {
  /**
   * `idempotent`: the request carries an Idempotency-Key; when any of its messages is stored,
   * its answer is stored in the same transaction (platform/idempotency.ts), so a process that
   * dies between the commit and the answer leaves a retry the answer, not a second message.
   */
  accept(
    principal: Principal,
    inputs: MessageInput[],
    pointerPrefix: (i: number) => string,
    idempotent?: IdempotentAnswer,
  ): Promise<AcceptOutcome[]>;
  close(): Promise<void>;
}

export interface IdempotentAnswer {
  key: string;
  /** The answer the request gives for these outcomes (what the route sends). */
  answer(outcomes: AcceptOutcome[]): StoredAnswer['answer'];
}

type WhatsAppContent = Extract<PreparedWhatsApp, { content: unknown }>;

/** A message ready to be judged and stored; `refused`: refused already (its sender), not judged. */
interface Accepted {
  row: MessageRow;
  candidate: Candidate;
  refused?: MessageError;
  /** On one message of a request with an Idempotency-Key: its answer, once the rows are final. */
  answer?: () => StoredAnswer;
}

export function createAcceptor(ctx: Context, hasher: SubjectHasher, senders: SenderPolicies): Acceptor {
  const policies = createSendPolicies(ctx);
  const whatsAppDeps = { sender: whatsAppSenders(ctx.sql), templates: approvedTemplates(ctx.sql) };
  // A group's checks only read, so the next group's run while this one commits; the
  // transactions themselves take turns: they lock the account rows their counters count
  // against, so a second one at the same time would only wait for the first, holding a
  // connection, while its companions pile up behind it instead of joining the next group.
  const turns = oneAtATime();
  const committer = new GroupCommit<Accepted>(
    async (group) => {
      const at = ctx.clock.now();
      const judged = group.filter((a) => !a.refused);
      const checked = await policies.check(
        ctx.sql,
        judged.map((a) => a.candidate),
        at,
      );
      await turns(() =>
        withTransaction(ctx.sql, async (tx) => {
          const judgements = await policies.decide(tx, checked, at);
          for (const a of group)
            if (a.refused) applyJudgement(a.row, { verdict: { kind: 'refuse', error: a.refused } });
          const toSms = judged.filter((a) => applyJudgement(a.row, judgements.get(a.candidate)).failOver);
          const rows = group.map((a) => a.row);
          await insertMessages(tx, rows);
          await emitEvents(
            tx,
            rows.map((r) => ({
              accountId: r.accountId,
              type: `message.${r.status}`,
              objectType: 'message',
              objectId: r.id,
              at: r.createdAt,
              data: { status: r.status, channel: r.channel, connectorId: null, errorCode: r.errorCode },
            })),
            { newObjects: true },
          );
          // WhatsApp may not take these (window, opt-in) but their SMS fallback may: SMS at once.
          await failOverToSms(
            ctx,
            tx,
            policies,
            toSms.map((a) => a.row),
            at,
          );
          await storeAnswers(
            tx,
            group.flatMap((a) => (a.answer ? [a.answer()] : [])),
            at,
          );
        }),
      );
    },
    { maxWaitMs: 2, maxRows: 1000, concurrency: 2 },
  );

  async function accept(
    principal: Principal,
    inputs: MessageInput[],
    pointerPrefix: (i: number) => string,
    idempotent?: IdempotentAnswer,
  ): Promise<AcceptOutcome[]> {
    const now = ctx.clock.now();
    const policy = await senders.get(principal.accountId);
    const outcomes: (AcceptOutcome | undefined)[] = new Array(inputs.length);
    const accepted: { index: number; item: Accepted; body: string; warnings?: MessageWarning[] }[] = [];
    for (const [i, input] of inputs.entries()) {
      const checked = checkMessage(input, now, pointerPrefix(i), ctx.config);
      if ('errors' in checked) {
        outcomes[i] = { problem: Problem.fields(checked.errors) };
        continue;
      }
      let wa: WhatsAppContent | undefined;
      if (input.channel === 'whatsapp' || input.channel === 'auto') {
        const prepared = await prepareWhatsApp(
          whatsAppDeps,
          principal.accountId,
          input,
          checked.ok.from,
          policy.defaultSender ?? null,
          pointerPrefix(i),
        );
        if ('errors' in prepared) {
          outcomes[i] = { problem: Problem.fields(prepared.errors) };
          continue;
        }
        if ('content' in prepared) wa = prepared;
      }
      const from = wa ? wa.from : (checked.ok.from ?? policy.defaultSender);
      const senderError = wa || !from ? undefined : checkSenderNumber(policy, from, pointerPrefix(i));
      if (senderError) {
        outcomes[i] = { problem: Problem.fields([senderError]) };
        continue;
      }
      const built = await buildMessage(principal, input, checked.ok, from, wa, policy, now);
      if (!wa && from && !senderAllowed(policy, from)) built.item.refused = SENDER_NOT_ON_ALLOW_LIST;
      accepted.push({ index: i, ...built, ...(!wa && !from && { warnings: [DEFAULT_SENDER_USED] }) });
    }
    // The rows are final (judged) once their transaction has run this far: the answers are made
    // once, there (for the Idempotency-Key) or after the commit, whichever comes first.
    let settled: AcceptOutcome[] | undefined;
    const settle = () => {
      if (!settled) {
        for (const a of accepted)
          outcomes[a.index] = {
            message: { ...messageJson(a.item.row, a.body), ...(a.warnings && { warnings: a.warnings }) },
          };
        settled = outcomes as AcceptOutcome[];
      }
      return settled;
    };
    if (idempotent && accepted[0]) {
      accepted[0].item.answer = () => ({
        accountId: principal.accountId,
        key: idempotent.key,
        answer: idempotent.answer(settle()),
      });
    }
    await committer.add(accepted.map((a) => a.item));
    return settle();
  }

  /** The sealed row and the candidate the policies judge (with the plaintext the content rules read). */
  async function buildMessage(
    principal: Principal,
    input: MessageInput,
    ok: CheckedInput,
    from: string | null,
    wa: WhatsAppContent | undefined,
    policy: SenderPolicy,
    now: Date,
  ): Promise<{ item: Accepted; body: string }> {
    // An SMS body is analysed for its encoding and parts; WhatsApp content is kept as JSON.
    const analysis = wa ? undefined : analyzeText(input.body!, { smartEncoding: policy.smartEncoding });
    const text = wa ? JSON.stringify(wa.content) : analysis!.text;
    const scheduled = ok.scheduledAt && ok.scheduledAt > now;
    const row: MessageRow = {
      accountId: principal.accountId,
      id: newId('msg', now),
      direction: 'outbound',
      channel: wa ? 'whatsapp' : 'sms',
      status: scheduled ? 'scheduled' : 'queued',
      keyMode: principal.mode,
      toNumber: ok.to,
      fromNumber: from,
      subjectHash: await hasher.hash(principal.accountId, ok.to),
      body: await ctx.keyring.encrypt(principal.accountId, text),
      encoding: analysis?.encoding ?? null,
      segments: analysis?.segments ?? null,
      purpose: input.purpose ?? 'transactional',
      priority: input.purpose === 'otp' ? 'high' : (input.priority ?? 'normal'),
      scheduledAt: ok.scheduledAt ?? null,
      validUntil: ok.validUntil ?? null,
      reference: input.reference ?? null,
      metadata: input.metadata ?? null,
      callbackUrl: input.callbackUrl ?? null,
      storeContent: input.storeContent ?? true,
      connectorId: null,
      errorCode: null,
      errorTitle: null,
      errorDetail: null,
      attempts: 0,
      nextAttemptAt: scheduled ? null : now,
      fallback: wa?.fallback ?? null,
      category: wa?.category ?? null,
      createdAt: now,
      updatedAt: now,
    };
    const candidate = candidateOf(
      row,
      wa ? (wa.content.body ?? '') : text,
      wa ? (whatsAppKind(wa.content) ?? 'text') : null,
    );
    return { item: { row, candidate }, body: text };
  }

  return {
    accept,
    async close() {
      await committer.drain();
      await policies.stop();
    },
  };
}

/** Runs the functions it is given one after the other, in the order given. */
function oneAtATime(): <T>(fn: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (fn) => {
    const run = last.then(fn, fn);
    last = run.catch(() => undefined);
    return run;
  };
}

/**
 * Validation: a phone-number sender (E.164 or short code) must be one of the account's own
 * numbers; no account sends from another's. Sender names are judged per message instead (the
 * account's allow-list here, the destination's rules among the send policies).
 */
function checkSenderNumber(policy: SenderPolicy, from: string, pointer: string): FieldError | undefined {
  if (senderKind(from) === 'alphanumeric' || policy.assigned.has(from)) return undefined;
  return {
    pointer: `${pointer}/from`,
    detail: 'is not a number of this account: send from one of your numbers (GET /v1/numbers) or a sender name',
  };
}
