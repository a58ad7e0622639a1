// The range list's CSV over the API: quoted fields read whole, spreadsheet formulas guarded on
// export, E.164 prefixes left as they are, and an export imported again keeps every value.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestPlatform, type TestPlatform } from '../../test/harness.ts';
import { SEED_RANGES } from './ranges.ts';

describe('range list CSV over the API', () => {
  let t: TestPlatform;
  const admin = () => t.boot.adminApiKey;
  const exportRanges = async () => (await t.api.get('/v1/admin/fraud/ranges', { key: admin() })).body as string;
  const importRanges = (csv: string) => t.api.request('PUT', '/v1/admin/fraud/ranges', { key: admin(), body: { csv } });
  const operatorRows = async () => [
    ...(await t.platform.ctx.sql<
      { prefix: string; action: string; label: string }[]
    >`select prefix, action, label from fraud_ranges order by prefix`),
  ];
  before(async () => {
    t = await startTestPlatform();
  });
  after(() => t.close());

  it('reads a quoted label holding a line break, a comma and quotes as one field', async () => {
    const res = await importRanges(
      'prefix,action,label\r\n+4915112345678,block,"Pumping seen\nin March, ""Berlin"""\r\n+4470,review,UK\r\n',
    );
    assert.deepEqual([res.status, res.body], [200, { entries: 2 }]);
    assert.deepEqual(await operatorRows(), [
      { prefix: '+4470', action: 'review', label: 'UK' },
      { prefix: '+4915112345678', action: 'block', label: 'Pumping seen\nin March, "Berlin"' },
    ]);
  });

  it('guards a label that a spreadsheet would run as a formula, and leaves numbers as they are', async () => {
    await importRanges(
      'prefix,action,label\n+4915112345678,block,"=HYPERLINK(""http://evil.example"",""x"")"\n+4470,review,@SUM(1+1)\n+4471,review,-5\n',
    );
    const csv = await exportRanges();
    assert.match(csv, /^\+4915112345678,block,"'=HYPERLINK\(""http:\/\/evil\.example"",""x""\)",operator$/m);
    assert.match(csv, /^\+4470,review,"'@SUM\(1\+1\)",operator$/m);
    assert.match(csv, /^\+4471,review,-5,operator$/m, 'a plain number is no formula');
    assert.match(csv, /^prefix,action,label,source$/m);
  });

  it('keeps every value when an export is imported again', async () => {
    await importRanges(
      'prefix,action,label\n+4915112345678,block,"=1+2, then\na line"\n+4472,allow,@home\n+4471,review,"  spaced  "\n',
    );
    const before = await operatorRows();
    const res = await importRanges(await exportRanges());
    assert.equal(res.status, 200, JSON.stringify(res.body));
    // The export lists the seed entries too, and an import takes every line as the operator's.
    const seed = SEED_RANGES.map(({ prefix, action, label }) => ({ prefix, action, label }));
    assert.deepEqual(
      await operatorRows(),
      [...before, ...seed].sort((a, b) => (a.prefix < b.prefix ? -1 : 1)),
    );
    assert.deepEqual(
      before.map((r) => r.label),
      ['spaced', '@home', '=1+2, then\na line'],
    );
  });

  it('names the line of a bad row and of a quote that is never closed, and changes nothing', async () => {
    const before = await operatorRows();
    const bad = await importRanges('prefix,action,label\n+44,review,"multi\nline ok"\n4477,block,x\n');
    assert.deepEqual(
      [bad.status, bad.body.errors],
      [422, [{ pointer: '/lines/3', detail: '"4477" is not a prefix like +882' }]],
    );
    const open = await importRanges('prefix,action,label\n+44,review,"never closed\n+45,block,x\n');
    assert.deepEqual(
      [open.status, open.body.errors],
      [422, [{ pointer: '/lines/2', detail: 'has a quoted field that is never closed' }]],
    );
    assert.deepEqual(await operatorRows(), before);
  });
});
