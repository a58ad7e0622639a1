// A webhook receiver on real HTTP: records every request (raw body and headers) and answers
// what the test says, so retries, 410s and outages are the receiver's real answers.
import http from 'node:http';

export interface Received {
  headers: Record<string, string>;
  body: string;
  at: number;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Decides each answer (default 204); `n` counts requests from 0. */
  answer: (r: Received, n: number) => Answer | 'hang';
  close(): Promise<void>;
}

export async function startReceiver(host = '127.0.0.1'): Promise<Receiver> {
  const hanging = new Set<http.ServerResponse>();
  const receiver: Receiver = {
    url: '',
    received: [],
    answer: () => ({ status: 204 }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = {
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      const n = receiver.received.length;
      receiver.received.push(r);
      const a = receiver.answer(r, n);
      if (a === 'hang') return void hanging.add(res);
      res.writeHead(a.status, a.headers).end(a.body ?? '');
    });
  });
  await new Promise<void>((r) => server.listen(0, host, () => r()));
  const addr = server.address();
  receiver.url = `http://${host}:${typeof addr === 'object' && addr ? addr.port : 0}/hook`;
  return receiver;
}
