// The portal's heavy reads on an account with 100,000 messages: the message log's first page,
// a filter that matches few rows (a rare status, one recipient), and the dashboard's 7-day
// summary. The log is answered page by page from indexes, so its cost should not grow with
// the history; the summary counts the week's rows. Messages are accepted through the API
// (api-only server: nothing dispatches them), then most are marked delivered and a few failed
// in the database, as a real week would look.
import { benchDatabase, load, spreadNumber, type Scenario, type Target } from './load.ts';

const MESSAGES = Number(process.env.BENCH_PORTAL_MESSAGES ?? 100_000);
/** One recipient gets one message in every batch, so the `to` filter matches a hundred. */
const REGULAR = '+4915100000007';

const batch = (b: number) =>
  JSON.stringify({
    messages: Array.from({ length: 1000 }, (_, i) => ({
      to: i === 0 ? REGULAR : spreadNumber('+49152', b * 1000 + i),
      body: `Your order ${b * 1000 + i} has shipped.`,
    })),
  });

async function seed(t: Target): Promise<void> {
  for (let b = 0; b < MESSAGES / 1000; b++) {
    const res = await fetch(`${t.url}/v1/messages/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.boot.apiKey}`, 'content-type': 'application/json' },
      body: batch(b),
    });
    if (res.status !== 202 && res.status !== 207)
      throw new Error(`seeding batch ${b}: ${res.status} ${await res.text()}`);
  }
  const sql = await benchDatabase(t);
  try {
    await sql`update messages set status = case when random() < 0.01 then 'failed' else 'delivered' end where status = 'queued'`;
    await sql`vacuum analyze messages`;
  } finally {
    await sql.end();
  }
}

export const portalLists: Scenario = {
  name: 'portal-lists',
  connections: 8,
  role: 'api',
  async run(t) {
    const started = Date.now();
    await seed(t);
    const seededSeconds = Math.round((Date.now() - started) / 100) / 10;
    const now = Date.now();
    const week = `from=${new Date(now - 7 * 86_400_000).toISOString()}&to=${new Date(now + 60_000).toISOString()}`;
    const reads = {
      firstPage: '/v1/messages?limit=50',
      failedOnly: '/v1/messages?limit=50&status=failed',
      oneRecipient: `/v1/messages?limit=50&to=${encodeURIComponent(REGULAR)}`,
      weekSummary: `/v1/reports/summary?${week}`,
    };
    const figures: Record<string, { requestsPerSecond: number; p50Ms: number; p99Ms: number; non2xx: number }> = {};
    for (const [name, path] of Object.entries(reads)) {
      const r = await load(
        { ...t, durationSeconds: Math.max(3, Math.round(t.durationSeconds / 2)) },
        { method: 'GET', path },
      );
      figures[name] = {
        requestsPerSecond: r.requestsPerSecond,
        p50Ms: r.latencyMs.p50,
        p99Ms: r.latencyMs.p99,
        non2xx: r.non2xx + r.errors,
      };
    }
    return { messages: MESSAGES, seededSeconds, ...figures };
  },
};
