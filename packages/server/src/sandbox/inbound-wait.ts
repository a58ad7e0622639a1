// POST /v1/sandbox/inbound answers with the message the simulated phone caused. The request
// only queues it: the simulator's leader (maybe another process) sends it over SMPP or as
// Meta's webhook, and the platform stores it like any inbound message. Nothing links the two
// but sender, number and text, so the answer is the first new message that matches them.
import type { Context } from '../context.ts';
import type { KeyMode } from '../auth/api-key-format.ts';
import { latestInbound, messageDetail, type MessageDetail } from '../messaging/detail.ts';
import { P, Problem } from '../http/problem.ts';
import type { SandboxInbound } from './inbound-store.ts';

const WAIT_MS = 10_000;
// Polled, not LISTENed: a sandbox-only route, where a round trip takes a few hundred ms.
const POLL_MS = 50;

/** Messages seen before queueing, so an earlier identical message is not taken for the new one. */
export async function inboundBefore(
  ctx: Context,
  accountId: string,
  m: SandboxInbound,
  keyMode: KeyMode | undefined,
): Promise<Set<string>> {
  return new Set((await latestInbound(ctx, accountId, { ...m, keyMode })).map((r) => r.id));
}

export async function waitForInbound(
  ctx: Context,
  accountId: string,
  m: SandboxInbound,
  keyMode: KeyMode | undefined,
  before: Set<string>,
): Promise<MessageDetail> {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const fresh = (await latestInbound(ctx, accountId, { ...m, keyMode }))
      .reverse()
      .find((r) => !before.has(r.id) && r.body === m.body);
    const detail = fresh && (await messageDetail(ctx, accountId, fresh.id, keyMode));
    if (detail) return detail;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  throw new Problem(
    P.unavailable,
    `the sandbox did not deliver the message within ${WAIT_MS / 1000} s (is a worker running?); it may still arrive: GET /v1/messages?direction=inbound`,
  );
}
