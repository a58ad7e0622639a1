// An operator's SMSC goes away mid-run and comes back: the connector rebinds by itself and
// every accepted message is delivered, none lost.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { send, waitFor, waitForStatus } from '../../test/messages.ts';
import { startSmscSimulator, type SmscSimulator } from '../sandbox/smsc/simulator.ts';
import { createLogger } from '../platform/logger.ts';

describe('SMSC restart mid-run', () => {
  let t: TestPlatform;
  let smsc: SmscSimulator;
  before(async () => {
    t = await startTestPlatform();
    smsc = await startSmscSimulator({
      systemId: 'operator',
      password: 'pw',
      log: createLogger('silent'),
      receiptDelayMs: 50,
    });
  });
  after(async () => {
    await smsc.close();
    await t.close();
  });

  it('rebinds after the SMSC restarts and delivers what was accepted while it was down', async () => {
    const admin = t.boot.adminApiKey;
    const port = smsc.port;
    const connector = await t.api.post('/v1/admin/connectors', {
      key: admin,
      body: {
        name: 'operator',
        kind: 'smpp',
        config: { host: '127.0.0.1', port, systemId: 'operator', password: 'pw', reconnectMaxSeconds: 1 },
      },
    });
    await t.api.post('/v1/admin/routes', {
      key: admin,
      body: { prefix: '+36', connectors: [{ connectorId: connector.body.id, priority: 0 }] },
    });
    const bound = () =>
      waitFor(
        async () =>
          (await t.api.get(`/v1/admin/connectors/${connector.body.id}`, { key: admin })).body.state === 'bound'
            ? true
            : undefined,
        'the operator connector to bind',
        30_000,
      );
    await bound();
    const first = await send(t, t.boot.apiKey, { to: '+36201234567', body: 'before the outage' });
    await waitForStatus(t, t.boot.apiKey, first.id, ['delivered']);

    await smsc.close();
    const during = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        send(t, t.boot.apiKey, { to: `+3620123456${i}`, body: `during the outage ${i}` }),
      ),
    );
    smsc = await startSmscSimulator({
      port,
      systemId: 'operator',
      password: 'pw',
      log: createLogger('silent'),
      receiptDelayMs: 50,
    });
    for (const m of during) {
      const done = await waitForStatus(t, t.boot.apiKey, m.id, ['delivered']);
      assert.equal(done.connectorId, connector.body.id);
    }
  });
});
