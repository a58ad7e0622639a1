import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../../db/embedded.ts';
import { ManualClock } from '../clock.ts';
import { startTestPlatform, type TestPlatform } from '../../../test/harness.ts';
import { enqueueEmail, sendDueEmails, smtpSender } from './outbox.ts';
import { waitFor } from '../../../test/wait.ts';
import { dumpDatabase, findInDump } from '../../../test/dump.ts';
import { decryptField } from '../crypto/keyring.ts';

function startSmtp(port: number): Promise<{ received: { to: string; raw: string }[]; close: () => Promise<void> }> {
  const received: { to: string; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (d: Buffer) => (raw += d));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        cb();
      });
    },
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve({ received, close: () => new Promise((r) => server.close(() => r())) }),
    ),
  );
}

describe('email outbox in the sandbox', () => {
  let t: TestPlatform;
  before(async () => {
    t = await startTestPlatform();
  });
  after(() => t.close());

  it('keeps emails instead of sending them and lists them for their account only', async () => {
    const other = (await t.api.post('/v1/admin/accounts', { key: t.boot.adminApiKey, body: { name: 'Mail' } })).body.id;
    await t.platform.ctx.sql.begin((tx) =>
      enqueueEmail(tx, {
        accountId: t.boot.accountId,
        to: 'ops@example.com',
        subject: 'Limit warning',
        text: '75 % used',
        at: new Date(),
      }),
    );
    await t.platform.ctx.sql.begin((tx) =>
      enqueueEmail(tx, { accountId: other, to: 'x@example.com', subject: 'Not yours', text: '-', at: new Date() }),
    );
    const kept = await waitFor(async () => {
      const res = await t.api.get('/v1/sandbox/emails', { key: t.boot.apiKey });
      return res.body.data[0]?.status === 'kept' ? res.body.data : undefined;
    }, 'the email to be kept');
    assert.equal(kept.length, 1);
    assert.equal(kept[0].subject, 'Limit warning');
    assert.equal(kept[0].to, 'ops@example.com');
    const dump = await dumpDatabase(t.platform.ctx.sql);
    assert.deepEqual(findInDump(dump, 'ops@example.com'), [], 'the address is sealed at rest');
    assert.deepEqual(findInDump(dump, 'Limit warning'), [], 'so is the content');
  });

  it('seals at start-up the emails an older version queued in plaintext, and still delivers them', async () => {
    const database = t.database;
    await t.platform.ctx
      .sql`insert into email_outbox (account_id, id, to_address, subject, text_body, status, next_attempt_at, created_at)
                             values (${t.boot.accountId}, 'eml_legacy', 'old@example.com', 'Queued before the upgrade', 'hello', 'queued', now(), now())`;
    await t.close({ keepDatabase: true });
    t = await startTestPlatform({ database, dataDir: t.dataDir });
    const kept = await waitFor(async () => {
      const res = await t.api.get('/v1/sandbox/emails', { key: t.boot.apiKey });
      return res.body.data.find((e: { id: string; status: string }) => e.id === 'eml_legacy' && e.status === 'kept');
    }, 'the legacy email to be kept');
    assert.deepEqual([kept.to, kept.subject], ['old@example.com', 'Queued before the upgrade']);
    assert.deepEqual(findInDump(await dumpDatabase(t.platform.ctx.sql), 'old@example.com'), []);
  });

  it('refuses a key without sandbox:use', async () => {
    const k = (await t.api.post('/v1/api-keys', { key: t.boot.apiKey, body: { name: 'r', scopes: ['messages:read'] } }))
      .body.secret;
    assert.equal((await t.api.get('/v1/sandbox/emails', { key: k })).status, 403);
  });
});

describe('email outbox with SMTP', () => {
  it('sends through SMTP, and retries with backoff while the server is down', async () => {
    const port = await freePort();
    const clock = new ManualClock(new Date());
    const t = await startTestPlatform({
      role: 'api',
      clock,
      env: { CX_SANDBOX: 'false', SMTP_URL: `smtp://127.0.0.1:${port}` },
    });
    try {
      const ctx = t.platform.ctx;
      const sender = smtpSender(ctx);
      await ctx.sql.begin((tx) =>
        enqueueEmail(tx, {
          accountId: t.boot.accountId,
          to: 'billing@example.com',
          subject: 'Invoice',
          text: 'Due in 14 days',
          at: clock.now(),
        }),
      );
      assert.equal(await sendDueEmails(ctx, sender), 1);
      const [failed] = await ctx.sql`select status, attempts, next_attempt_at, last_error from email_outbox`;
      assert.equal(failed!.status, 'queued');
      assert.equal(failed!.attempts, 1);
      assert.match(
        (await decryptField(ctx.keyring, t.boot.accountId, failed!.last_error as Buffer)) ?? '',
        /ECONNREFUSED/,
        'the SMTP error is sealed: it can echo the address',
      );
      assert.equal(
        (failed!.next_attempt_at as Date).getTime(),
        clock.now().getTime() + 60_000,
        'first retry after a minute',
      );
      assert.equal(await sendDueEmails(ctx, sender), 0, 'not due yet');

      const smtp = await startSmtp(port);
      try {
        clock.advance(61_000);
        assert.equal(await sendDueEmails(ctx, sender), 1);
        const [sent] = await ctx.sql`select status, attempts from email_outbox`;
        assert.equal(sent!.status, 'sent');
        assert.equal(smtp.received.length, 1);
        assert.equal(smtp.received[0]!.to, 'billing@example.com');
        assert.match(smtp.received[0]!.raw, /Subject: Invoice/);
      } finally {
        await smtp.close();
      }
    } finally {
      await t.close();
    }
  });
});
