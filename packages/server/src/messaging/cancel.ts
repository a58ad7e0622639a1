// Cancel: possible while nothing went to an operator yet (scheduled, held, queued).
import type { Context } from '../context.ts';
import { withTransaction } from '../db/tx.ts';
import { P, Problem } from '../http/problem.ts';
import { applyStatusChanges } from './status.ts';
import { getMessage, type MessageRow } from './store.ts';
import type { KeyMode } from '../auth/api-key-format.ts';

const CANCELABLE = new Set(['scheduled', 'held', 'queued']);

export async function cancelMessage(
  ctx: Context,
  accountId: string,
  messageId: string,
  keyMode?: KeyMode,
): Promise<MessageRow> {
  return withTransaction(ctx.sql, async (tx) => {
    // The row lock waits for a dispatcher that is claiming it right now; after that the status is true.
    const m = await getMessage(tx, accountId, messageId, { forUpdate: true, keyMode });
    if (!m) throw new Problem(P['not-found'], `no message ${messageId}`);
    if (!CANCELABLE.has(m.status)) {
      throw new Problem(P['invalid-state'], `a message that is ${m.status} can no longer be canceled`);
    }
    const at = ctx.clock.now();
    await applyStatusChanges(tx, [{ accountId, messageId, status: 'canceled', channel: m.channel, at }]);
    return (await getMessage(tx, accountId, messageId))!;
  });
}
