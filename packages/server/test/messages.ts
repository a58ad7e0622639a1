// Helpers for messaging tests: send through the API and wait for a status, with a deadline.
import type { TestPlatform } from './harness.ts';
import { waitFor } from './wait.ts';

export { waitFor };

export async function waitForStatus(t: TestPlatform, key: string, id: string, statuses: string[]): Promise<any> {
  return waitFor(
    async () => {
      const res = await t.api.get(`/v1/messages/${id}`, { key });
      return statuses.includes(res.body.status) ? res.body : undefined;
    },
    `message ${id} to reach ${statuses.join('/')}`,
  );
}

export async function send(t: TestPlatform, key: string, body: Record<string, unknown>): Promise<any> {
  const res = await t.api.post('/v1/messages', { key, body });
  if (res.status !== 202) throw new Error(`send failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function waitForBound(t: TestPlatform): Promise<void> {
  await waitFor(async () => {
    const res = await t.api.get('/v1/admin/connectors', { key: t.boot.adminApiKey });
    return res.body.data?.some((c: { sandbox: boolean; state: string }) => c.sandbox && c.state === 'bound')
      ? true
      : undefined;
  }, 'the sandbox connector to bind');
}
