import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { collectInboundPart } from './inbound-parts.ts';

describe('reassembling concatenated inbound SMS', () => {
  let t: TestPlatform;
  before(async () => {
    t = await startTestPlatform({ role: 'api' });
  });
  after(() => t.close());

  const part = (seq: number, text: string, ref = 7) => ({
    connectorId: 'con_a',
    from: '+4917612345678',
    to: '+14155550100',
    text,
    at: new Date(),
    part: { ref, total: 3, seq },
  });

  it('puts parts that arrive out of order and twice back in order, once', async () => {
    assert.equal(await collectInboundPart(t.platform.ctx.sql, part(3, 'three')), undefined);
    assert.equal(await collectInboundPart(t.platform.ctx.sql, part(1, 'one ')), undefined);
    assert.equal(
      await collectInboundPart(t.platform.ctx.sql, part(1, 'one ')),
      undefined,
      'a duplicate changes nothing',
    );
    assert.equal(await collectInboundPart(t.platform.ctx.sql, part(2, 'two ')), 'one two three');
    const [{ n }] = (await t.platform.ctx.sql`select count(*)::int as n from inbound_parts`) as unknown as [
      { n: number },
    ];
    assert.equal(n, 0, 'nothing left behind');
  });

  it('completes exactly once when the last parts arrive at the same time', async () => {
    await collectInboundPart(t.platform.ctx.sql, part(1, 'a', 9));
    const results = await Promise.all([
      collectInboundPart(t.platform.ctx.sql, part(2, 'b', 9)),
      collectInboundPart(t.platform.ctx.sql, part(3, 'c', 9)),
    ]);
    assert.deepEqual(results.filter(Boolean), ['abc']);
  });
});
