// End to end: N messages accepted in batches → dispatched over SMPP to the sandbox SMSC →
// receipts → `delivered`. Reports messages/s from the first accept to the last delivery.
import { benchDatabase, sendBatch, drainQueue, serverRssMB, type Scenario } from './load.ts';

const TOTAL = Number(process.env.BENCH_E2E_MESSAGES ?? 20_000);

/** The k-th number that the sandbox delivers: never ending in 900-999 (those trigger failures). */
function deliverable(k: number): string {
  const n = Math.floor(k / 900) * 1000 + (k % 900);
  return `+4915112${String(n).padStart(6, '0')}`;
}

export const endToEnd: Scenario = {
  name: 'end-to-end',
  connections: 4,
  async run(t) {
    const sql = await benchDatabase(t);
    await drainQueue(sql);
    const reference = `bench-${Date.now()}`;
    const started = Date.now();
    let peakRss = 0;
    const batches = Math.ceil(TOTAL / 1000);
    for (let b = 0; b < batches; b += t.connections) {
      await Promise.all(
        Array.from({ length: Math.min(t.connections, batches - b) }, async (_, j) => {
          const messages = Array.from({ length: 1000 }, (_, i) => ({
            to: deliverable((b + j) * 1000 + i),
            body: 'end to end',
            reference,
          }));
          await sendBatch(t, messages);
        }),
      );
    }
    const acceptedAfterMs = Date.now() - started;
    let delivered = 0;
    const deadline = Date.now() + 10 * 60_000;
    while (delivered < TOTAL && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      peakRss = Math.max(peakRss, await serverRssMB(t.serverPid));
      const [count] = await sql<
        { n: number }[]
      >`select count(*)::int as n from messages where reference = ${reference} and status = 'delivered'`;
      delivered = count!.n;
    }
    const seconds = (Date.now() - started) / 1000;
    await sql.end();
    return {
      messages: TOTAL,
      delivered,
      acceptedInSeconds: acceptedAfterMs / 1000,
      seconds,
      messagesPerSecond: Math.round(delivered / seconds),
      peakServerRssMB: peakRss,
    };
  },
};
