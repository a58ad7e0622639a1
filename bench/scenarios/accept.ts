// Accepting SMS: every 202 is committed in PostgreSQL (group commit) before it is answered.
import { load, type Scenario } from './load.ts';

const message = (i: number) => ({
  to: `+491511234${String(i % 10000).padStart(4, '0')}`,
  body: `Your code is ${100000 + (i % 900000)}`,
});

export const singleAccept: Scenario = {
  name: 'single-accept',
  connections: 64,
  run: (t) => load(t, { method: 'POST', path: '/v1/messages', body: JSON.stringify(message(1)) }),
};

export const batchAccept: Scenario = {
  name: 'batch-accept',
  connections: 8,
  async run(t) {
    const body = JSON.stringify({ messages: Array.from({ length: 1000 }, (_, i) => message(i)) });
    const r = await load(t, { method: 'POST', path: '/v1/messages/batch', body });
    return { ...r, messagesPerSecond: Math.round((r.requests * 1000) / r.durationSeconds) };
  },
};
