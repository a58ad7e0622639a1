// Send policies: the rules every outgoing message passes once per channel it is sent on,
// however it was born (API, batch, fallback to SMS, release from review). A policy looks at
// candidates and returns verdicts; it never edits a message. The owner of the message
// (messaging/) turns verdicts into statuses.
import type { Db, Tx } from '../db/pool.ts';
import type { FraudDecision } from '../fraud/decision.ts';
import type { MessageError } from '../messaging/model.ts';

/** A message about to be sent on one channel, as the policies see it. */
export interface Candidate {
  readonly accountId: string;
  readonly messageId: string;
  readonly channel: 'sms' | 'whatsapp';
  readonly keyMode: 'live' | 'test';
  readonly toNumber: string;
  readonly fromNumber: string | null;
  /** The keyed hash of the recipient (privacy/subject-hash.ts). */
  readonly subjectHash: Buffer;
  readonly purpose: string;
  /** The plaintext the content rules read; never stored from here. */
  readonly text: string;
  /** WhatsApp: the content kind ('template', 'text', …); null for SMS. */
  readonly whatsAppKind: string | null;
  /** WhatsApp with an SMS fallback: where WhatsApp may not go, it goes as an SMS instead. */
  readonly canFailOver: boolean;
  /** When it is due to go (its scheduledAt); null: now. */
  readonly sendAt: Date | null;
}

export type Verdict =
  /** Stored `rejected` with this error; never sent. */
  | { kind: 'refuse'; error: MessageError }
  /** Stored `held` until a person releases or rejects it. */
  | { kind: 'hold'; reason: string }
  /** Stored `scheduled` until then (quiet hours); the later policies still run now. */
  | { kind: 'defer'; until: Date }
  /** This channel may not take it, its fallback may: it becomes an SMS and passes the SMS policies. */
  | { kind: 'fail_over' };

/** What the policies said of one candidate. */
export interface Judgement {
  verdict?: Verdict;
  /** The fraud rules' decision when any rule fired (shown on the message). */
  fraud?: FraudDecision;
  /** The SMS limit cycle the message was counted in (given back if it never leaves). */
  smsCycle?: number;
  /** The sender it must go with instead (a country's default sender for a refused name). */
  sender?: string;
}

export type Judgements = Map<Candidate, Judgement>;

/**
 * A check only reads: the engine runs all checks of a group at once, outside the accept
 * transaction, and the first verdict in policy order wins.
 */
export interface SendCheck {
  readonly name: string;
  judge(db: Db, candidates: readonly Candidate[], at: Date): Promise<Map<Candidate, Judgement>>;
  /** Lets go of what it keeps (shutdown). */
  stop?(): Promise<void>;
}

/**
 * A counter uses something up (fraud velocity counts, the SMS limit): it runs inside the
 * transaction that stores the messages, in order, and sees only the candidates that no earlier
 * policy refused or held, so a refused message never counts.
 */
export interface SendCounter {
  readonly name: string;
  judge(tx: Tx, candidates: readonly Candidate[], at: Date): Promise<Map<Candidate, Judgement>>;
  /** Writes what is still in memory (shutdown). */
  stop?(): Promise<void>;
}

/** A verdict that ends the message here: no later policy needs to see it. */
export function isFinal(verdict: Verdict | undefined): boolean {
  return verdict !== undefined && verdict.kind !== 'defer';
}
