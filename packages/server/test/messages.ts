// Helpers for messaging tests: send through the API and wait for a status, with a deadline.
import type { TestPlatform } from './harness.ts';

export async function waitFor<T>(fn: () => Promise<T | undefined>, what: string, ms = 20000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function waitForStatus(t: TestPlatform, key: string, id: string, statuses: string[]): Promise<any> {
  return waitFor(async () => {
    const res = await t.api.get(`/v1/messages/${id}`, { key });
    return statuses.includes(res.body.status) ? res.body : undefined;
  }, `message ${id} to reach ${statuses.join('/')}`);
}

export async function send(t: TestPlatform, key: string, body: Record<string, unknown>): Promise<any> {
  const res = await t.api.post('/v1/messages', { key, body });
  if (res.status !== 202) throw new Error(`send failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function waitForBound(t: TestPlatform): Promise<void> {
  await waitFor(async () => {
    const res = await t.api.get('/v1/admin/connectors', { key: t.boot.adminApiKey });
    return res.body.data?.some((c: { sandbox: boolean; state: string }) => c.sandbox && c.state === 'bound') ? true : undefined;
  }, 'the sandbox connector to bind');
}
