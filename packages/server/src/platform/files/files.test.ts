import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { deleteExpiredFiles, postgresFileStore, type FileStore } from './store.ts';

async function collect(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of stream) parts.push(p);
  return Buffer.concat(parts);
}

async function* pieces(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

describe('files in PostgreSQL', () => {
  let t: TestPlatform;
  let store: FileStore;
  before(async () => {
    t = await startTestPlatform({ role: 'api' });
    store = postgresFileStore(t.platform.ctx.sql, t.platform.ctx.clock);
  });
  after(() => t.close());

  it('round-trips a 3 MB file byte for byte with its size and SHA-256, streamed in odd-sized pieces', async () => {
    const data = crypto.randomBytes(3 * 1024 * 1024 + 123);
    const meta = await store.put(
      t.boot.accountId,
      { name: 'export.json', contentType: 'application/json' },
      pieces(data, 100_003),
    );
    assert.equal(meta.size, data.length);
    assert.equal(meta.sha256, crypto.createHash('sha256').update(data).digest('hex'));
    const got = await store.get(t.boot.accountId, meta.id);
    assert.ok(got);
    assert.deepEqual(await collect(got.stream), data);
    const [{ n }] = (await t.platform.ctx
      .sql`select count(*)::int as n from file_chunks where file_id = ${meta.id}`) as unknown as [{ n: number }];
    assert.equal(n, 13, '256 KiB chunks');
  });

  it("never serves another account's file, and deletes", async () => {
    const meta = await store.put(
      t.boot.accountId,
      { name: 'a.txt', contentType: 'text/plain' },
      pieces(Buffer.from('hello'), 2),
    );
    const other = (await t.api.post('/v1/admin/accounts', { key: t.boot.adminApiKey, body: { name: 'F' } })).body.id;
    assert.equal(await store.get(other, meta.id), undefined);
    assert.equal(await store.delete(other, meta.id), false);
    assert.equal(await store.delete(t.boot.accountId, meta.id), true);
    assert.equal(await store.get(t.boot.accountId, meta.id), undefined);
  });

  it('the expiry sweep removes expired files only', async () => {
    const now = new Date();
    const old = await store.put(
      t.boot.accountId,
      { name: 'old', contentType: 'text/plain', expiresAt: new Date(now.getTime() - 1000) },
      pieces(Buffer.from('x'), 1),
    );
    const fresh = await store.put(
      t.boot.accountId,
      { name: 'new', contentType: 'text/plain', expiresAt: new Date(now.getTime() + 3600_000) },
      pieces(Buffer.from('y'), 1),
    );
    assert.ok((await deleteExpiredFiles(t.platform.ctx.sql, now)) >= 1);
    assert.equal(await store.get(t.boot.accountId, old.id), undefined);
    assert.ok(await store.get(t.boot.accountId, fresh.id));
  });
});
