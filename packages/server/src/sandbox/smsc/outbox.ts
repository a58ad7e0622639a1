// What the simulated SMSC sends to ESMEs (receipts, mobile-originated messages), kept like a
// real SMSC keeps them: held while no receiver or transceiver is bound, and sent again when the
// ESME answers deliver_sm_resp with a temporary error or drops the link before answering
// (SMPP 3.4 sections 4.6.2 and 5.1.3: ESME_RX_T_APPN asks for a later retry).
import * as smpp from 'smpp';
import type { Logger } from 'pino';
import type { PduOptions, Session } from 'smpp';

export interface Outbox {
  /** A session bound as receiver or transceiver: held deliver_sm go out on it now. */
  addReceiver(session: Session): void;
  /** Its unacknowledged deliver_sm go to another receiver, or are held. */
  removeReceiver(session: Session): void;
  /** Sends a deliver_sm, on `prefer` when it is a receiver, else on any. */
  send(fields: PduOptions, prefer?: Session): void;
  /** deliver_sm that were left unacknowledged by a link that dropped, to be sent again. */
  orphaned(): number;
  close(): void;
}

interface Entry {
  fields: PduOptions;
  attempts: number;
}

// Temporary refusals are retried with a doubling delay (capped at 10 s) for about five minutes,
// long enough to ride out an ESME's database restart, as operators keep receipts for hours.
const MAX_ATTEMPTS = 35;
const MAX_RETRY_MS = 10_000;
const ESME_RX_P_APPN = 0x65;
const ESME_RX_R_APPN = 0x66;

export function createOutbox(log: Logger, retryMs: number): Outbox {
  const receivers = new Map<Session, Set<Entry>>();
  const held: Entry[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let orphaned = 0;

  function deliver(entry: Entry, prefer?: Session): void {
    const target = prefer && receivers.has(prefer) ? prefer : receivers.keys().next().value;
    if (!target) return void held.push(entry);
    const unacked = receivers.get(target)!;
    unacked.add(entry);
    entry.attempts++;
    // A fresh PDU each time: the package keeps a sequence_number once one is assigned.
    const sent = target.send(new smpp.PDU('deliver_sm', entry.fields), (resp) => {
      if (!unacked.delete(entry) || resp.command_status === 0) return;
      const permanent = resp.command_status === ESME_RX_P_APPN || resp.command_status === ESME_RX_R_APPN;
      if (permanent || entry.attempts >= MAX_ATTEMPTS)
        return log.info({ status: resp.command_status }, 'deliver_sm refused; dropped');
      later(entry);
    });
    if (!sent) {
      unacked.delete(entry);
      held.push(entry);
    }
  }

  function later(entry: Entry): void {
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        deliver(entry);
      },
      Math.min(MAX_RETRY_MS, retryMs * 2 ** Math.max(0, entry.attempts - 1)),
    );
    timers.add(timer);
  }

  return {
    addReceiver(session) {
      receivers.set(session, new Set());
      for (const entry of held.splice(0)) deliver(entry, session);
    },
    removeReceiver(session) {
      const unacked = receivers.get(session);
      receivers.delete(session);
      orphaned += unacked?.size ?? 0;
      for (const entry of unacked ?? []) deliver(entry);
    },
    send(fields, prefer) {
      deliver({ fields, attempts: 0 }, prefer);
    },
    orphaned: () => orphaned,
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      receivers.clear();
      held.length = 0;
    },
  };
}
