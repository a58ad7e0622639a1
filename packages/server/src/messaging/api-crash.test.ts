// Exact under an api crash: an api process is SIGKILLed under load (at the 400th answered
// request, not at a time). Every id a client was given exists; a retry with the same
// Idempotency-Key returns the committed message, whether its first answer arrived or not, and
// no retry creates a second message.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient, startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { startRole, type RoleProcess } from '../../test/processes.ts';
import { ManualClock } from '../platform/clock.ts';

const TOTAL = 1200;
const CONCURRENCY = 24;
const KILL_AT_ANSWER = 400;

interface Sent {
  key: string;
  body: { to: string; body: string; reference: string };
  /** The id a 2xx gave; undefined when the answer never came. */
  id?: string;
}

describe('an api process SIGKILLed under load', () => {
  const clock = new ManualClock(new Date());
  let t: TestPlatform;
  let api: RoleProcess;
  before(async () => {
    t = await startTestPlatform({ role: 'api', clock });
  });
  after(async () => {
    await api?.kill();
    await t.close();
  });

  it('keeps every id it answered with, and a retry with the same Idempotency-Key returns the committed message', async () => {
    api = await startRole('api', t.database.url);
    const client = new ApiClient((await api.url)!);
    const key = t.boot.apiKey;
    const sent: Sent[] = [];
    let answered = 0;
    let next = 0;
    const load = async () => {
      while (next < TOTAL && api.child.exitCode === null && api.child.signalCode === null) {
        const i = next++;
        const s: Sent = {
          key: `crash-${i}`,
          body: { to: `+4915123${String(i).padStart(6, '0')}`, body: `api crash ${i}`, reference: `api-crash-${i}` },
        };
        sent.push(s);
        const res = await client
          .post('/v1/messages', { key, body: s.body, headers: { 'idempotency-key': s.key } })
          .catch(() => undefined);
        if (!res) continue; // the process died before it answered
        assert.equal(res.status, 202, JSON.stringify(res.body));
        s.id = res.body.id;
        if (++answered === KILL_AT_ANSWER) api.child.kill('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, load));
    await api.exited;
    const given = sent.flatMap((s) => (s.id ? [s.id] : []));
    assert.ok(
      given.length >= KILL_AT_ANSWER && sent.length > given.length,
      `${given.length} answered of ${sent.length} sent`,
    );

    const stored = await t.platform.ctx.sql<{ id: string; reference: string }[]>`
      select id, reference from messages where account_id = ${t.boot.accountId} and reference like 'api-crash-%'`;
    const storedIds = new Set(stored.map((m) => m.id));
    assert.deepEqual(
      given.filter((id) => !storedIds.has(id)),
      [],
      'every id a client was given exists',
    );
    const committed = new Map(stored.map((m) => [m.reference, m.id]));
    const unanswered = sent.filter((s) => !s.id);
    const committedUnanswered = unanswered.filter((s) => committed.has(s.body.reference)).length;

    // Retries go to the api that survived, past the time a crashed request holds its key.
    clock.set(new Date(Date.now() + 61_000));
    for (const s of sent) {
      const res = await t.api.post('/v1/messages', { key, body: s.body, headers: { 'idempotency-key': s.key } });
      assert.equal(res.status, 202, `${s.key}: ${JSON.stringify(res.body)}`);
      const first = s.id ?? committed.get(s.body.reference);
      if (first) assert.equal(res.body.id, first, `${s.key}: the retry returns the committed message`);
    }
    const [counts] = await t.platform.ctx.sql<{ n: number; distinct: number }[]>`
      select count(*)::int as n, count(distinct reference)::int as distinct from messages
      where account_id = ${t.boot.accountId} and reference like 'api-crash-%'`;
    assert.deepEqual(counts, { n: sent.length, distinct: sent.length }, 'one message per request, none twice');
    console.log(
      `api crash: ${given.length} answered, ${unanswered.length} cut off, ${committedUnanswered} of those committed`,
    );
  });
});
