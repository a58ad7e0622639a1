// The dispatching worker's view of the traffic holds: loaded before it claims anything, reloaded
// on every hold change (NOTIFY cx_holds) and every second, each load recorded as applied.
import type { Context } from '../context.ts';
import { loadHoldSet, markHoldsApplied, NO_HOLDS, type HoldSet } from './holds.ts';

export interface HoldWatcher {
  current(): HoldSet;
  stop(): Promise<void>;
}

export async function watchHolds(ctx: Context, worker: string): Promise<HoldWatcher> {
  let holds = NO_HOLDS;
  let running: Promise<void> | undefined;
  let again = false;
  const load = async () => {
    const next = await loadHoldSet(ctx.sql);
    holds = next;
    await markHoldsApplied(ctx.sql, next.epoch, worker);
  };
  // Coalesced: a change announced during a load triggers one more load, never two at once.
  const refresh = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = load()
      .catch((err: unknown) => ctx.log.warn({ err }, 'could not reload traffic holds; keeping the last known set'))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          void refresh();
        }
      });
    return running;
  };
  await load();
  const listener = await ctx.sql.listen('cx_holds', () => void refresh()).catch(() => undefined);
  const timer = setInterval(() => void refresh(), 1000);
  timer.unref();
  return {
    current: () => holds,
    async stop() {
      clearInterval(timer);
      await listener?.unlisten().catch(() => {});
      await running;
    },
  };
}
