// Webhooks: an endpoint subscribed to every event receives the deliveries of N messages sent end
// to end (4 events each: queued, sending, sent, delivered). Reports events delivered per second
// and the delay from each event to its arrival at a local receiver.
import http from 'node:http';
import { sendBatch, serverRssMB, type Scenario } from './load.ts';

const MESSAGES = Number(process.env.BENCH_WEBHOOK_MESSAGES ?? 5_000);
const EVENTS_PER_MESSAGE = 4;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export const webhooks: Scenario = {
  name: 'webhooks',
  connections: 4,
  async run(t) {
    const reference = `webhooks-${Date.now()}`;
    const delays: number[] = [];
    let first = 0;
    let last = 0;
    const receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c));
      req.on('end', () => {
        const now = Date.now();
        const event = JSON.parse(body) as { timestamp: string; data: { reference?: string } };
        if (event.data.reference === reference) {
          delays.push(now - Date.parse(event.timestamp));
          first ||= now;
          last = now;
        }
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
    const port = (receiver.address() as { port: number }).port;
    const headers = { authorization: `Bearer ${t.boot.apiKey}`, 'content-type': 'application/json' };
    const created = await fetch(`${t.url}/v1/webhook-endpoints`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ url: `http://127.0.0.1:${port}/hook`, events: ['*'] }),
    });
    const endpoint = (await created.json()) as { id: string };
    const expected = MESSAGES * EVENTS_PER_MESSAGE;
    let peakRss = 0;
    try {
      for (let sent = 0; sent < MESSAGES; sent += 1000) {
        const messages = Array.from({ length: Math.min(1000, MESSAGES - sent) }, (_, i) => ({
          to: `+4915113${String(Math.floor((sent + i) / 900) * 1000 + ((sent + i) % 900)).padStart(6, '0')}`,
          body: 'webhooks',
          reference,
        }));
        await sendBatch(t, messages);
      }
      for (const deadline = Date.now() + 10 * 60_000; delays.length < expected && Date.now() < deadline; ) {
        await new Promise((r) => setTimeout(r, 250));
        peakRss = Math.max(peakRss, await serverRssMB(t.serverPid));
      }
    } finally {
      await fetch(`${t.url}/v1/webhook-endpoints/${endpoint.id}`, {
        method: 'DELETE',
        headers: { authorization: headers.authorization },
      });
      receiver.closeAllConnections();
      receiver.close();
    }
    const sorted = [...delays].sort((a, b) => a - b);
    const seconds = (last - first) / 1000 || 1;
    return {
      messages: MESSAGES,
      events: expected,
      delivered: delays.length,
      seconds,
      eventsPerSecond: Math.round(delays.length / seconds),
      delayMs: { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0 },
      peakServerRssMB: peakRss,
    };
  },
};
