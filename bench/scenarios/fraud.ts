// What the fraud rules cost at accept: the same single and batch loads with the house account's
// fraud mode off, then enforce. Destinations are spread over many ranges and the volume limits
// are those of an established account sending this much (a fresh account pushing thousands a
// second to one country would rightly trip the spike and country rules): every message is
// counted and judged, and none is flagged, which is what a healthy account costs.
import { load, spreadNumber, type Scenario, type Target } from './load.ts';

const spread = (i: number) => ({ to: spreadNumber('+49151', i), body: `Your order ${i} has shipped.` });

/** Distinct 1,000-message batches: more than a minute of batches at this VM's rate before a number repeats. */
const BATCH_BODIES = 800;

async function setMode(t: Target, mode: 'off' | 'enforce'): Promise<void> {
  const res = await fetch(`${t.url}/v1/admin/accounts/${t.boot.accountId}/fraud-settings`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${t.boot.adminApiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ mode, overrides: { spikeFloor: 10_000_000, countryPerMinute: 10_000_000 } }),
  });
  if (!res.ok) throw new Error(`fraud settings: ${res.status} ${await res.text()}`);
  await new Promise((r) => setTimeout(r, 5500)); // settings are cached for 5 s per process
}

export const fraudCost: Scenario = {
  name: 'fraud-cost',
  connections: 8,
  // Accept alone: with dispatch in the same process, the second phase would also pay for
  // sending the first phase's backlog.
  role: 'api',
  async run(t) {
    // Every batch goes to numbers of its own: one fixed body would send to the same 1,000
    // numbers several times a second, which the velocity rule rightly holds (5 per number per
    // minute), so the run would measure holding and fraud.held events, not ordinary traffic.
    const batchBodies = Array.from({ length: BATCH_BODIES }, (_, b) =>
      JSON.stringify({ messages: Array.from({ length: 1000 }, (_, i) => spread(1_000_000 + b * 1000 + i)) }),
    );
    const measure = async () => {
      const single = await load(
        { ...t, connections: 64 },
        { method: 'POST', path: '/v1/messages', bodyOf: (i) => JSON.stringify(spread(i)) },
      );
      const batch = await load(t, {
        method: 'POST',
        path: '/v1/messages/batch',
        bodyOf: (i) => batchBodies[i % BATCH_BODIES]!,
      });
      return {
        singleRequestsPerSecond: single.requestsPerSecond,
        singleP99Ms: single.latencyMs.p99,
        non2xx: single.non2xx + batch.non2xx,
        batchMessagesPerSecond: Math.round((batch.requests * 1000) / batch.durationSeconds),
        batchP99Ms: batch.latencyMs.p99,
        serverRssMB: batch.serverRssMB,
      };
    };
    await setMode(t, 'off');
    const off = await measure();
    await setMode(t, 'enforce');
    const on = await measure();
    await setMode(t, 'off');
    const cost = (a: number, b: number) => `${Math.round((100 * (a - b)) / a)} %`;
    return {
      off,
      on,
      cost: {
        single: cost(off.singleRequestsPerSecond, on.singleRequestsPerSecond),
        batch: cost(off.batchMessagesPerSecond, on.batchMessagesPerSecond),
      },
    };
  },
};
