// WhatsApp end to end: N template messages accepted in batches → the dispatcher → the sandbox
// Cloud API simulator over HTTP → signed, batched status webhooks (sent, delivered, read) back
// into our webhook route → `read`. Reports messages/s from the first accept to the last `read`.
// The simulator holds each number to Meta's 80 messages/s (130429 beyond), so the run sends
// from BENCH_WHATSAPP_NUMBERS sandbox numbers (default 16: up to 1,280 messages/s) round-robin.
import { benchDatabase, sendBatch, drainQueue, serverRssMB, type Scenario, type Target } from './load.ts';

const TOTAL = Number(process.env.BENCH_WHATSAPP_MESSAGES ?? 10_000);
const NUMBERS = Number(process.env.BENCH_WHATSAPP_NUMBERS ?? 16);
const hello = {
  name: 'hello_world',
  language: 'en_US',
  components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ada' }] }],
};

/** The k-th number the simulator reads: never ending in 900-999 (those trigger failures). */
const readable = (k: number) => `+4915113${String(Math.floor(k / 900) * 1000 + (k % 900)).padStart(6, '0')}`;

/** Business numbers of the house account on the sandbox WhatsApp connector, each its own phone number id. */
async function addNumbers(t: Target): Promise<string[]> {
  const headers = { authorization: `Bearer ${t.boot.adminApiKey}`, 'content-type': 'application/json' };
  type Connector = { id: string; kind: string; sandbox: boolean };
  let sandbox: Connector | undefined;
  // The messaging leader sets the sandbox up shortly after start.
  for (
    const until = Date.now() + 60_000;
    !sandbox && Date.now() < until;
    await new Promise((r) => setTimeout(r, 500))
  ) {
    const list = (await (await fetch(`${t.url}/v1/admin/connectors`, { headers })).json()) as { data: Connector[] };
    sandbox = list.data.find((c) => c.kind === 'whatsapp' && c.sandbox);
  }
  if (!sandbox) throw new Error('no sandbox WhatsApp connector after a minute');
  const numbers = Array.from({ length: NUMBERS }, (_, i) => `+1415555${String(7000 + i)}`);
  for (const [i, number] of numbers.entries()) {
    const body = {
      number,
      accountId: t.boot.accountId,
      channels: ['whatsapp'],
      whatsapp: { connectorId: sandbox.id, phoneNumberId: `2000000000${String(i).padStart(3, '0')}` },
    };
    const res = await fetch(`${t.url}/v1/admin/numbers`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (res.status !== 201 && res.status !== 409)
      throw new Error(`number not added: ${res.status} ${await res.text()}`);
  }
  return numbers;
}

export const whatsapp: Scenario = {
  name: 'whatsapp',
  connections: 4,
  async run(t) {
    const sql = await benchDatabase(t);
    await drainQueue(sql);
    const senders = await addNumbers(t);
    const reference = `bench-wa-${Date.now()}`;
    const started = Date.now();
    const batches = Math.ceil(TOTAL / 1000);
    for (let b = 0; b < batches; b += t.connections) {
      await Promise.all(
        Array.from({ length: Math.min(t.connections, batches - b) }, async (_, j) => {
          const messages = Array.from({ length: Math.min(1000, TOTAL - (b + j) * 1000) }, (_, i) => ({
            channel: 'whatsapp',
            from: senders[i % senders.length],
            to: readable((b + j) * 1000 + i),
            template: hello,
            reference,
          }));
          await sendBatch(t, messages);
        }),
      );
    }
    const acceptedAfterMs = Date.now() - started;
    let read = 0;
    let peakRss = 0;
    for (const deadline = Date.now() + 10 * 60_000; read < TOTAL && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 250));
      peakRss = Math.max(peakRss, await serverRssMB(t.serverPid));
      const [count] = await sql<
        { n: number }[]
      >`select count(*)::int as n from messages where reference = ${reference} and status = 'read'`;
      read = count!.n;
    }
    const seconds = (Date.now() - started) / 1000;
    const [throttled] = await sql<
      { n: number }[]
    >`select count(*)::int as n from message_attempts a join messages m on m.account_id = a.account_id and m.id = a.message_id
      where m.reference = ${reference} and a.error_code = 'whatsapp_130429'`;
    await sql.end();
    return {
      messages: TOTAL,
      numbers: senders.length,
      read,
      throttledRetries: throttled!.n,
      acceptedInSeconds: acceptedAfterMs / 1000,
      seconds,
      messagesPerSecond: Math.round(read / seconds),
      peakServerRssMB: peakRss,
    };
  },
};
