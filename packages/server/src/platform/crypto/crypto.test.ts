import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startTestPlatform, TEST_MASTER_KEY, type TestPlatform } from '../../../test/harness.ts';
import { runCli } from '../../../test/cli.ts';
import { createKeyring } from './keyring.ts';
import { masterKeyFromBase64, resolveMasterKeys } from './master-key.ts';
import { loadConfig, ConfigError } from '../../config.ts';

describe('envelope encryption', () => {
  let t: TestPlatform;
  let accountId: string;
  let otherId: string;
  before(async () => {
    t = await startTestPlatform({ role: 'api' });
    accountId = t.boot.accountId;
    otherId = (await t.api.post('/v1/admin/accounts', { key: t.boot.adminApiKey, body: { name: 'Other' } })).body.id;
  });
  after(() => t.close());

  it('round-trips text and binary, and the ciphertext does not contain the plaintext', async () => {
    const { keyring } = t.platform.ctx;
    const text = 'Your code is 482913';
    const sealed = await keyring.encrypt(accountId, text);
    assert.ok(!sealed.includes(Buffer.from('482913')));
    assert.equal((await keyring.decrypt(accountId, sealed)).toString(), text);
    const bytes = crypto.randomBytes(5000);
    assert.deepEqual(await keyring.decrypt(accountId, await keyring.encrypt(accountId, bytes)), bytes);
    assert.notDeepEqual(await keyring.encrypt(accountId, text), sealed, 'a fresh IV every time');
  });

  it('refuses a ciphertext with one flipped byte, and one copied into another account', async () => {
    const { keyring } = t.platform.ctx;
    const sealed = await keyring.encrypt(accountId, 'secret');
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1]! ^= 1;
    await assert.rejects(keyring.decrypt(accountId, flipped));
    await assert.rejects(keyring.decrypt(otherId, sealed));
  });

  it('stores data keys only wrapped, unusable without the master key', async () => {
    await t.platform.ctx.keyring.encrypt(otherId, 'x');
    const rows = await t.platform.ctx.sql<
      { wrappedKey: Buffer }[]
    >`select wrapped_key as "wrappedKey" from data_keys where account_id = ${otherId}`;
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.wrappedKey.length, 12 + 16 + 32, 'iv + tag + sealed 32-byte key');
    const stranger = createKeyring(t.platform.ctx.sql, {
      current: masterKeyFromBase64(crypto.randomBytes(32).toString('base64'), 'x'),
      previous: [],
    });
    const sealed = await t.platform.ctx.keyring.encrypt(otherId, 'x');
    await assert.rejects(stranger.decrypt(otherId, sealed), /not configured/);
  });

  it('keys rotate re-wraps every data key under a new master key; old data still decrypts, the old key alone no longer does', async () => {
    const sealed = await t.platform.ctx.keyring.encrypt(accountId, 'before rotation');
    const newKey = crypto.randomBytes(32).toString('base64');
    const env = { DATABASE_URL: t.database.url, CX_MASTER_KEY: newKey, CX_MASTER_KEY_PREVIOUS: TEST_MASTER_KEY };
    const run = await runCli(['keys', 'rotate'], env);
    assert.equal(run.code, 0, run.out);
    assert.match(run.out, /[1-9]\d* data keys re-wrapped/);
    const withNew = createKeyring(t.platform.ctx.sql, { current: masterKeyFromBase64(newKey, 'new'), previous: [] });
    assert.equal((await withNew.decrypt(accountId, sealed)).toString(), 'before rotation');
    const withOld = createKeyring(t.platform.ctx.sql, {
      current: masterKeyFromBase64(TEST_MASTER_KEY, 'old'),
      previous: [],
    });
    await assert.rejects(withOld.decrypt(accountId, sealed), /not configured/);

    const again = await runCli(['keys', 'rotate'], { DATABASE_URL: t.database.url, CX_MASTER_KEY: newKey });
    assert.equal(again.code, 0);
    assert.match(again.out, / 0 data keys re-wrapped/);
    const lost = await runCli(['keys', 'rotate'], {
      DATABASE_URL: t.database.url,
      CX_MASTER_KEY: crypto.randomBytes(32).toString('base64'),
    });
    assert.equal(lost.code, 1, 'a master key that wrapped nothing and no previous key: refuse');
    assert.match(lost.out, /CX_MASTER_KEY_PREVIOUS/);

    const fresh = await runCli(['keys', 'rotate', '--data-keys'], {
      DATABASE_URL: t.database.url,
      CX_MASTER_KEY: newKey,
    });
    assert.equal(fresh.code, 0, fresh.out);
    const active = await t.platform.ctx
      .sql`select count(*)::int as n from data_keys where account_id = ${accountId} and retired_at is null`;
    assert.equal(active[0]!.n, 1);
    const afterDataKeys = createKeyring(t.platform.ctx.sql, {
      current: masterKeyFromBase64(newKey, 'new'),
      previous: [],
    });
    assert.equal(
      (await afterDataKeys.decrypt(accountId, sealed)).toString(),
      'before rotation',
      'retired data keys still decrypt',
    );
    const newer = await afterDataKeys.encrypt(accountId, 'after');
    assert.notEqual(
      newer.subarray(2, 2 + newer[1]!).toString(),
      sealed.subarray(2, 2 + sealed[1]!).toString(),
      'new data uses the new data key',
    );
  });
});

describe('master key resolution', () => {
  it('requires CX_MASTER_KEY with DATABASE_URL and rejects keys that are not 32 bytes', async () => {
    await assert.rejects(resolveMasterKeys(loadConfig({ DATABASE_URL: 'postgres://x@localhost/db' })), ConfigError);
    await assert.rejects(
      resolveMasterKeys(loadConfig({ CX_MASTER_KEY: Buffer.alloc(16).toString('base64') })),
      /exactly 32 bytes/,
    );
  });

  it('generates master.key (0600) in the data dir for the embedded database and reuses it', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cx-mk-'));
    try {
      const a = await resolveMasterKeys(loadConfig({ CX_DATA_DIR: dir }));
      const b = await resolveMasterKeys(loadConfig({ CX_DATA_DIR: dir }));
      assert.equal(a.current.id, b.current.id);
      assert.equal((await fs.stat(path.join(dir, 'master.key'))).mode & 0o777, 0o600);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
