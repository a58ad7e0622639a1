// What each Graph error means for the dispatcher, Retry-After, and tokens kept out of errors.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { classifyGraphError, graphErrorFromAnswer, graphErrorFromNetwork } from './graph-error.ts';
import { retryAfterMs } from '../../platform/retry-after.ts';

describe('classifyGraphError', () => {
  it('sorts codes and HTTP statuses into what to do', () => {
    const cases: [number | null, number | null, string][] = [
      [130429, 400, 'throttled'],
      [131056, 400, 'throttled'],
      [80007, 400, 'throttled'],
      [4, 400, 'throttled'],
      [null, 429, 'throttled'],
      [1, 500, 'transient'],
      [2, 503, 'transient'],
      [131000, 500, 'transient'],
      [131016, 503, 'transient'],
      [null, 502, 'transient'],
      [null, null, 'permanent'],
      [131047, 400, 'window_closed'],
      [190, 401, 'auth'],
      [null, 401, 'auth'],
      [190, 400, 'auth'],
      [131026, 400, 'permanent'],
      [132000, 400, 'permanent'],
      [132001, 404, 'permanent'],
      [100, 400, 'permanent'],
      [131051, 400, 'permanent'],
    ];
    for (const [code, status, kind] of cases)
      assert.equal(classifyGraphError(code, status), kind, `code ${code}, HTTP ${status}`);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, ignores garbage', () => {
    assert.equal(retryAfterMs('30', Date.now()), 30_000);
    assert.equal(retryAfterMs('0', Date.now()), 0);
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(retryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now), 5000);
    assert.equal(retryAfterMs('Wed, 31 Dec 2025 23:00:00 GMT', now), 0);
    assert.equal(retryAfterMs(undefined, Date.now()), undefined);
    assert.equal(retryAfterMs('soon', Date.now()), undefined);
  });
});

describe('graphErrorFromAnswer', () => {
  it("reads Meta's error body: code, subcode, title, details, trace id", () => {
    const e = graphErrorFromAnswer(
      400,
      undefined,
      JSON.stringify({
        error: {
          message: '(#132000) Number of parameters does not match the expected number of params',
          type: 'OAuthException',
          code: 132000,
          error_subcode: 2494073,
          error_data: {
            messaging_product: 'whatsapp',
            details: 'body: number of localizable_params (0) does not match the expected number of params (1)',
          },
          fbtrace_id: 'AkG7',
        },
      }),
      'tok',
    );
    assert.deepEqual(
      [e.kind, e.code, e.subcode, e.title, e.details, e.fbtraceId, e.httpStatus],
      [
        'permanent',
        132000,
        2494073,
        'Number of parameters does not match the expected number of params',
        'body: number of localizable_params (0) does not match the expected number of params (1)',
        'AkG7',
        400,
      ],
    );
  });

  it('prefers error_user_title, falls back to the message without its (#code) prefix for unknown codes', () => {
    assert.equal(
      graphErrorFromAnswer(
        400,
        undefined,
        JSON.stringify({ error: { code: 131009, message: '(#131009) x', error_user_title: 'Bad value' } }),
        'EAAG-token',
      ).title,
      'Bad value',
    );
    assert.equal(
      graphErrorFromAnswer(
        400,
        undefined,
        JSON.stringify({ error: { code: 999999, message: '(#999999) Something new' } }),
        'EAAG-token',
      ).title,
      'Something new',
    );
  });

  it('cuts the access token out of anything Meta echoes', () => {
    const token = 'EAAG-secret-token';
    const e = graphErrorFromAnswer(
      400,
      undefined,
      JSON.stringify({
        error: { code: 100, message: `Invalid token ${token}`, error_data: { details: `token=${token}` } },
      }),
      token,
    );
    assert.ok(!e.message.includes(token) && !e.details!.includes(token) && !e.title.includes(token));
    assert.match(e.message, /\[redacted\]/);
    assert.ok(!graphErrorFromNetwork(new Error(`connect failed for ${token}`), token).message.includes(token));
  });

  it('makes a non-JSON answer an error by HTTP status, with Retry-After', () => {
    const e = graphErrorFromAnswer(503, '7', '<html>down</html>', 't');
    assert.deepEqual([e.kind, e.code, e.retryAfterMs, e.httpStatus], ['transient', null, 7000, 503]);
  });
});
